// What candidates meet, second pass (issue 32): each point as a candidate
// meets it, on a phone (390 px), in both languages where words are shown.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { language, CANDIDATES } from './support.mjs';
import { test, expect, completeScenario, button, embedPage, widgetReady, pathwayCard, answer, answerAll, answerAsAsked, expectHonestProgress, expectBackLeavesAndForwardReturns, expectHeading, reload, savedProgress } from './fixtures.mjs';

const PHONE = { viewport: { width: 390, height: 844 } };
const french = (lang) => (lang === 'en' ? {} : { locale: 'fr-CA', hostLang: 'fr-CA' });

/** How many of the results' disclosures are closed, and how many there are. */
const disclosures = (scope) => scope.locator('.icp-results').evaluate((r) => {
  const all = [...r.querySelectorAll('details')];
  return { closed: all.filter((d) => !d.open).length, all: all.length };
});
const print = (page, moment) => page.evaluate((m) => dispatchEvent(new Event(m)), moment);

for (const lang of ['en', 'fr-CA']) {
  const L = language(lang);

  test(`Printing opens every route card, reason, quotation and advice item for the printout, and closes them again after, as the candidate left them (demo page, ${lang}, 390 px)`, async ({ openWidget }) => {
    const page = await openWidget({ ...PHONE, ...french(lang) });
    await completeScenario(page, L, CANDIDATES.newcomer);
    // One card opened by the candidate stays open after printing; the rest close again.
    const card = pathwayCard(page, L, 'idc');
    await card.locator('summary').first().click();
    const before = await disclosures(page);
    assert.ok(before.closed > 10, `most disclosures start closed (${JSON.stringify(before)})`);
    await print(page, 'beforeprint');
    assert.equal((await disclosures(page)).closed, 0, 'everything is open for the printout');
    const advice = page.locator('.icp-advice__item .icp-citation').first();
    await expect(advice, 'an advice item\'s source prints').toBeVisible();
    await print(page, 'afterprint');
    assert.deepEqual(await disclosures(page), before, 'closed again after, as the candidate left them');
    assert.equal(await card.evaluate((d) => d.open), true, 'the card the candidate opened is still open');
  });
}

test('Printing opens every disclosure in an embedded widget too, inside its shadow root (390 px)', async ({ openPage, embed }) => {
  const EN = language('en');
  const page = await openPage(embedPage(embed, 'print.html', '<ic-pathfinder storage-key="print"></ic-pathfinder>'), PHONE);
  const host = page.locator('ic-pathfinder');
  await widgetReady(host);
  await completeScenario(host, EN, CANDIDATES.newcomer);
  const before = await disclosures(host);
  assert.ok(before.closed > 10, `most disclosures start closed (${JSON.stringify(before)})`);
  await print(page, 'beforeprint');
  assert.equal((await disclosures(host)).closed, 0, 'everything is open for the printout');
  await print(page, 'afterprint');
  assert.deepEqual(await disclosures(host), before, 'closed again after');
});

test('In French, the results title announces what it counts with French spacing, a route\'s progress agrees, and English quotations say they are English on the page and in the download (390 px)', async ({ openWidget }) => {
  const FR = language('fr-CA');
  const page = await openWidget({ ...PHONE, ...french('fr-CA'), acceptDownloads: true });
  await completeScenario(page, FR, CANDIDATES.newcomer);
  const total = FR.content.pathways.length;
  const announced = FR.T.resultsCount.replace('{met}', '0').replace('{total}', String(total));
  await expect(page.locator('.icp-root [aria-live="polite"]').first()).toHaveText(announced);
  assert.match(announced, /^Votre liste de vérification\u00a0: 0\u00a0parcours sur \d+ /, `the announcement says what it counts: ${announced}`);
  // No colon after a plain space, and none glued to the word before, in any French text of the page.
  // (English quotations keep their own spacing.)
  const text = await page.locator('.icp-root').evaluate((root) => {
    const copy = root.cloneNode(true);
    copy.querySelectorAll('[lang="en"], .icp-visually-hidden').forEach((e) => e.remove());
    return copy.textContent;
  });
  const glued = text.match(/.{0,30}(?:[^\s\u00a0\u202f]:\s| :).{0,30}/su);
  assert.equal(glued, null, `French spacing before every colon: ${glued?.[0]}`);
  const progress = await pathwayCard(page, FR, 'idc').locator('.icp-pathway__progress').first().textContent();
  assert.match(progress.trim(), /^Fait\u00a0: \d+ sur \d+$/, `agreement-free progress: ${progress}`);
  // Quotations are English: on the page, each says so.
  const quotes = page.locator('.icp-citation__quote');
  assert.ok(await quotes.count() > 0);
  for (const lang of await quotes.evaluateAll((qs) => qs.map((q) => q.lang))) assert.equal(lang, 'en');
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, FR.T.download).click()]);
  const html = fs.readFileSync(await download.path(), 'utf8');
  const quoted = [...html.matchAll(/<blockquote>(.*?)<\/blockquote>/g)].map((m) => m[1]).filter((b) => b.startsWith('<span') || b.startsWith('\u201c'));
  assert.ok(quoted.length > 0, 'the download has quotations');
  for (const q of quoted) assert.match(q, /^<span lang="en">\u201c/, `a quotation in the download says it is English: ${q.slice(0, 80)}`);
});

