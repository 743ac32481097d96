// Minifies the wasm-bindgen JS glue, the embed's own modules (ic-pathfinder.js,
// frame.js) and the content files (JSON) of a release
// build in place (Trunk's post-build hook, and build-embed.sh). The glue is
// generated, readable code that every visitor downloads; minified it is about
// a third smaller. The content files are kept readable in content/.
// Trunk computes subresource integrity before this hook changes the glue (so
// index.html asks it for none); where the folder holds an index.html, this
// script adds the integrity of the final JS to its modulepreload link. (The
// wasm's `as="fetch"` preload gets none: Chromium ignores integrity there and
// says so in the console.)
//   node scripts/minify.mjs DIR
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node scripts/minify.mjs DIR');
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  const file = path.join(dir, f);
  // Our own modules say where their readable source is; the glue is generated.
  const preamble = f === 'ic-pathfinder.js' || f === 'frame.js' ? `// IC Pathfinder, minified from embed/${f}; docs/embedding.md says how to use it.` : undefined;
  const result = await minify(fs.readFileSync(file, 'utf8'), { module: true, compress: { passes: 2 }, mangle: true, format: { preamble } });
  fs.writeFileSync(file, result.code);
}

for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const file = path.join(dir, f);
  fs.writeFileSync(file, JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8'))));
}

const html = path.join(dir, 'index.html');
if (fs.existsSync(html)) {
  let page = fs.readFileSync(html, 'utf8');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const hash = crypto.createHash('sha384').update(fs.readFileSync(path.join(dir, f))).digest('base64');
    const link = new RegExp(`(<link rel="modulepreload" href="[^"]*/${f.replace(/[.]/g, '\\.')}")`, 'g');
    page = page.replace(link, `$1 integrity="sha384-${hash}"`);
  }
  fs.writeFileSync(html, page);
}
