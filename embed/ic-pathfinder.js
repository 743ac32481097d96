// IC Pathfinder embed module. One external ES module, no inline script or
// style: it runs under `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
//
//   <script type="module" src="/path/to/ic-pathfinder.js"></script>
//   <ic-pathfinder storage-key="my-org"></ic-pathfinder>
//
// or, from a module of your own:
//   import { mount } from '/path/to/ic-pathfinder.js';
//   const handle = await mount(element, { definition: '/my-definition.json', storageKey: 'my-org' });
//   handle.unmount();
//
// The widget renders inside a shadow root, so the host page's CSS does not
// restyle it and its CSS does not leak out. Theme it with CSS custom
// properties on the element (--icp-accent, --icp-font, --icp-radius, --icp-space and
// more: see docs/embedding.md).
import init, { mountWidget } from './ic-pathfinder-core.js';

const STYLESHEET = new URL('./ic-pathfinder.css', import.meta.url).href;
let ready = null;
let instances = 0;
// The live handle of each element, so a second mount() replaces the first cleanly.
const live = new WeakMap();

/** Loads the wasm once, whatever the number of widgets. */
function load() {
  if (!ready) ready = init({ module_or_path: new URL('./ic-pathfinder-core_bg.wasm', import.meta.url) });
  return ready;
}

/** Fetches an organization's definition; returns {value} (parsed, handed to the wasm as it is) or {error} with a specific message. */
async function fetchDefinition(url) {
  let resolved;
  try {
    resolved = new URL(url, document.baseURI);
  } catch {
    return { error: `The definition address "${url}" is not a valid URL.` };
  }
  if (!/^https?:$/.test(resolved.protocol)) {
    return { error: `The definition address "${url}" must be an http(s) URL.` };
  }
  let response;
  try {
    response = await fetch(resolved, { credentials: 'same-origin' });
  } catch (e) {
    return { error: `The definition at ${resolved.href} could not be loaded (${e.message}). If it is on another site, that site must allow it with CORS.` };
  }
  if (!response.ok) {
    return { error: `The definition at ${resolved.href} could not be loaded: the server answered ${response.status} ${response.statusText}.`.trim() };
  }
  const text = await response.text();
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: `The definition at ${resolved.href} is not valid JSON: ${e.message}` };
  }
}

function stylesheet(root, link = document.createElement('link')) {
  link.rel = 'stylesheet';
  link.href = STYLESHEET;
  const loaded = new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    // A missing stylesheet must not keep the widget from working.
    link.addEventListener('error', resolve, { once: true });
  });
  root.append(link);
  return [link, loaded];
}

/**
 * Mounts a widget into `element` (inside a shadow root of its own).
 * Options: definition (URL of a definition JSON; the built-in content when absent),
 * storageKey (keeps instances' saved answers apart; default "default"),
 * lang ("en" or "fr-CA"; default: the host page's lang, else the browser's),
 * onComplete(statuses) called with {pathwayId: status}.
 * Resolves to a handle with unmount().
 */
export async function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('mount(element, options): element must be a DOM element');
  live.get(element)?.unmount();
  const shadow = element.shadowRoot || element.attachShadow({ mode: 'open' });
  // Lets the panic hook find this widget's root inside the shadow root.
  element.setAttribute('data-icp-host', '');
  const [link, styled] = stylesheet(shadow);
  const container = document.createElement('div');
  shadow.append(container);
  // Reserve the element now: an older mount() still loading must not take it back.
  const reservation = { unmount() { container.remove(); link.remove(); }, mounted: false };
  live.set(element, reservation);
  const [, definition] = await Promise.all([
    load(),
    options.definition ? fetchDefinition(options.definition) : Promise.resolve({}),
    styled,
  ]);
  const onComplete = (statuses) => {
    element.dispatchEvent(new CustomEvent('icp-complete', { detail: { statuses }, bubbles: true, composed: true }));
    if (typeof options.onComplete === 'function') options.onComplete(statuses);
  };
  if (live.get(element) !== reservation) {
    // Superseded while loading: leave the element to the newer mount.
    reservation.unmount();
    return { unmount() {}, get mounted() { return false; } };
  }
  instances += 1;
  const handle = mountWidget(
    container,
    definition.value,
    definition.error ?? undefined,
    String(options.storageKey || 'default'),
    `icp${instances}`,
    onComplete,
    options.lang ? String(options.lang) : undefined,
    new URL('./', import.meta.url).href,
  );
  let mounted = true;
  const api = {
    unmount() {
      if (!mounted) return;
      mounted = false;
      handle.unmount();
      handle.free();
      // Only this mount's own nodes: a newer widget in the same root stays.
      container.remove();
      link.remove();
      if (live.get(element) === api) live.delete(element);
    },
    get mounted() { return mounted; },
  };
  live.set(element, api);
  return api;
}

/** `<ic-pathfinder definition="…" storage-key="…" lang="…">` */
export class IcPathfinderElement extends HTMLElement {
  static get observedAttributes() { return ['definition', 'storage-key', 'lang']; }

  connectedCallback() { this.#remount(); }

  disconnectedCallback() {
    this.#pending = null;
    this.#handle?.unmount();
    this.#handle = null;
  }

  attributeChangedCallback() { if (this.isConnected && (this.#handle || this.#pending)) this.#remount(); }

  #handle = null;
  #pending = null;

  async #remount() {
    const token = {};
    this.#pending = token;
    this.#handle?.unmount();
    this.#handle = null;
    const handle = await mount(this, {
      definition: this.getAttribute('definition') || undefined,
      storageKey: this.getAttribute('storage-key') || 'default',
      lang: this.getAttribute('lang') || undefined,
    });
    // Removed or remounted while loading: drop this one.
    if (this.#pending !== token) handle.unmount();
    else this.#handle = handle;
  }
}

if (!customElements.get('ic-pathfinder')) customElements.define('ic-pathfinder', IcPathfinderElement);
