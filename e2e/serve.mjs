// Static servers on 127.0.0.1 with correct MIME types (application/wasm matters for streaming
// compilation). `serve`: plain (engines, scripts/bench.mjs, `node e2e/serve.mjs DIR PORT`).
// `controlledServer`: a test changes its answers to play a missing, cut or slow file, no sleep:
// `set(/_bg\.wasm$/, { status: 404 } | { truncate: 0.5 } | { body, type })`, `hold(path)`, `headers({…})`, `clear()`.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
};

/** The request handler over `root`; `rule(pathname)` may change an answer (see above). */
function handler(root, headers, rule = () => ({})) {
  const base = path.resolve(root);
  return async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    let file = path.join(base, decodeURIComponent(pathname));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const b = rule(pathname);
    const head = (type) => ({ 'content-type': type, 'cache-control': 'no-store', ...headers() });
    if (b.hold) { b.hold.arrived(); await b.hold.released; if (res.destroyed) return; }
    if (!file.startsWith(base)) return res.writeHead(403).end();
    if (b.status) return res.writeHead(b.status, head('text/plain')).end(`status ${b.status}`);
    if (b.body !== undefined) return res.writeHead(200, head(b.type || types[path.extname(pathname)] || types['.html'])).end(b.body);
    if (!fs.existsSync(file)) return res.writeHead(404, head('text/plain')).end('not found');
    const bytes = fs.readFileSync(file);
    res.writeHead(200, head(types[path.extname(file)] || 'application/octet-stream')).end(b.truncate ? bytes.subarray(0, bytes.length * b.truncate) : bytes);
  };
}

/** A plain static server; resolves to the http.Server once it listens. */
export function serve(root, port = 0, { headers = {} } = {}) {
  const server = http.createServer(handler(root, () => headers));
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

export async function controlledServer(root) {
  let rules = [];
  let extra = {};
  const rule = (p) => rules.find(([m]) => (typeof m === 'string' ? m === p : m.test(p)))?.[1] ?? {};
  const server = await serve(root, 0);
  server.removeAllListeners('request').on('request', handler(root, () => extra, rule));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (p = '') => `${origin}/${p}`,
    set: (matcher, behaviour) => { rules.unshift([matcher, behaviour]); },
    hold(matcher, behaviour = {}) {
      const hold = {};
      const requested = new Promise((r) => { hold.arrived = r; });
      hold.released = new Promise((r) => { hold.release = r; });
      rules.unshift([matcher, { ...behaviour, hold }]);
      return { requested, release: hold.release };
    },
    headers: (h) => { extra = h; },
    clear: () => { rules = []; extra = {}; },
    close: () => { server.closeAllConnections(); return new Promise((r) => server.close(r)); },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  serve(root, Number(port)).then((s) => console.log(`Serving ${root} at http://127.0.0.1:${s.address().port}/`));
}
