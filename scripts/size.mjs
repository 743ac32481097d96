// Prints the release bundle's sizes, raw and brotli, per file and in total.
//   node scripts/size.mjs [DIST]
// The widget's bundle is the wasm, its JS glue and the widget's CSS; the demo
// page's own HTML and CSS are listed apart, since an embedding site replaces them.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2] || 'dist';
const brotli = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const rows = [];
for (const f of fs.readdirSync(dist).sort()) {
  const p = path.join(dist, f);
  if (!fs.statSync(p).isFile()) continue;
  const b = fs.readFileSync(p);
  const host = f === 'index.html' || f.startsWith('demo');
  // Content files other than the built-in English are fetched only when chosen (French).
  const onDemand = f.endsWith('.json');
  rows.push({ file: f, raw: b.length, brotli: brotli(b), host, onDemand });
}
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const print = (r) => console.log(`${r.file.padEnd(48)} ${kb(r.raw)} KB raw ${kb(r.brotli)} KB brotli`);
console.log('Widget bundle (wasm + JS + CSS), loaded by every visitor:');
const widget = rows.filter((r) => !r.host && !r.onDemand);
widget.forEach(print);
const total = widget.reduce((a, r) => ({ raw: a.raw + r.raw, brotli: a.brotli + r.brotli }), { raw: 0, brotli: 0 });
print({ file: 'TOTAL', ...total });
console.log('Loaded on demand (the French content, when French is chosen):');
rows.filter((r) => r.onDemand).forEach(print);
console.log('Demo host page (not part of the widget):');
rows.filter((r) => r.host).forEach(print);
console.log(`bundle-brotli-bytes: ${total.brotli}`);
