// Concatenates the widget's stylesheets (styles/base.css, the components'
// styles/components/*.css, then the pages' styles/*.css, in a fixed order,
// after any PREFIX files) into one file and minifies it with lightningcss:
// one request instead of a dozen, and a real CSS minifier (it parses the
// CSS, so it cannot mangle strings, url()s or selectors the way regexes
// could) that fails the build, naming file and line, on CSS it cannot parse
// or does not know (unknown at-rules, misspelt pseudo-classes).
// Used by Trunk's pre-build hook (Trunk.toml) and scripts/build-embed.sh.
//   node scripts/bundle-css.mjs OUT.css [PREFIX.css ...]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'lightningcss';

// base first (custom properties, resets, shared bits), then the components,
// then the pages, which may restyle a component in their context at the
// same specificity, then print, which overrides everything.
const ORDER = ['base', 'components/', 'start_page', 'question_page', 'check_answers', 'results', 'pathway_card',
  'what_if', 'keep_results', 'confirm', 'error_panel', 'print'];
// styles/components/, where 'components/' stands in ORDER.
const COMPONENTS = ['button', 'tag', 'inset_text', 'details', 'fieldset', 'radios', 'checkboxes', 'text_input',
  'error_message', 'error_summary', 'summary_list', 'notification_banner'];
// Oldest browsers the output must work in (major << 16 | minor << 8), written
// by hand because browserslistToTargets would need the browserslist package.
// Below the supported floor (current Chromium, Firefox ESR 140, Safari 16+),
// so lightningcss never emits syntax those browsers lack.
const TARGETS = { chrome: 100 << 16, firefox: 115 << 16, safari: 16 << 16, ios_saf: 16 << 16 };

const [out, ...prefix] = process.argv.slice(2);
if (!out) throw new Error('usage: node scripts/bundle-css.mjs OUT.css [PREFIX.css ...]');
const styles = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'styles');
// Every stylesheet must be listed: an unlisted one would silently be left
// out of the bundle. And every listed one must exist.
const files = ORDER.flatMap((n) => (n === 'components/' ? COMPONENTS.map((c) => `components/${c}.css`) : [`${n}.css`]));
const listed = new Set(files);
const present = [
  ...fs.readdirSync(styles).filter((f) => f.endsWith('.css')),
  ...fs.readdirSync(path.join(styles, 'components')).filter((f) => f.endsWith('.css')).map((f) => `components/${f}`),
];
const missing = present.filter((f) => !listed.has(f));
if (missing.length) throw new Error(`add ${missing.join(', ')} to ORDER or COMPONENTS in scripts/bundle-css.mjs`);
const gone = files.filter((f) => !present.includes(f));
if (gone.length) throw new Error(`${gone.join(', ')} listed in scripts/bundle-css.mjs but not in styles/`);

// Concatenate, remembering where each file starts so that an error in the
// bundle can be reported against the source file and line.
const parts = [];
let line = 1;
for (const file of [...prefix, ...files.map((f) => path.join(styles, f))]) {
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
