// Puts the prerendered start page into the demo page (Trunk's post-build
// hook, after the pre-build hook ran `cargo run --example prerender`): the
// page's empty `#ic-pathfinder` element is replaced by the one
// examples/prerender.rs wrote, which holds the start page and its mark. The
// wasm then hydrates it (src/ui/prerender.rs).
//   node scripts/prerender-page.mjs [DIR]   (default: Trunk's staging folder)
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node scripts/prerender-page.mjs DIR');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const prerendered = fs.readFileSync(path.join(root, 'target/prerender/demo.en.html'), 'utf8');
const file = path.join(dir, 'index.html');
const page = fs.readFileSync(file, 'utf8');
const empty = '<div id="ic-pathfinder"></div>';
if (page.split(empty).length !== 2) throw new Error(`${file}: expected one ${empty} to fill`);
fs.writeFileSync(file, page.replace(empty, () => prerendered));
