// The demo page's content fetch, loading status and load failure message, around the loader
// Trunk writes into index.html (which calls init() and, through the wasm's
// main, mounts the widget on #ic-pathfinder). Loaded before that loader, so
// it sees its failure.
//
// - The page carries the start page, prerendered (scripts/prerender-page.mjs);
//   the wasm hydrates it. A Start pressed before that is kept: the status says
//   the checker is loading, and the press is handed to the widget once it is
//   live (its `icp-live` event), if the start page it pressed is still there.
// - Without a prerendered page: after 400 ms without the widget, a
//   "Loading…" status (role="status"); a fast load shows nothing.
// - When the loader fails (the wasm missing, cut or corrupt, the glue
//   missing), the content file cannot be had (the wasm's `icp-load-failed`
//   event), or nothing has started after 15 s: a plain message
//   (role="alert") with a Retry button, which reloads the page, in the
//   widget's place. The detail goes to the console.
// Everything is built with DOM calls: no HTML.
const DELAY = 400;
const TIMEOUT = 15000;
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

const host = document.getElementById('ic-pathfinder');
if (host) {
  // The content's text, fetched while the wasm loads (index.html preloads it),
  // then handed to the wasm: its start() reads `icpContent` (src/lib.rs).
  host.icpContent = fetch(new URL('default.en.json', document.baseURI)).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.text();
  });
  // Handled by the wasm: no "unhandled rejection" before it has started.
  host.icpContent.catch(() => {});
}
if (host) watch(host);

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
function el(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function watch(host) {
  const wanted = host.closest('[lang]')?.getAttribute('lang') || navigator.language || '';
  const lang = wanted.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  const texts = TEXTS[lang];
  // The status region is there from the start, empty (0 px), so that its text is announced when it comes.
  const frame = el('div', 'icp-load');
  frame.lang = lang;
  const status = el('p', 'icp-load__status');
  status.setAttribute('role', 'status');
  frame.append(status);
  // Hydration expects the prerendered markup alone in the element, as it was
  // rendered: the status goes after it, and a page whose markup was changed
  // on the way (comments stripped, tags added) is rendered afresh instead.
  if (host.hasAttribute('data-icp-prerendered') && !sameShape(host)) host.removeAttribute('data-icp-prerendered');
  const prerendered = host.hasAttribute('data-icp-prerendered');
  if (prerendered) {
    frame.classList.add('icp-load--after');
    host.after(frame);
  }
  else host.append(frame);

  let live = false;
  const started = () => live;
  // A Start (or another button) pressed on the prerendered page before the widget could hear it.
  let pressed = null;
  const onPress = (event) => {
    // Start, mostly; the language switch or Forget as well.
    const start = event.target instanceof Element && event.target.closest('button');
    if (live || !start || pressed || frame.contains(start)) return;
    pressed = start;
    frame.classList.add('icp-root');
    status.textContent = texts.loading;
  };
  if (prerendered) host.addEventListener('click', onPress, true);
  host.addEventListener('icp-live', () => {
    live = true;
    host.removeEventListener('click', onPress, true);
    frame.remove();
    done();
    // Hydrated: the very button is live now. Rendered afresh (a returning
    // candidate sees "Continue where you left off"): the press was for a page that is gone.
    if (pressed?.isConnected) queueMicrotask(() => pressed.click());
  }, { once: true });
  // Once the wasm has started, later errors are the widget's own (its crash panel shows them).
  const stopListening = () => {
    removeEventListener('error', onError, true);
    removeEventListener('unhandledrejection', onRejection);
  };
  const done = () => {
    clearTimeout(loadingTimer);
    clearTimeout(timeoutTimer);
    stopListening();
  };
  const loadingTimer = setTimeout(() => {
    // The prerendered start page is what shows while loading.
    if (started() || prerendered) return;
    frame.classList.add('icp-root');
    status.textContent = texts.loading;
  }, DELAY);
  const timeoutTimer = setTimeout(() => fail(`nothing started within ${TIMEOUT} ms`), TIMEOUT);

  function fail(detail) {
    done();
    if (started()) return;
    console.error(`IC Pathfinder: the widget could not be loaded: ${detail}`);
    // A start page whose Start cannot work is not shown; a wasm that still comes renders afresh over this.
    if (prerendered) {
      host.removeAttribute('data-icp-prerendered');
      frame.classList.remove('icp-load--after');
      host.replaceChildren(frame);
    }
    frame.classList.add('icp-root');
    status.textContent = '';
    const panel = el('div', 'icp-error-panel icp-load__failed');
    const message = el('p', 'icp-load__message', texts.failed);
    message.setAttribute('role', 'alert');
    const retry = el('button', 'icp-button', texts.retry);
    retry.type = 'button';
    retry.addEventListener('click', () => {
      panel.remove();
      status.textContent = texts.loading;
      location.reload();
    });
    panel.append(message, retry);
    frame.append(panel);
  }

  const describe = (error) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  // The loader's failure: its module not loading (an error event on its
  // <script>), or its `await init()` rejecting (reported as an uncaught error).
  function onError(event) {
    if (started()) return done();
    const target = event.target;
    if (target instanceof Element && target.tagName !== 'SCRIPT') return; // an image or stylesheet: not the widget
    if (target instanceof Element) return fail(`the script ${target.src || '(inline loader)'} could not be loaded`);
    // The detail is logged by fail(); the browser need not log it a second time.
    event.preventDefault();
    fail(describe(event.error ?? event.message));
  }
  function onRejection(event) {
    if (started()) return done();
    event.preventDefault();
    fail(describe(event.reason));
  }
  addEventListener('error', onError, true);
  addEventListener('unhandledrejection', onRejection);
  // The wasm has started; the widget mounts when its content file has come
  // (the status and the time limit still run until then).
  addEventListener('TrunkApplicationStarted', stopListening, { once: true });
  // The wasm started but its content file could not be had.
  host.addEventListener('icp-load-failed', (event) => fail(`the content could not be loaded: ${event.detail}`), { once: true });
}

// Printed, the page holds everything it has (as embed/ic-pathfinder.js does for the embed):
// every disclosure opens for the printout and closes again after.
{
  let opened = [];
  addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll('.icp-root details:not([open])')];
    for (const details of opened) details.open = true;
  });
  addEventListener('afterprint', () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
}