for (const lang of ['en', 'fr-CA']) {
  const L = language(lang);
  test(`Each source a candidate can check says what it is and whose words they are, with a link wherever an address is known, and each citation names its source that way (${lang}, 390 px)`, async ({ openWidget }) => {
    const page = await openWidget({ ...PHONE, ...french(lang) });
    await completeScenario(page, L, CANDIDATES.newcomer);
    const list = page.locator('.icp-sources');
    await list.locator('summary').click();
    const items = list.locator('.icp-sources__list > li');
    await expect(items).toHaveCount(L.content.sources.length);
    for (const [i, s] of L.content.sources.entries()) {
      const item = items.nth(i);
      await expect(item).toHaveText(s.title);
      // "Who": an organization's name or a person's role before the colon, then what the document is.
      assert.match(s.title, /^[^:]+\s?:\s.+/u, `"${s.title}" says whose it is, then what it is`);
      if (s.url) await expect(item.getByRole('link', { name: s.title, exact: true })).toHaveAttribute('href', s.url);
      else assert.equal(await item.getByRole('link').count(), 0, `no link is made up for "${s.title}"`);
    }
    // The two texts kept with the content are quoted in their authors' own words: the titles say whose.
    const own = lang === 'en' ? /own words/ : /propres mots|mots d’IDC/;
    for (const s of L.content.sources.filter((x) => x.file)) assert.match(s.title, own, `"${s.title}" says whose words are quoted`);
    const quoted = page.locator('.icp-citation__source').first();
    await quoted.evaluate((e) => e.closest('details')?.setAttribute('open', ''));
    const names = L.content.sources.map((s) => s.title);
    const caption = (await quoted.textContent()).trim();
    assert.ok(names.some((n) => caption.endsWith(n)), `a citation names its source by its title: ${caption}`);
  });
}

// Point 5, second half: the parts' total drops only with a word of why.
for (const lang of ['en', 'fr-CA']) {
  const L = language(lang);
  test(`When an answer rules whole parts out, the next question says why there are fewer parts, and no other question does (${lang}, 390 px)`, async ({ openWidget }) => {
    let drops = 0;
    for (const name of ['newcomer', 'usDirector']) {
      const page = await openWidget({ ...PHONE, ...french(lang) });
      const asked = await answerAsAsked(page, L, CANDIDATES[name]);
      assert.ok(asked, `${name} completes the questionnaire`);
      expectHonestProgress(asked.progress, L);
      drops += asked.progress.filter((p) => p.fewer).length;
      await page.context().close();
    }
    assert.ok(drops > 0, 'at least one of these candidates sees the parts drop');
  });
}

test('The note on fewer parts is in the page\'s language, under the progress (fr-CA, 390 px)', async ({ openWidget }) => {
  const FR = language('fr-CA');
  const page = await openWidget({ ...PHONE, ...french('fr-CA') });
  const answers = CANDIDATES.newcomer;
  await button(page, FR.T.start).click();
  for (const [id, value] of Object.entries(answers)) {
    if (await page.locator('.icp-question__fewer').count()) break;
    await answer(page, FR, id, value);
  }
  await expect(page.locator('.icp-question__fewer')).toHaveText(FR.T.fewerParts);
  assert.match(FR.T.fewerParts, /qu’avant\u00a0: /, 'French spacing before the colon');
});

