// Concatenates the widget's per-component stylesheets (styles/*.css, in a
// fixed order, after any PREFIX files) into one file and minifies it with
// lightningcss: one request instead of a dozen, and a real CSS minifier (it
// parses the CSS, so it cannot mangle strings, url()s or selectors the way
// regexes could) that fails the build, naming file and line, on CSS it cannot
// parse or does not know (unknown at-rules, misspelt pseudo-classes).
// Used by Trunk's pre-build hook (Trunk.toml) and scripts/build-embed.sh.
//   node scripts/bundle-css.mjs OUT.css [PREFIX.css ...]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'lightningcss';

const ORDER = ['base', 'start_page', 'question_page', 'error_summary', 'check_answers', 'results', 'pathway_card',
  'what_if', 'keep_results', 'notice', 'error_panel', 'print'];
// Oldest browsers the output must work in (major << 16 | minor << 8), written
// by hand because browserslistToTargets would need the browserslist package.
// Below the supported floor (current Chromium, Firefox ESR 140, Safari 16+),
// so lightningcss never emits syntax those browsers lack.
const TARGETS = { chrome: 100 << 16, firefox: 115 << 16, safari: 16 << 16, ios_saf: 16 << 16 };

const [out, ...prefix] = process.argv.slice(2);
if (!out) throw new Error('usage: node scripts/bundle-css.mjs OUT.css [PREFIX.css ...]');
const styles = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'styles');
const listed = new Set(ORDER.map((n) => `${n}.css`));
const missing = fs.readdirSync(styles).filter((f) => f.endsWith('.css') && !listed.has(f));
if (missing.length) throw new Error(`add ${missing.join(', ')} to ORDER in scripts/bundle-css.mjs`);

// Concatenate, remembering where each file starts so that an error in the
// bundle can be reported against the source file and line.
const parts = [];
let line = 1;
for (const file of [...prefix, ...ORDER.map((n) => path.join(styles, `${n}.css`))]) {
  const text = fs.readFileSync(file, 'utf8');
  parts.push({ file, line, text });
  line += text.split('\n').length; // the '\n' joining the parts ends the last line
}
const where = (loc) => {
  const part = parts.findLast((p) => p.line <= loc.line) ?? parts[0];
  return `${path.relative(process.cwd(), part.file)}:${loc.line - part.line + 1}:${loc.column}`;
};

const minify = (filename, text) => transform({ filename, code: Buffer.from(text), minify: true, targets: TARGETS });
let result;
try {
  result = minify(path.basename(out), parts.map((p) => p.text).join('\n'));
} catch (e) {
  // An unclosed block only shows up at the end of the bundle: look for the
  // file that fails on its own to name the right one.
  for (const p of parts) {
    try { minify(p.file, p.text); } catch (e1) {
      const at = e1.loc ? `:${e1.loc.line}:${e1.loc.column}` : '';
      console.error(`bundle-css: ${path.relative(process.cwd(), p.file)}${at}: ${e1.message}`);
      process.exit(1);
    }
  }
  console.error(`bundle-css: ${e.loc ? where(e.loc) : out}: ${e.message}`);
  process.exit(1);
}
if (result.warnings.length) {
  for (const w of result.warnings) console.error(`bundle-css: ${where(w.loc)}: ${w.message}`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, result.code.toString() + '\n');
