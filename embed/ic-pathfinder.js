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
const CORE = new URL('./ic-pathfinder-core.js', import.meta.url).href;
const WASM = new URL('./ic-pathfinder-core_bg.wasm', import.meta.url).href;
const STYLESHEET = new URL('./ic-pathfinder.css', import.meta.url).href;
/** The built-in content (English; its French is fetched when chosen), used when no definition is given. */
const BUILTIN = new URL('./default.en.json', import.meta.url).href;
// Named here, not derived from BUILTIN's folder: a bundler (Vite, webpack) gives each file it copies its own name.
const BUILTIN_FRENCH = new URL('./default.fr-CA.json', import.meta.url).href;
/** How long loading may take before the candidate is offered Retry (option `loadTimeout`, attribute `load-timeout`). */
const LOAD_TIMEOUT = 15000;
/** How long loading runs before the loading status shows: a fast load shows nothing. */
const LOADING_DELAY = 400;

/** The words a candidate sees while the widget loads or when it cannot. */
const TEXTS = {
  en: {
    loading: 'Loading the pathway checker…',
    failed: 'The pathway checker could not be loaded. Check your connection and try again.',
    retry: 'Retry',
  },
  fr: {
    loading: 'Chargement du vérificateur de parcours…',
    failed: 'Le vérificateur de parcours n’a pas pu être chargé. Vérifiez votre connexion et réessayez.',
    retry: 'Réessayer',
  },
};

/** Why the widget could not be loaded (the technical detail, for the console and `handle.error`). Retry may help. */
class LoadError extends Error {
  constructor(message) {
    super(message);
    this.name = 'IcpLoadError';
  }
}

let instances = 0;
// The id prefixes of the widgets on the page: a second prerendered snippet gets its own.
const prefixes = new Set();
// The live handle of each element, so a second mount() replaces the first cleanly.
const live = new WeakMap();

// The wasm, loaded once whatever the number of widgets: { promise, controller, waiters, done }.
let loading = null;
// Failed imports of the glue stay failed in the module map: a retry asks for it under another address.
let glueFailures = 0;
// After a failure, a retry revalidates the wasm with the server instead of trusting the HTTP cache.
let loadFailed = false;

/** Starts loading the glue and the wasm (in parallel), or joins the load under way. Resolves to the glue module. */
function load() {
  if (loading) return loading;
  const controller = new AbortController();
  const retrying = loadFailed;
  const glue = glueFailures ? `${CORE}?retry=${glueFailures}` : CORE;
  const response = fetch(WASM, { signal: controller.signal, cache: retrying ? 'no-cache' : 'default' }).then(
    (r) => {
      if (!r.ok) throw new LoadError(`the wasm at ${WASM} could not be loaded: the server answered ${r.status} ${r.statusText}`.trim());
      return r;
    },
    (e) => { throw new LoadError(`the wasm at ${WASM} could not be loaded (${e.message})`); },
  );
  response.catch(() => {}); // reported through the promise below
  const entry = { controller, waiters: 0, done: false };
  entry.promise = (async () => {
    let core;
    try {
      core = await import(glue);
    } catch (e) {
      glueFailures += 1;
      controller.abort();
      throw new LoadError(`the module at ${CORE} could not be loaded (${e.message})`);
    }
    let module;
    try {
      const r = await response;
      // Compiled here, not by the glue, so that each further widget's instance reuses it.
      if (/^application\/wasm\s*(;|$)/i.test(r.headers.get('Content-Type') || '')) {
        module = await WebAssembly.compileStreaming(r);
      } else {
        console.warn(`IC Pathfinder: ${WASM} is not served as application/wasm, so it is compiled only once it has all arrived (slower); see docs/embedding.md.`);
        module = await WebAssembly.compile(await r.arrayBuffer());
      }
      await core.default({ module_or_path: module });
    } catch (e) {
      if (e instanceof LoadError) throw e;
      throw new LoadError(`the wasm at ${WASM} could not be compiled or started (${e.name}: ${e.message})`);
    }
    return { core, module };
  })();
  entry.promise.then(
    () => { entry.done = true; },
    () => {
      loadFailed = true;
      // The next mount() or Retry starts again.
      if (loading === entry) loading = null;
    },
  );
  loading = entry;
  return entry;
}

