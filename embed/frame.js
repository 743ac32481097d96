// The iframe page: shows the widget with the options of its address
// (`frame.html?lang=fr-CA&definition=our-course.json&storage=session&storage-key=…&history=off`).
// The contact shown when a definition cannot be used is not among them: it
// would let anyone put their own address under an organization's name. It
// is `data-contact` on frame.html's <main>, edited by the organization.
// and tells the page around it how tall it is, so the frame can fit its
// content without a scroll bar of its own:
//
//   parent.postMessage({ type: 'icp-resize', height }, '*')
//
// on load and whenever the height changes. The message carries a height
// only, never an answer, so any origin may receive it; the listener on the
// host page checks where it comes from (docs/embedding.md, "In an iframe").
import './ic-pathfinder.js';

const params = new URLSearchParams(location.search);
const option = (name) => params.get(name)?.trim() || undefined;
const main = document.getElementById('widget');

/**
 * The definition, if it is on this page's own site. An address on another
 * site is refused: otherwise anyone could link to this page on your site
 * with a definition of theirs.
 */
function definition() {
  const given = option('definition');
  if (!given) return { url: undefined };
  let url;
  try {
    url = new URL(given, location.href);
  } catch {
    return { refused: `"${given}" is not an address` };
  }
  if (url.origin !== location.origin) return { refused: `${url.href} is not on this page's origin (${location.origin})` };
  return { url: url.href };
}

let sent = 0;
// Nothing is reported until something is shown (the widget, its loading status or failure, or the
// refusal): the host's frame keeps its first height while the widget loads, instead of collapsing
// to an empty page and jumping back.
let shown = () => false;
function report() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (!shown() || height === 0 || height === sent || window.parent === window) return;
  sent = height;
  window.parent.postMessage({ type: 'icp-resize', height }, '*');
}
new ResizeObserver(report).observe(document.documentElement);

const { url, refused } = definition();
if (refused) {
  console.error(`IC Pathfinder: frame.html shows only definitions from its own origin: ${refused}.`);
  const p = document.createElement('p');
  p.className = 'icp-frame-fallback';
  p.setAttribute('role', 'alert');
  p.textContent = (option('lang') || document.documentElement.lang).toLowerCase().startsWith('fr')
    ? 'Ce vérificateur n\u2019est pas disponible ici.'
    : 'This checker is not available here.';
  shown = () => true;
  main.replaceChildren(p);
} else {
  const lang = option('lang');
  if (lang) document.documentElement.lang = lang;
  // The element's own attributes, set before it is connected: it mounts once, with them.
  const element = document.createElement('ic-pathfinder');
  const attributes = { definition: url, lang, storage: option('storage'), 'storage-key': option('storage-key'), contact: main.dataset.contact, history: option('history') };
  for (const [name, value] of Object.entries(attributes)) if (value) element.setAttribute(name, value);
  // The widget's root, or the loading frame once it shows (.icp-root on both).
  shown = () => Boolean(element.shadowRoot?.querySelector('.icp-root'));
  main.replaceChildren(element);
}
