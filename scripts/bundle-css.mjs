// Concatenates the widget's per-component stylesheets (styles/*.css, in a
// fixed order) into one minified file: one request instead of a dozen, and
// better compression. Used by Trunk's pre-build hook and build-embed.sh.
//   node scripts/bundle-css.mjs OUT.css [PREFIX.css ...]
import fs from 'node:fs';
import path from 'node:path';

const ORDER = ['base', 'start_page', 'question_page', 'error_summary', 'check_answers', 'results', 'pathway_card',
  'what_if', 'keep_results', 'notice', 'error_panel', 'print'];
const [out, ...prefix] = process.argv.slice(2);
const here = path.dirname(new URL(import.meta.url).pathname);
const styles = path.join(here, '..', 'styles');
const listed = new Set(ORDER.map((n) => `${n}.css`));
const missing = fs.readdirSync(styles).filter((f) => f.endsWith('.css') && !listed.has(f));
if (missing.length) throw new Error(`add ${missing.join(', ')} to ORDER in scripts/bundle-css.mjs`);
const css = [...prefix, ...ORDER.map((n) => path.join(styles, `${n}.css`))].map((f) => fs.readFileSync(f, 'utf8')).join('\n');
const minified = css
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s+/g, ' ')
  .replace(/\s*([{};,>])\s*/g, '$1')
  .replace(/;}/g, '}')
  .trim();
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, minified + '\n');
