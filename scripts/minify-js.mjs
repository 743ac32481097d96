// Minifies the wasm-bindgen JS glue of a release build in place (Trunk's
// post-build hook, and build-embed.sh). The glue is generated, readable code
// that every visitor downloads; minified it is about a third smaller.
//   node scripts/minify-js.mjs DIR
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node scripts/minify-js.mjs DIR');
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  const file = path.join(dir, f);
  const result = await minify(fs.readFileSync(file, 'utf8'), { module: true, compress: { passes: 2 }, mangle: true });
  fs.writeFileSync(file, result.code);
}
