// Helpers for the loading tests (not a test file itself): a static server
// whose answers a test can change while it runs, to play a missing, cut or
// slow file without any sleep in the page or the test.
//
//   const server = await controlledServer(EMBED_DIST);
//   server.set(/_bg\.wasm$/, { status: 404 });       // every wasm request answers 404
//   server.set(/_bg\.wasm$/, { truncate: 0.5 });     // the first half of the file, as a whole answer
//   const held = server.hold(/small\.json$/);        // the answer waits...
//   await held.requested;                            // ...the browser asked for it...
//   held.release();                                  // ...now it is sent
//   server.set('/examples/page.html', { body: '<!doctype html>…' });  // a page of the test's own
//   server.clear();                                  // back to the plain files
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
};

/** Starts a server over `root` (port 0). `headers` go on every answer. */
export async function controlledServer(root, { headers = {} } = {}) {
  const base = path.resolve(root);
  /** [matcher, behaviour] pairs, the latest first. */
  let rules = [];
  const waiting = new Set();
  const matches = (matcher, pathname) => (typeof matcher === 'string' ? matcher === pathname : matcher.test(pathname));

  function sendFile(res, file, behaviour = {}) {
    let bytes = fs.readFileSync(file);
    if (behaviour.truncate) bytes = bytes.subarray(0, Math.floor(bytes.length * behaviour.truncate));
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store', ...headers });
    res.end(bytes);
  }

  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    let file = path.join(base, decodeURIComponent(pathname));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const rule = rules.find(([matcher]) => matches(matcher, pathname));
    const behaviour = rule ? rule[1] : {};
    if (behaviour.hold) {
      const entry = { res };
      waiting.add(entry);
      behaviour.hold.arrived(pathname);
      await behaviour.hold.released;
      waiting.delete(entry);
      if (res.destroyed) return;
    }
    if (behaviour.status) {
      res.writeHead(behaviour.status, { 'content-type': 'text/plain', 'cache-control': 'no-store', ...headers }).end(`status ${behaviour.status}`);
      return;
    }
    if (behaviour.body !== undefined) {
      res.writeHead(200, { 'content-type': behaviour.type || types[path.extname(pathname)] || 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
      res.end(behaviour.body);
      return;
    }
    if (!fs.existsSync(file)) { res.writeHead(404, { 'content-type': 'text/plain', ...headers }).end('not found'); return; }
    sendFile(res, file, behaviour);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;

  return {
    origin,
    /** Answers requests whose path matches `matcher` (a path or a RegExp) with `behaviour`. */
    set(matcher, behaviour) { rules.unshift([matcher, behaviour]); },
    /**
     * Holds the answers to `matcher` until `release()`, then sends the file
     * (or `behaviour`). `requested` resolves when the first request arrives.
     */
    hold(matcher, behaviour = {}) {
      let arrived;
      let release;
      const requested = new Promise((resolve) => { arrived = resolve; });
      const released = new Promise((resolve) => { release = resolve; });
      rules.unshift([matcher, { ...behaviour, hold: { arrived, released } }]);
      return { requested, release };
    },
    /** Back to the plain files for every request. */
    clear() { rules = []; },
    async close() {
      for (const { res } of waiting) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * An init script that records, before any page script runs, every text that
 * appears in a `role="status"` element of the document or of any shadow root,
 * with how long after that element first appeared (`window.__icpStatusTexts`:
 * [{text, after}] in ms), so a test can tell a loading message that flashed
 * from one that waited for its delay, or never came.
 */
export function recordStatusTexts() {
  window.__icpStatusTexts = [];
  const born = new WeakMap();
  const note = (status) => {
    if (!born.has(status)) born.set(status, performance.now());
    const text = status.textContent.trim();
    if (text) window.__icpStatusTexts.push({ text, after: Math.round(performance.now() - born.get(status)) });
  };
  const seen = (node) => {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    const status = el?.closest?.('[role="status"]');
    if (status) note(status);
    if (el?.querySelectorAll) for (const s of el.querySelectorAll('[role="status"]')) note(s);
  };
  const observe = (root) => new MutationObserver((records) => {
    for (const r of records) {
      seen(r.target);
      for (const n of r.addedNodes) seen(n);
    }
  }).observe(root, { childList: true, subtree: true, characterData: true });
  observe(document);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const shadow = attach.call(this, init);
    observe(shadow);
    return shadow;
  };
}