// Each widget runs in its own instance of the wasm (compiled once), so that a bug which
// stops one widget (its crash panel) leaves the others on the page working. An instance
// whose widget was unmounted serves the next widget; one that stopped is never used again.
const busy = new Set();
const idle = [];
const stopped = new WeakSet();
// Instances made beyond the first: each a copy of the glue module under its own address,
// since the glue keeps its instance in module state.
let extra = 0;

/** An instance for one widget: the first one loaded if it is free, an idle one, or a new one. */
async function claim({ core: first, module }) {
  const free = !busy.has(first) && !stopped.has(first) ? first : idle.pop();
  if (free) {
    busy.add(free);
    return free;
  }
  extra += 1;
  let core;
  try {
    core = await import(`${CORE}?instance=${extra}`);
    await core.default({ module_or_path: module });
  } catch (e) {
    throw new LoadError(`another instance of the wasm could not be started (${e.name}: ${e.message})`);
  }
  busy.add(core);
  return core;
}

/** Gives an instance back when its widget is unmounted, unless the widget stopped (a bug). */
function release(core, first, crashed) {
  busy.delete(core);
  if (crashed) stopped.add(core);
  else if (core !== first) idle.push(core);
}

/** An address as the page resolves it, for messages (as given when it is not a URL). */
function address(url) {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return String(url);
  }
}

/**
 * Fetches the built-in content: like an organization's definition, but any
 * failure is a LoadError (the candidate is offered Retry), since it is the
 * bundle's own file and no definition of the site's is at fault.
 */
async function fetchBuiltin(signal) {
  const outcome = await fetchDefinition(BUILTIN, signal, 'built-in content');
  if (outcome.error) throw new LoadError(outcome.error.replace(/^The/, 'the'));
  return { ...outcome, builtin: true };
}

/**
 * Fetches an organization's definition. Resolves to {value, url} (its JSON
 * text, handed to the wasm, and its final address) or {error} (a problem only the site can fix, shown in
 * the widget's error panel); rejects with a LoadError when trying again may
 * help (no connection, a server error, too slow).
 */
async function fetchDefinition(url, signal, what = 'definition') {
  let resolved;
  try {
    resolved = new URL(url, document.baseURI);
  } catch {
    return { error: `The ${what} address "${url}" is not a valid URL.` };
  }
  if (!/^https?:$/.test(resolved.protocol)) {
    return { error: `The ${what} address "${url}" must be an http(s) URL.` };
  }
  let response;
  try {
    response = await fetch(resolved, { credentials: 'same-origin', signal });
  } catch (e) {
    throw new LoadError(`the ${what} at ${resolved.href} could not be loaded (${e.message}). If it is on another site, that site must allow it with CORS.`);
  }
  if (!response.ok) {
    const answer = `the server answered ${response.status} ${response.statusText}`.trim();
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      throw new LoadError(`the ${what} at ${resolved.href} could not be loaded: ${answer}.`);
    }
    return { error: `The ${what} at ${resolved.href} could not be loaded: ${answer}.` };
  }
  let text;
  try {
    text = await response.text();
  } catch (e) {
    throw new LoadError(`the ${what} at ${resolved.href} could not be loaded (${e.message}).`);
  }
  try {
    // Checked here for the browser's own message; the wasm reads the text
    // itself, so the lines and columns of its messages are the file's.
    JSON.parse(text);
    // Where the file ended up (after any redirect): the files its `translations` name are relative to it.
    return { value: text, url: response.url || resolved.href };
  } catch (e) {
    return { error: `The ${what} at ${resolved.href} is not valid JSON: ${e.message}` };
  }
}

/**
 * A fingerprint of prerendered markup as the browser parsed it, to compare
 * with the one it was rendered with (`data-icp-shape`, examples/prerender.rs
 * writes it from the same tokens): `<tag name=value ...>` with attributes in
 * source order, `</tag>` (none for void elements), `#text`, `!comment`,
 * joined by U+0001, hashed with 32-bit FNV-1a over the UTF-8 bytes, in hex.
 * A tag renamed, an attribute or a text changed, a comment emptied: another
 * fingerprint, and the page is rendered afresh instead of mis-hydrated.
 */
