// The definition studio (studio.html): an editor for a pathway definition,
// checked on every change by the same validator as icp-check (the studio's
// wasm, src/studio.rs), with the files its `translations` list (fetched as the
// preview fetches them), each problem a button that selects its place in the
// text; the widget itself previews the last valid version (the embed module's
// mount(), under a storage key of its own, in this tab only); answers tried
// against it are exported as a scenario fixture for `icp-check --scenarios`.
// The work is kept in this browser (localStorage), never sent anywhere.
// Bundled with jsonc-parser (for where a path is in the text) by
// scripts/build-embed.sh (esbuild); DOM calls only, no HTML strings.
import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import { mount } from './ic-pathfinder.js';
import init, { checkDefinition, checklistStatuses, previewAnswers, recordScenario, translationProblems } from './ic-pathfinder-studio.js';

const DRAFT_KEY = 'icp-studio:draft';
const DRAFT_VERSION = 1;
const PREVIEW_KEY = 'icp-studio-preview';
const $ = (id) => document.getElementById(id);
const text = $('studio-text');
const lines = $('studio-lines');
const problemsList = $('studio-problems');
const status = $('studio-status');
const draftStatus = $('studio-draft-status');

/** What became of the draft, said on the page (not only in the console): an editor must know when their work is not kept. */
function sayDraft(message) {
  if (draftStatus.textContent !== message) draftStatus.textContent = message;
  draftStatus.hidden = message === '';
}

/** localStorage when it works (a sandboxed page or a private mode may refuse it), else nothing is kept. */
const store = (() => {
  try {
    localStorage.setItem('icp-studio:probe', '1');
    localStorage.removeItem('icp-studio:probe');
    return localStorage;
  } catch {
    return null;
  }
})();

/** The kept draft's text; a record of another version, or unreadable, is left where it is and not used. */
function readDraft() {
  try {
    const record = JSON.parse(store?.getItem(DRAFT_KEY) ?? 'null');
    return record?.version === DRAFT_VERSION && typeof record.text === 'string' ? record.text : null;
  } catch {
    return null;
  }
}

/** A kept record this studio cannot read (another version's, or damaged) is set aside once, never written over. */
function setAsideOthers() {
  const kept = store?.getItem(DRAFT_KEY);
  if (kept == null || readDraft() !== null) return;
  const aside = `${DRAFT_KEY}:set-aside:${Date.now()}`;
  try {
    store.setItem(aside, kept);
    store.removeItem(DRAFT_KEY);
    setAside = aside;
  } catch (e) {
    console.error('IC Pathfinder studio: a draft this version cannot read could not be set aside; it is left as it is:', e);
  }
}
/** The key a draft of another studio version was set aside under, in this visit. */
let setAside = null;

function keepDraft(value) {
  if (!store) {
    sayDraft('This browser does not let the studio keep your draft: use Download to keep your work.');
    return;
  }
  setAsideOthers();
  // Left as it was when it could not be set aside.
  if (store.getItem(DRAFT_KEY) !== null && readDraft() === null) {
    sayDraft('A draft from another version of the studio is kept in this browser and could not be set aside, so your draft is not kept: use Download to keep your work.');
    return;
  }
  const record = JSON.stringify({ version: DRAFT_VERSION, text: value, saved: new Date().toISOString() });
  try {
    store.setItem(DRAFT_KEY, record);
    sayDraft(setAside ? `A draft from another version of the studio was kept in this browser: it is set aside, not lost (under ${setAside}).` : '');
  } catch (e) {
    // Storage full, or the text too large: the text stays on screen; Download keeps it.
    console.error('IC Pathfinder studio: the draft could not be kept in this browser:', e);
    sayDraft('Your draft could not be kept in this browser (its storage is full, or the text is too large): use Download to keep your work.');
  }
}

