// An app's use of the package, every part typed: mount() with its options and
// callbacks, the handle, the events on the document and on the element, and
// <ic-pathfinder> from HTMLElementTagNameMap.
import { mount, type Handle, type MountOptions, type StepDetail, type Statuses } from 'ic-pathfinder';

declare global {
  interface Window {
    heard: { type: string; detail: unknown }[];
    calls: [string, unknown][];
    handle: Handle;
  }
}

window.heard = [];
window.calls = [];
for (const type of ['icp-start', 'icp-step', 'icp-complete', 'icp-restart'] as const) {
  document.addEventListener(type, (event) => window.heard.push({ type, detail: event.detail }));
}
document.addEventListener('icp-step', (event) => {
  const detail: StepDetail = event.detail;
  console.info(`step ${detail.position}: ${detail.question} (${detail.language})`);
});

const options: MountOptions = {
  storageKey: 'vite-app',
  storage: 'session',
  history: 'off',
  loadTimeout: 20_000,
  contact: 'courses@example.org',
  onStart: ({ language }) => window.calls.push(['start', language]),
  onStep: ({ question }) => window.calls.push(['step', question]),
  onComplete: (statuses: Statuses) => window.calls.push(['complete', statuses]),
  onRestart: () => window.calls.push(['restart', null]),
};
const host = document.getElementById('checker');
if (!host) throw new Error('no #checker');
window.handle = await mount(host, options);
if (!window.handle.mounted) console.error('not mounted:', window.handle.error?.message);

// The element, typed through HTMLElementTagNameMap once the module is imported
// (for tsc: it is not put on the page, so its listener never runs).
const element = document.createElement('ic-pathfinder');
element.setAttribute('storage-key', 'vite-element');
element.addEventListener('icp-complete', (event) => {
  const statuses = event.detail.statuses;
  if (statuses) window.calls.push(['element-complete', Object.keys(statuses).length]);
});
const found: HTMLElementTagNameMap['ic-pathfinder'] | null = document.querySelector('ic-pathfinder');
console.info(found === null ? 'no element yet' : 'element found');