// Point 3: one verdict line first, also for a candidate who meets no route yet.
for (const lang of ['en', 'fr-CA']) {
  const L = language(lang);
  test(`A candidate who meets no route yet reads first, under "Where you stand", the begun route with the fewest steps left and how far along it they are (${lang}, 390 px)`, async ({ openWidget }) => {
    const page = await openWidget({ ...PHONE, ...french(lang) });
    // Part-way through IDC, with no accredited program of SAG-AFTRA's and not all trainers look for: no route met yet.
    assert.ok(await answerAsAsked(page, L, { ...CANDIDATES.idiCanada, sag_program: 'no', foundational_training: false, communication_skills: false }), 'the questionnaire completes');
    await button(page, L.T.seeResults).click();
    const standing = page.getByRole('region', { name: L.T.standingTitle, exact: true });
    const lines = await standing.locator('.icp-standing__item').allInnerTexts();
    // Where the candidate stands on each route, from the cards' own progress.
    const routes = await page.locator('details.icp-pathway').evaluateAll((cards) => cards.map((c) => ({
      title: c.querySelector('.icp-pathway__title').textContent.trim(),
      progress: c.querySelector('.icp-pathway__progress')?.textContent.trim() ?? '',
    })));
    const numbers = (text) => (text.match(/\d+/g) ?? []).map(Number);
    const begun = routes.filter((r) => { const [done, total] = numbers(r.progress); return done > 0 && done < total; });
    assert.ok(begun.length > 1, `the candidate has begun several routes: ${JSON.stringify(routes)}`);
    const left = (r) => { const [done, total] = numbers(r.progress); return total - done; };
    const closest = begun.reduce((a, b) => (left(b) < left(a) ? b : a));
    const words = (text) => text.replace(/\s+/g, ' ').trim();
    assert.equal(words(lines[0]), words(`${L.T.closest} ${closest.title}, ${closest.progress}`), 'the first line names the closest route and its progress');
    // It comes before the plan, at the top of the page.
    const [standingTop, planTop] = await Promise.all([standing.boundingBox(), page.locator('.icp-plan').boundingBox()]);
    assert.ok(standingTop.y < planTop.y, 'before the plan');
  });
}

// Point 8: mid-way.
for (const lang of ['en', 'fr-CA']) {
  const L = language(lang);
  test(`"Change" on "Check your answers" returns, once the question is answered again, to the row changed, focused and in view (${lang}, 390 px)`, async ({ openWidget }) => {
    const page = await openWidget({ ...PHONE, ...french(lang) });
    const answers = CANDIDATES.newcomer;
    await answerAll(page, L, answers);
    const ids = Object.keys(answers);
    const id = ids.find((i) => L.question(i).type === 'yes_no' && i !== ids[0] && ids.indexOf(i) > ids.length / 2) ?? ids.at(-2);
    const change = page.getByRole('button', { name: `${L.T.change} ${L.question(id).text}`, exact: true });
    await change.click();
    await expectHeading(page, L.question(id).text);
    await button(page, L.T.continue).click();
    await expectHeading(page, L.T.checkTitle);
    await expect(change).toBeFocused();
    await expect(change).toBeInViewport();
  });

  test(`After a reload mid-way, Back from the start page leaves for the page before, as on a first visit, instead of jumping into the questions (${lang}, 390 px)`, async ({ openWidget, demo }) => {
    const page = await openWidget({ ...PHONE, ...french(lang), before: demo.url('before.html') });
    await button(page, L.T.start).click();
    const answers = Object.entries(CANDIDATES.newcomer).slice(0, 3);
    for (const [id, value] of answers) await answer(page, L, id, value);
    await reload(page);
    await expectHeading(page, L.content.title);
    await expectBackLeavesAndForwardReturns(page, L);
    // The answers are kept, to continue from.
    await button(page, L.T.resume).click();
    await expectHeading(page, L.question(Object.keys(CANDIDATES.newcomer)[3]).text);
  });
}