function numberLines() {
  const count = text.value.split('\n').length;
  lines.textContent = Array.from({ length: count }, (_, i) => i + 1).join('\n');
  lines.scrollTop = text.scrollTop;
}
text.addEventListener('scroll', () => { lines.scrollTop = text.scrollTop; });

/** The offset in `area`'s text of a 1-based line and column. */
function offsetOf(area, line, column) {
  const rows = area.value.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < rows.length; i++) offset += rows[i].length + 1;
  return offset + Math.max(0, column - 1);
}

/** `questions[4].when["a b"]` as jsonc-parser's segments: ['questions', 4, 'when', 'a b']. */
function segments(path) {
  if (path === '.' || !path) return [];
  const out = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(`"${m[3]}"`));
  }
  return out;
}

/** Where a problem is in `area`'s text: [start, end). */
function locate(problem, area = text) {
  // Malformed JSON has no path: its line and column say where. (serde's
  // other messages may end with a line and column too; their path is closer.)
  const where = /at line (\d+) column (\d+)/.exec(problem.message);
  if (where && problem.path === '.') {
    const start = offsetOf(area, Number(where[1]), Number(where[2]));
    return [Math.max(0, start - 1), start];
  }
  const tree = parseTree(area.value);
  if (!tree) return [0, 0];
  let path = segments(problem.path);
  let node = null;
  // The deepest part of the path that is in the text (a missing field's object, say).
  while (!(node = findNodeAtLocation(tree, path)) && path.length) path = path.slice(0, -1);
  node ??= tree;
  // An unknown or missing field: the field itself, when it is there.
  const field = /unknown field `([^`]+)`/.exec(problem.message)?.[1];
  if (field && node.type === 'object') {
    const property = node.children?.find((p) => p.children?.[0]?.value === field);
    if (property) node = property.children[0];
  } else if (node.parent?.type === 'property' && node.parent.children[1] === node) {
    // A value: with its key, so the place reads as the field.
    node = node.parent;
  }
  return [node.offset, node.offset + node.length];
}

function select([start, end], area = text) {
  area.focus();
  area.setSelectionRange(start, end);
  // Bring the line into view: the textarea scrolls to its caret only on some browsers.
  const line = area.value.slice(0, start).split('\n').length;
  const height = parseFloat(getComputedStyle(area).lineHeight) || 20;
  area.scrollTop = Math.max(0, (line - 3) * height);
}

let preview = null;
let lastValid = null;

/** Each problem as a button that selects its place in `area`, in the words icp-check prints after the file name. */
function listProblems(list, problems, area) {
  list.replaceChildren();
  for (const problem of problems) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'studio-problems__item';
    button.textContent = problem.path === '.' ? problem.message : `${problem.path}: ${problem.message}`;
    button.addEventListener('click', () => select(locate(problem, area), area));
    item.append(button);
    list.append(item);
  }
}

/** The editor's status: `kind` valid, invalid or neither (''); a status that has not changed is not said again. */
function sayStatus(message, kind) {
  if (status.textContent !== message) status.textContent = message;
  status.className = kind ? `studio-status studio-status--${kind}` : 'studio-status';
}

const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const listing = (langs) => `${langs.length === 1 ? 'language' : 'languages'} (${langs.join(', ')})`;

/** The problems in the editor's text, or (`untranslated`: the languages that could not be loaded, when the text is valid) in the files its `translations` name. */
function showProblems(problems, untranslated = []) {
  listProblems(problemsList, problems, text);
  if (problems.length === 0) {
    sayStatus('No problems: the definition is valid. The preview shows it.', 'valid');
  } else if (untranslated.length) {
    // The preview's own words ("The other language could not be loaded."), with which one and why.
    sayStatus(`The other ${listing(untranslated)} could not be loaded: ${count(problems.length, 'problem', 'problems')}, select one to go to its place. The rest of the definition is valid, and the preview shows it.`, 'invalid');
  } else {
    sayStatus(`${count(problems.length, 'problem', 'problems')}: select one to go to its place.`, 'invalid');
  }
}

/** The languages a (valid) definition's text lists in `translations`. */
function listedLanguages(value) {
  try {
    const listed = JSON.parse(value).translations;
    return listed && typeof listed === 'object' ? Object.keys(listed) : [];
  } catch {
    return [];
  }
}

/**
 * What keeps the preview from switching to each language the definition
 * lists in `translations`: the file fetched as the preview fetches it (from
 * beside this page, as a definition typed here has no address of its own),
 * then checked as the widget checks it before switching (a valid definition,
 * in the language it is listed as, saying what this one says). Each problem
 * is at `translations.<lang>`, where the file is named, as icp-check puts it.
 */
async function translationTrouble(value) {
  const listed = JSON.parse(value).translations ?? {};
  const found = await Promise.all(Object.entries(listed).map(async ([lang, file]) => {
    const at = (message) => ({ path: `translations.${lang}`, message: `the ${lang} version ${file} ${message}`, lang });
    const unloadable = (why) => [at(`could not be loaded: ${why}`)];
    let url;
    try {
      url = new URL(file, document.baseURI);
    } catch {
      return unloadable('its address is not a valid URL');
    }
    // The page's policy lets it (and the preview) fetch from its own site only.
    if (url.origin !== location.origin) return unloadable(`the studio reads files from its own site only (${location.origin}): check a copy put beside studio.html`);
    let other;
    try {
      const response = await fetch(url, { cache: 'no-store' });
      if (!response.ok) return unloadable(`the server answered ${response.status} ${response.statusText}`.trim());
      other = await response.text();
    } catch {
      return unloadable(`no answer from ${url.href}`);
    }
    const invalid = JSON.parse(checkDefinition(other));
    if (invalid.length) return invalid.map((p) => at(`is not a valid definition: ${p.path === '.' ? p.message : `${p.path}: ${p.message}`}`));
    const differences = JSON.parse(translationProblems(value, other));
    const own = JSON.parse(other).lang;
    // translationProblems takes the file's own lang as the one it is listed as; the widget takes the definition's word for it.
    if (own !== lang) differences.unshift({ path: 'lang', message: `listed as the ${lang} version, but its lang is "${own}"` });
    return differences.map((p) => at(`differs from this one in more than its texts: ${p.path === '.' ? p.message : `${p.path}: ${p.message}`}`));
  }));
  return found.flat();
}

async function showPreview(value) {
  if (value === lastValid) return;
  lastValid = value;
  preview?.unmount();
  const element = $('studio-preview');
  preview = await mount(element, { definitionText: value, storageKey: PREVIEW_KEY, storage: 'session', history: false });
}

/** Each check's number: a translation check that a later check overtook is not shown. */
let checks = 0;
/** The `translations` whose outcome the status shows (null: none), kept on screen while the same ones are checked again. */
let translationsShown = null;

function check() {
  const value = text.value;
  const run = ++checks;
  numberLines();
  keepDraft(value);
  const problems = JSON.parse(checkDefinition(value));
  const languages = problems.length === 0 ? listedLanguages(value) : [];
  if (languages.length === 0) {
    translationsShown = null;
    showProblems(problems);
  } else {
    // Not "No problems" before the files it lists are found usable.
    const listed = JSON.stringify(JSON.parse(value).translations);
    if (translationsShown !== listed) {
      translationsShown = null;
      problemsList.replaceChildren();
      sayStatus(`The definition is valid; checking its other ${listing(languages)}…`, '');
    }
    translationTrouble(value).then((found) => {
      if (run !== checks) return;
      translationsShown = listed;
      showProblems(found, [...new Set(found.map((p) => p.lang))]);
    }).catch((e) => console.error('IC Pathfinder studio:', e));
  }
  if (problems.length === 0) showPreview(value).catch((e) => console.error('IC Pathfinder studio:', e));
  tryAnswers();
  compare();
}

// Another language, beside this one.
const other = $('studio-other');
const otherStatus = $('studio-other-status');

/** The ids a definition's text declares, as `question level1`, `requirement course/hours`…; null when it is not JSON. */
function ids(value) {
  let d;
  try {
    d = JSON.parse(value);
  } catch {
    return null;
  }
  const out = [];
  const each = (list, f) => (Array.isArray(list) ? list : []).forEach((x) => x && typeof x === 'object' && f(x));
  each(d.sources, (s) => out.push(`source ${s.id}`));
  each(d.questions, (q) => { out.push(`question ${q.id}`); each(q.options, (o) => out.push(`option ${q.id}/${o.id}`)); });
  each(d.pathways, (p) => { out.push(`pathway ${p.id}`); each(p.requirements, (r) => out.push(`requirement ${p.id}/${r.id}`)); });
  each(d.advice, (a) => out.push(`advice ${a.id}`));
  return { lang: typeof d.lang === 'string' ? d.lang : '?', ids: out };
}

function listIds(list, mine, theirs) {
  list.replaceChildren();
  for (const id of mine?.ids ?? []) {
    const item = document.createElement('li');
    item.textContent = id;
    if (theirs && !theirs.ids.includes(id)) {
      item.className = 'studio-ids__missing';
      const flag = document.createElement('strong');
      flag.textContent = ` (not in the ${theirs.lang} version)`;
      item.append(flag);
    }
    list.append(item);
  }
}

function compare() {
  const problems = $('studio-other-problems');
  if (!other.value.trim()) {
    problems.replaceChildren();
    $('studio-main-ids').replaceChildren();
    $('studio-other-ids').replaceChildren();
    otherStatus.textContent = '';
    return;
  }
  const mine = ids(text.value);
  const theirs = ids(other.value);
  listIds($('studio-main-ids'), mine, theirs);
  listIds($('studio-other-ids'), theirs, mine);
  const found = JSON.parse(translationProblems(text.value, other.value));
  listProblems(problems, found, other);
  otherStatus.textContent = found.length === 0
    ? 'The two versions say the same thing: only their texts differ.'
    : `${found.length} ${found.length === 1 ? 'difference' : 'differences'} other than texts: select one to go to its place in the other version.`;
  otherStatus.className = found.length === 0 ? 'studio-status studio-status--valid' : 'studio-status studio-status--invalid';
}
other.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(compare, 250); });

let timer = 0;
text.addEventListener('input', () => {
  numberLines();
  clearTimeout(timer);
  timer = setTimeout(check, 250);
});

/** `value` indented, one field a line, when it is JSON; else as it is. */
function pretty(value) {
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return value;
  }
}

function load(value) {
  closeConfirm(false);
  text.value = value;
  text.scrollTop = 0;
  check();
}

async function fetchText(url) {
  const response = await fetch(new URL(url, import.meta.url));
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

function download(name, value) {
  const url = URL.createObjectURL(new Blob([value], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function definitionId() {
  try {
    const id = JSON.parse(text.value).id;
    return typeof id === 'string' && /^[a-z0-9-]+$/i.test(id) ? id : 'definition';
  } catch {
    return 'definition';
  }
}

function openFile(input, then) {
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (file) then(await file.text());
    input.value = '';
  });
}

// Replacing the editor's text with the built-in content: asked first when
// the editor holds work of the user's (not empty, and neither the built-in
// content nor the small example as the studio loads them).
const builtinButton = $('studio-builtin');
const confirmBox = $('studio-builtin-confirm');
/** The built-in content to load once confirmed. */
let pendingBuiltin = null;

function openConfirm(value) {
  pendingBuiltin = value;
  confirmBox.hidden = false;
  builtinButton.setAttribute('aria-expanded', 'true');
  confirmBox.focus();
}

/** Closes the question; `refocus`: focus goes back to the button that asked it. */
function closeConfirm(refocus) {
  if (confirmBox.hidden) return;
  pendingBuiltin = null;
  confirmBox.hidden = true;
  builtinButton.setAttribute('aria-expanded', 'false');
  if (refocus) builtinButton.focus();
}

/** Whether two texts hold the same JSON (however laid out), or are the same text. */
function same(a, b) {
  return a === b || pretty(a) === pretty(b);
}

async function startFromBuiltin() {
  const builtin = pretty(await fetchText('./default.en.json'));
  const current = text.value;
  const nothingLost = current.trim() === '' || same(current, builtin) || same(current, await fetchText('./studio-example.json'));
  if (nothingLost) load(builtin);
  else openConfirm(builtin);
}

// Try answers.
const answers = $('studio-answers');
const answersStatus = $('studio-answers-status');
const statuses = $('studio-statuses').tBodies[0];
const STATUS = { met: 'Met', to_confirm: 'Met if the organization agrees', in_progress: 'In progress', not_yet: 'Not yet', not_applicable: 'Not applicable' };

function tryAnswers() {
  statuses.replaceChildren();
  if (lastValid === null || lastValid !== text.value) {
    answersStatus.textContent = 'The checklist shows once the definition is valid.';
    return null;
  }
  try {
    const list = JSON.parse(checklistStatuses(text.value, answers.value));
    for (const p of list) {
      const row = statuses.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = p.title;
      row.append(th);
      row.insertCell().textContent = p.status === 'to_confirm' && p.confirm_with?.length
        ? `Met if ${p.confirm_with.join(' and ')} agrees` : STATUS[p.status] ?? p.status;
    }
    answersStatus.textContent = '';
    return list;
  } catch (e) {
    answersStatus.textContent = String(e);
    return null;
  }
}
answers.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(tryAnswers, 250); });

await init({ module_or_path: new URL('./ic-pathfinder-studio_bg.wasm', import.meta.url) });
$('studio-open').addEventListener('click', () => $('studio-file').click());
openFile($('studio-file'), load);
builtinButton.addEventListener('click', startFromBuiltin);
$('studio-builtin-yes').addEventListener('click', () => {
  const value = pendingBuiltin;
  closeConfirm(true);
  if (value !== null) load(value);
});
$('studio-builtin-cancel').addEventListener('click', () => closeConfirm(true));
confirmBox.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') {
    e.preventDefault();
    closeConfirm(true);
  }
});
$('studio-example').addEventListener('click', async () => load(await fetchText('./studio-example.json')));
$('studio-download').addEventListener('click', () => download(`${definitionId()}.json`, text.value));
$('studio-answers-open').addEventListener('click', () => $('studio-answers-file').click());
$('studio-answers-preview').addEventListener('click', () => {
  const given = lastValid === null ? null : previewAnswers(PREVIEW_KEY, JSON.parse(lastValid).id);
  if (!given) {
    answersStatus.textContent = 'The preview holds no answers yet: answer some of its questions first.';
    return;
  }
  answers.value = JSON.stringify(JSON.parse(given), null, 2);
  tryAnswers();
});
openFile($('studio-answers-file'), (value) => { answers.value = value; tryAnswers(); });
$('studio-other-open').addEventListener('click', () => $('studio-other-file').click());
openFile($('studio-other-file'), (value) => { other.value = value; compare(); });
$('studio-other-builtin').addEventListener('click', async () => { other.value = pretty(await fetchText('./default.fr-CA.json')); compare(); });
$('studio-export').addEventListener('click', () => {
  try {
    const name = $('studio-scenario-name').value.trim() || 'A candidate tried in the studio.';
    download('scenario.json', recordScenario(text.value, answers.value, name));
    answersStatus.textContent = 'Exported: scenario.json. Put it in your scenarios folder and run icp-check --scenarios on it.';
  } catch (e) {
    answersStatus.textContent = String(e);
  }
});
load(readDraft() ?? await fetchText('./studio-example.json'));
document.documentElement.dataset.studioReady = '';
