// Prints the release bundle's sizes, raw and brotli, per file and in total.
//   node scripts/size.mjs [DIST]
// The widget's bundle is the wasm, its JS glue and the widget's CSS (its code).
// The built-in content (default.en.json) is data, fetched beside it: listed
// apart, with the total a visitor of the demo page loads before the first
// question. An organization's own definition replaces it. The French content
// is fetched only when chosen. The demo page's own HTML and CSS, and the
// snippets, are listed apart, since an embedding site replaces them; so is
// the definition studio, a page for organizations' editors.
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
  // The demo page, and the embed's iframe page and snippets: around the widget, not part of it.
  const host = f === 'index.html' || f.startsWith('demo') || f.startsWith('frame') || f.endsWith('.html') && f.includes('snippet');
  // The definition studio (studio.html, for organizations' editors): a page of its own, with its own budget.
  const studio = f.startsWith('studio') || f.startsWith('ic-pathfinder-studio');
  const content = f === 'default.en.json';
  // Content files other than the built-in English are fetched only when chosen (French).
  const onDemand = f.endsWith('.json') && !content && !studio;
  rows.push({ file: f, raw: b.length, brotli: brotli(b), host, content, onDemand, studio });
}
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const print = (r) => console.log(`${r.file.padEnd(48)} ${kb(r.raw)} KB raw ${kb(r.brotli)} KB brotli`);
console.log('Widget bundle (wasm + JS + CSS), loaded by every visitor:');
const widget = rows.filter((r) => !r.host && !r.onDemand && !r.content && !r.studio);
widget.forEach(print);
const total = widget.reduce((a, r) => ({ raw: a.raw + r.raw, brotli: a.brotli + r.brotli }), { raw: 0, brotli: 0 });
print({ file: 'TOTAL', ...total });
console.log('The built-in content (English), fetched with the widget when no other definition is given:');
const content = rows.filter((r) => r.content);
content.forEach(print);
const firstVisit = [...widget, ...content].reduce((a, r) => ({ raw: a.raw + r.raw, brotli: a.brotli + r.brotli }), { raw: 0, brotli: 0 });
print({ file: 'WIDGET AND BUILT-IN CONTENT', ...firstVisit });
console.log('Loaded on demand (the French content, when French is chosen):');
rows.filter((r) => r.onDemand).forEach(print);
console.log('Host pages and snippets (the demo page; the embed\'s frame.html and its snippets), not part of the widget:');
rows.filter((r) => r.host).forEach(print);
const studio = rows.filter((r) => r.studio);
if (studio.length) {
  console.log('The definition studio (studio.html, its script, its checks\' wasm, its example; it also loads the widget above for its preview):');
  studio.forEach(print);
  const total = studio.reduce((a, r) => ({ raw: a.raw + r.raw, brotli: a.brotli + r.brotli }), { raw: 0, brotli: 0 });
  print({ file: 'STUDIO PAGE, OWN FILES', ...total });
}
console.log(`bundle-brotli-bytes: ${total.brotli}`);
console.log(`with-content-brotli-bytes: ${firstVisit.brotli}`);
