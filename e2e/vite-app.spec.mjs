// The npm package in a JavaScript app (issue "For organizations"): the
// tarball scripts/release.sh packs is installed into a fresh Vite app
// (e2e/vite-app/, Vite and TypeScript from the npm registry), whose
// TypeScript passes `tsc --noEmit` against the package's declarations (and
// three misuses fail it); the built app is served and a candidate completes
// the questionnaire in it, in English and in French.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { serve } from './serve.mjs';
import { language, release, CANDIDATES, ROOT, VERSION } from './support.mjs';
import { test, expect, widgetReady, expectHeading, languageSwitch, completeScenario, button } from './fixtures.mjs';

const EN = language('en');
const FR = language('fr-CA');
const APP = path.join(ROOT, 'target', 'vite-app');
const run = (command, args) => spawnSync(command, args, { cwd: APP, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

let app;
test.beforeAll(async () => {
  test.setTimeout(300_000); // npm install from the registry, then vite build
  const tarball = release('tgz');
  assert.ok(fs.existsSync(tarball), `${tarball} exists (bash scripts/release.sh makes it)`);
  fs.rmSync(APP, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'e2e', 'vite-app'), APP, { recursive: true });
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball], { cwd: APP, stdio: ['ignore', 'ignore', 'inherit'] });
  const installed = JSON.parse(fs.readFileSync(path.join(APP, 'node_modules', 'ic-pathfinder', 'package.json'), 'utf8'));
  assert.equal(installed.version, VERSION, 'the package\'s version is the crate\'s');
  const build = run('npx', ['--no-install', 'vite', 'build']);
  assert.equal(build.status, 0, `vite build:\n${build.stdout}\n${build.stderr}`);
  const server = await serve(path.join(APP, 'dist'), 0);
  app = { server, url: `http://127.0.0.1:${server.address().port}/` };
});
test.afterAll(async () => { if (app) await new Promise((r) => app.server.close(r)); });

test('tsc --noEmit passes on the app\'s TypeScript, which uses mount(), its options and handle, the events and <ic-pathfinder>', () => {
  const tsc = run('npx', ['--no-install', 'tsc', '--noEmit', '-p', 'tsconfig.json']);
  assert.equal(tsc.status, 0, `tsc:\n${tsc.stdout}${tsc.stderr}`);
});

test('tsc --noEmit fails on a storage mode that does not exist, an answer read from an event, and a method the element does not have', () => {
  const tsc = run('npx', ['--no-install', 'tsc', '--noEmit', '-p', 'tsconfig.misuse.json']);
  assert.equal(tsc.status, 2, `tsc:\n${tsc.stdout}${tsc.stderr}`);
  const errors = tsc.stdout.split('\n').filter((l) => l.includes('error TS')).map((l) => l.match(/\((\d+),\d+\): error (TS\d+)/).slice(1).join(' '));
  assert.deepEqual(errors, ['5 TS2322', '6 TS2339', '7 TS2339'], tsc.stdout);
});

test('The Vite app built with the package completes the questionnaire, and its callbacks and events hear every step', async ({ openPage }) => {
  const page = await openPage(app.url);
  await widgetReady(page);
  const answers = CANDIDATES.newcomer;
  await completeScenario(page, EN, answers);
  const { heard, calls } = await page.evaluate(() => ({ heard: window.heard, calls: window.calls }));
  assert.deepEqual(heard.map((e) => e.type), ['icp-start', ...Object.keys(answers).map(() => 'icp-step'), 'icp-complete']);
  assert.deepEqual(calls.filter(([k]) => k === 'step').map(([, q]) => q), Object.keys(answers));
  const complete = calls.find(([k]) => k === 'complete')[1];
  assert.deepEqual(Object.keys(complete).sort(), EN.content.pathways.map((p) => p.id).sort());
  // Nothing fetched from anywhere but the app's own server (the wasm, the CSS and the content among it).
  const own = page.requests.filter((u) => u.startsWith(app.url));
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(app.url) && !u.startsWith('data:')), []);
  for (const kind of [/\.wasm$/, /\.css$/, /\.json$/]) assert.ok(own.some((u) => kind.test(u)), `the build serves its ${kind}`);
});

test('The Vite app\'s build carries the French content: the switch shows the widget in French', async ({ openPage }) => {
  const page = await openPage(app.url);
  await widgetReady(page);
  await expect(languageSwitch(page)).toHaveText(FR.T.languageName);
  await languageSwitch(page).click();
  await expectHeading(page, FR.content.title);
  await button(page, FR.T.start).click();
  await expectHeading(page, FR.content.questions[0].text);
});
