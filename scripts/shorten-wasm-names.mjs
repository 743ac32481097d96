// Shortens the names by which the wasm and its wasm-bindgen glue call each
// other: every visitor downloads them twice (in the wasm and in the glue), and
// wasm-bindgen's names carry a 16-digit hash (`__wbg_abort_f8d1589eb0c65ee2`)
// that brotli cannot compress. Binaryen renames them (one or two letters) and
// prints the mapping; this script applies it to the readable glue, before
// minify.mjs runs. About 4 KB brotli less for the embed bundle, nothing else
// changed. Any name not found exactly where wasm-bindgen writes it stops the
// build, rather than shipping a glue that calls a name the wasm lacks.
//   node scripts/shorten-wasm-names.mjs DIR NAME   (DIR/NAME.js, DIR/NAME_bg.wasm)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [dir, name] = process.argv.slice(2);
if (!dir || !name) throw new Error('usage: node scripts/shorten-wasm-names.mjs DIR NAME');
const wasm = path.join(dir, `${name}_bg.wasm`);
const glue = path.join(dir, `${name}.js`);
// The same features as the build's other wasm-opt runs (scripts/build-embed.sh).
const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
  '--enable-reference-types', '--enable-multivalue'];
// The last pass over the wasm also drops its two custom sections (the tools that
// made it, the features it was built with), which only tools read: 0.2 KB.
const mapping = JSON.parse(execFileSync('wasm-opt', [...features, '--minify-imports-and-exports-and-modules', '--strip-producers', '--strip-target-features', wasm, '-o', wasm], { encoding: 'utf8' }));

const escape = (s) => s.replace(/[$.*+?^(){}[\]|\\]/g, '\\$&');
let js = fs.readFileSync(glue, 'utf8');
// Replaces every match of `pattern` (by a function: a short name may hold
// `$`, which a replacement string would read); `count` says how many there must be
// (`null`: any number, none included).
const rename = (pattern, replacement, what, count) => {
  const all = new RegExp(pattern.source, `${pattern.flags}g`);
  const found = (js.match(all) || []).length;
  if (count !== null && found !== count) throw new Error(`shorten-wasm-names: ${what} found ${found} times in ${glue}, expected ${count}`);
  js = js.replace(all, replacement);
  return found;
};

// Imports: the keys of the object __wbg_get_imports builds, one per line.
const modules = new Set(mapping.imports.map(([module]) => module));
for (const [, from, to] of mapping.imports) {
  rename(new RegExp(`^(\\s+)${escape(from)}:`, 'm'), (_, indent) => `${indent}${to}:`, `import ${from}`, 1);
}
// The module they come from, renamed too: read it back from the wasm.
const renamed = [...new Set(WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(wasm))).map((i) => i.module))];
if (modules.size !== 1 || renamed.length !== 1) throw new Error(`shorten-wasm-names: expected one import module, got ${[...modules]} -> ${renamed}`);
rename(new RegExp(`"${escape([...modules][0])}":`), () => `"${renamed[0]}":`, `module ${[...modules][0]}`, 1);
// Exports: the glue reads them as properties of `wasm` (instance.exports);
// one it never reads (the start function) is renamed all the same.
for (const [from, to] of mapping.exports) {
  rename(new RegExp(`\\bwasm\\.${escape(from)}\\b`), () => `wasm.${to}`, `export ${from}`, null);
}
fs.writeFileSync(glue, js);
console.log(`shortened ${mapping.imports.length} imports and ${mapping.exports.length} exports of ${name}`);