function markupPrint(root) {
  const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
  const tokens = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.ELEMENT_NODE) {
        const name = child.localName;
        tokens.push(`<${name}${[...child.attributes].map((a) => ` ${a.name}=${a.value}`).join('')}>`);
        walk(child.localName === 'template' ? child.content : child);
        if (!VOID.has(name)) tokens.push(`</${name}>`);
      } else if (child.nodeType === Node.TEXT_NODE) {
        tokens.push(`#${child.data}`);
      } else if (child.nodeType === Node.COMMENT_NODE) {
        tokens.push(`!${child.data}`);
      }
    }
  };
  walk(root);
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(tokens.join('\u0001'))) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** Whether prerendered markup is what it was rendered with (`data-icp-shape`: its fingerprint). */
function sameShape(root) {
  return root.getAttribute('data-icp-shape') === markupPrint(root);
}

/** A definition's text given to mount() itself (the studio's preview): read as a fetched one is. */
function givenDefinition(text) {
  try {
    JSON.parse(text);
    return { value: text, url: undefined };
  } catch (e) {
    return { error: `The definition given is not valid JSON: ${e.message}` };
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

/** The messages' language: the `lang` asked for, else the nearest `lang` attribute (the element's, the page's), else the browser's. */
function language(element, lang) {
  const wanted = lang || element.closest('[lang]')?.getAttribute('lang') || document.documentElement.getAttribute('lang') || navigator.language || '';
  return wanted.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** An element with a class and, optionally, its text: DOM calls only, never HTML (Trusted Types pages allow no HTML sink). */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The loading status and the failure message, in the widget's place until it
 * mounts (the widget then replaces them). The status is a `role="status"`
 * region present from the start, empty until the delay has passed, so a fast
 * load shows nothing and a slow one is announced.
 */
function loadingView(container, lang, after, retry) {
  const texts = TEXTS[lang];
  // Under a prerendered start page: the same box continued.
  const frame = el('div', after ? 'icp-load icp-load--after' : 'icp-load');
  frame.lang = lang;
  const status = el('p', 'icp-load__status');
  status.setAttribute('role', 'status');
  frame.append(status);
  container.replaceChildren(frame);
  let timer = 0;
  let panel = null;
  const shown = () => frame.classList.add('icp-root');
  return {
    /** Shows the loading status after `delay` ms (at once for a retry). */
    loading(delay) {
      clearTimeout(timer);
      const show = () => { shown(); status.textContent = texts.loading; };
      if (delay) timer = setTimeout(show, delay);
      else show();
    },
    /** Shows the failure message and its Retry button (focused if the keyboard was in the message). */
    failed() {
      clearTimeout(timer);
      // The prerendered page it was under is gone: a box of its own.
      frame.classList.remove('icp-load--after');
      const refocus = frame.contains(frame.getRootNode().activeElement);
      panel?.remove();
      shown();
      status.textContent = '';
      panel = el('div', 'icp-error-panel icp-load__failed');
      const message = el('p', 'icp-load__message', texts.failed);
      message.setAttribute('role', 'alert');
      const button = el('button', 'icp-button', texts.retry);
      button.type = 'button';
      button.addEventListener('click', () => {
        // Keep the keyboard in the widget while the panel goes away.
        status.tabIndex = -1;
        status.focus({ preventScroll: true });
        panel.remove();
        panel = null;
        retry();
      });
      panel.append(message, button);
      frame.append(panel);
      if (refocus) button.focus({ preventScroll: true });
    },
    stop() { clearTimeout(timer); },
  };
}

/**
 * Mounts a widget into `element` (inside a shadow root of its own).
 * Options: definition (URL of a definition JSON; the built-in content when absent),
 * definitionText (a definition's JSON text itself, instead of its URL: the studio's preview),
 * storageKey (keeps instances' saved answers apart; default "default"; ASCII letters and digits,
 * "-", "_" and "." only: the wasm refuses any other with the error panel),
 * lang ("en" or "fr-CA"; default: the host page's lang, else the browser's),
 * onComplete(statuses) called with {pathwayId: status},
 * onStart({language}), onStep({question, position, language}) and onRestart({}), called
 * with the same detail as the icp-start, icp-step and icp-restart events (never an answer),
 * statuses (false: the icp-complete event carries no statuses, and icp-step no question id),
 * events ("minimal": icp-step carries the question's position and the language, not its id),
 * loadTimeout (ms before a slow load is given up for the Retry message; default 15000),
 * history (false or "off": pages are not entries in the browser's history, for
 * single-page apps with their own router; default on: Back goes to the previous question),
 * contact (an email or web address candidates may contact if the widget cannot start),
 * storage ("local", the default: answers survive closing the browser; "session": cleared
 * when the tab closes; "none": nothing written anywhere).
 *
 * Resolves to a handle {mounted, error, unmount()} once the widget shows, or
 * once the failure message shows (mounted false, error says why; when the
 * candidate's Retry succeeds, the widget mounts and mounted becomes true), or
 * at once with mounted false if a newer mount() or unmount() replaced this one
 * while it was loading.
 */
export async function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('mount(element, options): element must be a DOM element');
  const first = !live.has(element);
  live.get(element)?.unmount();
  const shadow = element.shadowRoot || element.attachShadow({ mode: 'open' });
  // Lets the panic hook find this widget's root inside the shadow root.
  element.setAttribute('data-icp-host', '');
  // A start page the snippet carries (snippet.<lang>.html: a declarative shadow root), on the first mount only.
  // (`:scope` matches nothing in a shadow root, which is not an element: its children are looked at.)
  const prerendered = first ? [...shadow.children].find((c) => c.matches('.icp-prerendered[data-icp-prerendered]')) : null;
  // Hydration expects the markup as it was rendered: one changed on the way (a site builder
  // stripping comments or adding tags) is rendered afresh instead.
  if (prerendered && !sameShape(prerendered)) prerendered.removeAttribute('data-icp-prerendered');
  let link;
  let styled;
  let container;
  let statusHost; // where the loading status and the failure message go
  if (prerendered) {
    // The snippet's own stylesheet link already styles it; one elsewhere that did not load (a snippet whose
    // folder was not replaced everywhere: docs/embedding.md) takes the one beside the module. A failed load
    // leaves no sheet or an empty one; the rules of a sheet from another origin cannot be read: taken as loaded.
    link = [...shadow.children].find((c) => c.matches('link[rel="stylesheet"]')) || stylesheet(shadow)[0];
    let rules = 1;
    try { if (link.href !== STYLESHEET) rules = link.sheet?.cssRules.length; } catch {}
    if (!rules) {
      console.warn(`IC Pathfinder: ${link.href} did not load, ${STYLESHEET} is used. Replace every /ic-pathfinder/ of the snippet with the folder's path (docs/embedding.md).`);
      link.href = STYLESHEET;
    }
    styled = Promise.resolve();
    container = prerendered;
    // Hydration expects the prerendered markup alone in its element: the status goes after it.
    statusHost = document.createElement('div');
    container.after(statusHost);
  } else {
    [link, styled] = stylesheet(shadow);
    container = document.createElement('div');
    shadow.append(container);
    statusHost = container;
  }
  const timeout = Number(options.loadTimeout) > 0 ? Number(options.loadTimeout) : LOAD_TIMEOUT;
  const lang = language(element, options.lang);

  let handle = null; // the wasm's, once mounted
  let instance = null; // { core, first }: the instance it runs in, and the page's first
  let error = null;
  let gone = false;
  // The promise mount() returns settles once: widget shown, failure shown, replaced, or a bug.
  let resolveMount;
  let rejectMount;
  const result = new Promise((resolve, reject) => { resolveMount = resolve; rejectMount = reject; });
  let cancel;
  const cancelled = new Promise((resolve) => { cancel = resolve; });
  const view = loadingView(statusHost, lang, statusHost !== container, () => {
    attempt(false).catch((e) => console.error('IC Pathfinder:', e));
  });
  // A Start pressed on the prerendered page before the widget could hear it:
  // the status says it is loading, and the press is handed over once the
  // widget is live, if the start page pressed is still there (it was hydrated).
  let pressed = null;
  let isLive = false;
  const onPress = (event) => {
    // Start, mostly; the language switch or Forget as well.
    const start = event.target instanceof Element && event.target.closest('button');
    if (isLive || !start || pressed || !container.contains(start)) return;
    pressed = start;
    view.loading(0);
  };
  const onLive = () => {
    isLive = true;
    shadow.removeEventListener('click', onPress, true);
    if (statusHost !== container) statusHost.replaceChildren();
    const start = pressed;
    pressed = null;
    if (start?.isConnected) queueMicrotask(() => start.click());
  };
  if (prerendered) shadow.addEventListener('click', onPress, true);
  container.addEventListener('icp-live', onLive, { once: true });

  const api = {
    unmount() {
      if (gone) return;
      gone = true;
      view.stop();
      cancel();
      if (handle) {
        const crashed = container.hasAttribute('data-icp-stopped');
        try {
          handle.unmount();
          handle.free();
        } catch (e) {
          // A stopped instance cannot run any more; it is set aside below.
          if (!crashed) throw e;
        } finally {
          handle = null;
          release(instance.core, instance.first, crashed);
          instance = null;
        }
      }
      // Only this mount's own nodes: a newer widget in the same root stays.
      shadow.removeEventListener('click', onPress, true);
      container.remove();
      statusHost.remove();
      link.remove();
      prefixes.delete(prefix);
      if (live.get(element) === api) live.delete(element);
      resolveMount(api);
    },
    /** Whether the widget is shown. */
    get mounted() { return handle !== null; },
    /** Why the last load failed while the Retry message is shown, else null. */
    get error() { return error; },
  };
  live.set(element, api);

  // icp-start, icp-step and icp-restart: where the candidate is, never an answer. Which
  // questions are asked says something of the answers (one asked only of people living in
  // Canada): with `statuses` off or `events: 'minimal'`, icp-step carries a position, no id.
  const onEvent = (name, full) => {
    const minimal = options.statuses === false || String(options.events).trim().toLowerCase() === 'minimal';
    const detail = minimal && name === 'icp-step' ? { position: full.position, language: full.language } : full;
    element.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
    const callback = { 'icp-start': options.onStart, 'icp-step': options.onStep, 'icp-restart': options.onRestart }[name];
    if (typeof callback === 'function') callback(detail);
  };
  const onComplete = (statuses) => {
    // An organization may leave the statuses out of the event, which any script on the page can see.
    const detail = options.statuses === false ? {} : { statuses };
    element.dispatchEvent(new CustomEvent('icp-complete', { detail, bubbles: true, composed: true }));
    if (typeof options.onComplete === 'function') options.onComplete(statuses);
  };

  /** One try at loading the wasm and the definition, then mounting; a LoadError shows the Retry message. */
  let prefix = null;
  async function attempt(first) {
    error = null;
    // A prerendered start page is what shows while loading (until Start is pressed).
    if (!(first && prerendered)) view.loading(first ? LOADING_DELAY : 0);
    const wasm = load();
    wasm.waiters += 1;
    const definitionRequest = new AbortController();
    const source = options.definition ? address(options.definition) : BUILTIN;
    const pending = { wasm: true, definition: true };
    // The built-in content opening in French: its French file comes with the English, so that
    // the first render is French (as a French prerendered page is) rather than English until it comes.
    // Waited for 3 s at most: without it the widget opens in English and fetches the French itself.
    const french = !options.definition && typeof options.definitionText !== 'string' && lang === 'fr'
      ? Promise.race([
        fetch(BUILTIN_FRENCH, { signal: definitionRequest.signal }).then((r) => (r.ok ? r.text() : undefined)).catch(() => undefined),
        new Promise((resolve) => { setTimeout(resolve, 3000); }),
      ])
      : undefined;
    let timedOut = false;
    let timer;
    const deadline = new Promise((resolve) => { timer = setTimeout(resolve, timeout); });
    try {
      const work = Promise.all([
        wasm.promise.then((loaded) => { pending.wasm = false; return loaded; }),
        (typeof options.definitionText === 'string' ? Promise.resolve(givenDefinition(options.definitionText))
          : options.definition ? fetchDefinition(options.definition, definitionRequest.signal) : fetchBuiltin(definitionRequest.signal))
          .finally(() => { pending.definition = false; }),
        // The stylesheet is waited for (no unstyled flash), but never past the deadline.
        first ? Promise.race([styled, deadline]) : null,
        french,
      ]);
      work.catch(() => {});
      const outcome = await Promise.race([
        work,
        deadline.then(() => {
          timedOut = true;
          const late = [pending.wasm && `the wasm at ${WASM}`, pending.definition && `the ${options.definition ? 'definition' : 'built-in content'} at ${source}`];
          throw new LoadError(`${late.filter(Boolean).join(' and ')} did not load within ${timeout} ms (load-timeout).`);
        }),
        cancelled,
      ]);
      if (gone) return;
      const [loaded, definition, , frenchText] = outcome;
      const core = await claim(loaded);
      if (gone) {
        release(core, loaded.core, false);
        return;
      }
      instance = { core, first: loaded.core };
      view.stop();
      instances += 1;
      // The prerendered page's prefix (its ids), unless another widget on the page has it.
      const wanted = container.getAttribute('data-icp-prefix');
      prefix = wanted && !prefixes.has(wanted) ? wanted : `icp${instances}`;
      prefixes.add(prefix);
      handle = core.mountWidget(container, {
        definition: definition.value,
        builtin: Boolean(definition.builtin),
        loadError: definition.error ?? undefined,
        storageKey: String(options.storageKey || 'default'),
        idPrefix: prefix,
        onComplete,
        lang: options.lang ? String(options.lang) : undefined,
        french: BUILTIN_FRENCH,
        frenchText,
        source: options.definition ? (definition.url ?? source) : undefined,
        history: options.history !== false && String(options.history).toLowerCase() !== 'off',
        contact: options.contact ? String(options.contact) : undefined,
        storage: options.storage ? String(options.storage) : undefined,
        onEvent,
      });
      resolveMount(api);
    } catch (e) {
      if (gone) return;
      if (instance && !handle) {
        // Stopped while mounting (a bug): its crash panel is shown, and its instance is not used again.
        release(instance.core, instance.first, true);
        instance = null;
      }
      if (!(e instanceof LoadError)) throw e;
      error = e;
      // Plain words for the candidate; the detail for whoever runs the site.
      console.error(`IC Pathfinder: the widget could not be loaded: ${e.message}`);
      if (prerendered && container.hasAttribute('data-icp-prerendered')) {
        // A start page whose Start cannot work is not shown; a Retry then renders afresh.
        container.removeAttribute('data-icp-prerendered');
        container.replaceChildren();
        pressed = null;
      }
      view.failed();
      resolveMount(api);
    } finally {
      clearTimeout(timer);
      definitionRequest.abort();
      wasm.waiters -= 1;
      // Too slow and nobody else waits for it: stop the download (it may be stalled), so a Retry starts afresh.
      if (timedOut && !wasm.done && wasm.waiters === 0) {
        wasm.controller.abort();
        loadFailed = true;
        if (loading === wasm) loading = null;
      }
    }
  }
  // Anything but a LoadError is a bug (a panic shows the crash panel): mount() rejects with it.
  attempt(true).catch(rejectMount);
  return result;
}

/**
 * `<ic-pathfinder definition="…" storage-key="…" lang="…" load-timeout="…" statuses="off" history="off" contact="…" storage="session">`
 * (`statuses`, `load-timeout` and `history` are read when used: changing them does not remount).
 */
export class IcPathfinderElement extends HTMLElement {
  static get observedAttributes() { return ['definition', 'storage-key', 'lang', 'storage']; }

  connectedCallback() { this.#remount(); }

  disconnectedCallback() { live.get(this)?.unmount(); }

  attributeChangedCallback(name, previous, value) {
    if (previous !== value && this.isConnected && live.has(this)) this.#remount();
  }

  #remount() {
    const element = this;
    // mount() replaces this element's previous widget, loading or not, itself.
    mount(this, {
      definition: this.getAttribute('definition') || undefined,
      storageKey: this.getAttribute('storage-key') || 'default',
      lang: this.getAttribute('lang') || undefined,
      loadTimeout: this.getAttribute('load-timeout') || undefined,
      history: this.getAttribute('history') || undefined,
      contact: this.getAttribute('contact') || undefined,
      storage: this.getAttribute('storage') || undefined,
      get statuses() { return element.getAttribute('statuses')?.trim().toLowerCase() !== 'off'; },
      get events() { return element.getAttribute('events') || undefined; },
    }).catch((e) => console.error('IC Pathfinder:', e));
  }
}

// Printed, the page holds everything it has: every disclosure (a route's card, "Why?", an advice
// item) opens for the printout and closes again after, as the candidate left it. Shadow roots
// keep the widgets' details out of reach of a print stylesheet, hence the events.
let openedForPrint = [];
addEventListener('beforeprint', () => {
  for (const host of document.querySelectorAll('[data-icp-host]')) {
    for (const details of host.shadowRoot?.querySelectorAll('details:not([open])') ?? []) {
      details.open = true;
      openedForPrint.push(details);
    }
  }
});
addEventListener('afterprint', () => {
  for (const details of openedForPrint) details.open = false;
  openedForPrint = [];
});

if (!customElements.get('ic-pathfinder')) customElements.define('ic-pathfinder', IcPathfinderElement);
