// Writes the snippets an organization pastes, beside the bundle they load
// (build-embed.sh): with the subresource-integrity value of the module as
// built, so a changed file on the server is refused by the browser.
//   snippet.en.html, snippet.fr-CA.html   the start page itself, prerendered
//       (examples/prerender.rs wrote it to target/prerender/) in a declarative
//       shadow root, which the module hydrates: the first screen shows with
//       the page, before any script; with load hints, so the wasm is fetched at once
//   two-line-snippet.html, two-line-snippet.fr-CA.html   the module and the
//       element only: the widget shows once the module has loaded
//   frame-snippet.html  the iframe and its resize listener (frame.html's address to fill in)
//   examples/strict-csp-{prerendered,two-line}.<lang>.html   the strict-CSP example page with each pasted in
// The folder is assumed at /ic-pathfinder/ on the site, the one string to replace
// (every occurrence) where it is elsewhere: docs/embedding.md, "In a subfolder";
// the iframe's address has a placeholder origin the organization replaces.
//   node scripts/snippets.mjs DIR
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/snippets.mjs DIR');
/** Where the docs tell organizations to put the folder, and the origin to replace in the iframe snippet. */
export const FOLDER = '/ic-pathfinder/';
export const PLACEHOLDER = 'https://your-site.example';

const sri = (file) => `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(dir, file))).digest('base64')}`;
/**
 * Shown only if the module never runs (a page opened as a file, scripts blocked): the two-line
 * snippet's element holds it, which the widget replaces. The prerendered one's shadow root holds it
 * `hidden` after the start page; the stylesheet shows it, in place of the start page whose buttons
 * could not work, once the element is still undefined after a few seconds (.icp-needs-server,
 * styles/start_page.css). Outside `.icp-prerendered`, so the start page's fingerprint
 * (data-icp-shape) and hydration never see it. `hidden` rather than hidden by the stylesheet: a
 * browser that paints a shadow root before its stylesheet has loaded (Firefox) never flashes it.
 */
const FALLBACK = {
  en: 'IC Pathfinder is loading. If this message stays, its scripts could not run: the page must be opened from a web server (an address starting with https://), not as a file.',
  'fr-CA': 'IC Pathfinder se charge. Si ce message reste affiché, ses scripts n\u2019ont pas pu s\u2019exécuter\u00a0: la page doit être ouverte depuis un serveur web (une adresse commençant par https://), et non comme un fichier.',
};

const script = `<script type="module" src="${FOLDER}ic-pathfinder.js" integrity="${sri('ic-pathfinder.js')}"></script>`;
const open = (lang) => `<ic-pathfinder${lang === 'en' ? '' : ` lang="${lang}"`}>`;
const twoLine = (lang) => `${script}
${open(lang)}<p>${FALLBACK[lang]}</p></ic-pathfinder>
`;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
/** The prerendered start page in `lang`, inside the element's shadow root, with its stylesheet. */
const prerendered = (lang) => {
  const page = fs.readFileSync(path.join(root, `target/prerender/embed.${lang}.html`), 'utf8');
  const preload = (file, as, type = '') => `<link rel="preload" href="${FOLDER}${file}" as="${as}"${type} crossorigin>`;
  const note = `<div class="icp-needs-server" hidden><div class="icp-root" lang="${lang}">${FALLBACK[lang]}</div></div>`;
  // The folder is named in several places here: the comment says what to replace, and stays true once replaced.
  return `<!-- IC Pathfinder, its folder at ${FOLDER} on this site. Folder elsewhere? Replace every ${FOLDER} in this snippet with its path (docs/embedding.md). -->
<link rel="modulepreload" href="${FOLDER}ic-pathfinder-core.js">
${preload('ic-pathfinder-core_bg.wasm', 'fetch', ' type="application/wasm"')}
${preload('default.en.json', 'fetch')}${lang === 'en' ? '' : `
${preload(`default.${lang}.json`, 'fetch')}`}
${script}
${open(lang)}<template shadowrootmode="open"><link rel="stylesheet" href="${FOLDER}ic-pathfinder.css">${page}${note}</template><p>${FALLBACK[lang]}</p></ic-pathfinder>
`;
};
const frame = `<iframe id="ic-pathfinder" src="${PLACEHOLDER}${FOLDER}frame.html" title="IC Pathfinder: your routes to becoming an intimacy coordinator" style="width: 100%; height: 720px; border: 0"></iframe>
<script>const icpFrame = document.getElementById('ic-pathfinder');
addEventListener('message', (e) => { if (e.origin === '${PLACEHOLDER}' && e.source === icpFrame.contentWindow && e.data?.type === 'icp-resize') icpFrame.style.height = e.data.height + 'px'; });</script>
`;
// The strict-CSP example page (examples/embed/strict-csp.html) with each snippet pasted in, in each
// language, beside the bundle's examples (the end-to-end suite runs them with Trusted Types enforced).
const strict = fs.readFileSync(path.join(root, 'examples/embed/strict-csp.html'), 'utf8');
const element = '<script type="module" src="../ic-pathfinder.js"></script>';
if (!strict.includes(element) || !strict.includes('<ic-pathfinder storage-key="csp"></ic-pathfinder>')) throw new Error('strict-csp.html: the module and the element to replace');
for (const lang of ['en', 'fr-CA']) {
  const twoLineName = lang === 'en' ? 'two-line-snippet.html' : `two-line-snippet.${lang}.html`;
  fs.writeFileSync(path.join(dir, `snippet.${lang}.html`), prerendered(lang));
  fs.writeFileSync(path.join(dir, twoLineName), twoLine(lang));
  for (const [kind, code] of [['prerendered', prerendered(lang)], ['two-line', twoLine(lang)]]) {
    const page = strict.replace(/<html lang="[^"]*">/, `<html lang="${lang}">`).replace(element, '')
      .replace('<ic-pathfinder storage-key="csp"></ic-pathfinder>', () => code.replace(/^<!--.*-->\n/, '').replaceAll(FOLDER, '../').trim());
    fs.mkdirSync(path.join(dir, 'examples'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'examples', `strict-csp-${kind}.${lang}.html`), page);
  }
}
fs.writeFileSync(path.join(dir, 'frame-snippet.html'), frame);
