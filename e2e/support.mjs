// The words and answers of the suite, by language (no Playwright here: the engines'
// journeys use it too). Interface texts come from the Rust tables (src/ui/texts.rs,
// texts_fr.rs) through `cargo run --example export_texts`, written to
// target/e2e/texts.json by global-setup.mjs; content texts from content/default.<lang>.json;
// answers and expected checklists from crates/pathway/tests/fixtures/scenarios/.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.resolve(process.env.ICP_DIST || path.join(ROOT, 'dist'));
export const EMBED_DIST = path.resolve(process.env.ICP_EMBED_DIST || path.join(ROOT, 'dist-embed'));
/** Saved progress: the storage key `default`, then the definition's id. */
export const STORAGE_KEY = 'icp:default@ic-pathfinder-default';
export const TEXTS_JSON = path.join(ROOT, 'target', 'e2e', 'texts.json');
/** The widget crate's version, which the release archive and the npm package carry. */
export const VERSION = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "(.+)"/m)[1];
/** What scripts/release.sh makes: `release('zip')`, `release('tgz')`. */
export const release = (extension) => path.join(ROOT, 'target', 'archive', `ic-pathfinder-${VERSION}.${extension}`);
/** docs/embedding.md, as the web people who embed the widget read it. */
export const EMBEDDING_DOCS = fs.readFileSync(path.join(ROOT, 'docs', 'embedding.md'), 'utf8');
/** The part of docs/embedding.md under a heading, up to the next heading of the same or a higher level. */
export function docsSection(heading) {
  const start = EMBEDDING_DOCS.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`docs/embedding.md has no "${heading}"`);
  const level = heading.match(/^#+/)[0].length;
  const rest = EMBEDDING_DOCS.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`\\n#{1,${level}} `));
  return end < 0 ? rest : rest.slice(0, end);
}
const readJson = (...parts) => JSON.parse(fs.readFileSync(path.join(...parts), 'utf8'));

/** Writes every language's interface texts, as the Rust example prints them, to target/e2e/texts.json. */
export function exportTexts() {
  const json = execFileSync('cargo', ['run', '--quiet', '--example', 'export_texts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  fs.mkdirSync(path.dirname(TEXTS_JSON), { recursive: true });
  fs.writeFileSync(TEXTS_JSON, json);
}

let texts;
/** The Rust fields in camelCase (`check_title`: `checkTitle`, `continue_`: `continue`), statuses and tags grouped. */
function interfaceTexts(lang) {
  if (!texts) texts = (fs.existsSync(TEXTS_JSON) || exportTexts(), readJson(TEXTS_JSON));
  const T = Object.fromEntries(Object.entries(texts[lang]).map(([k, v]) => [k.replace(/_$/, '').replace(/_(\w)/g, (_, c) => c.toUpperCase()), v]));
  // `to_confirm` labels name the organization: templates with `{who}`.
  T.status = { met: T.statusMet, to_confirm: T.statusToConfirm, in_progress: T.statusInProgress, not_yet: T.statusNotYet, not_applicable: T.statusNotApplicable };
  T.req = { met: T.reqMet, to_confirm: T.reqToConfirm, unmet: T.reqUnmet, unknown: T.reqUnknown, optional: T.reqOptional, in_progress: T.reqInProgress, ticked: T.reqByTick };
  return T;
}

const find = (list, id, what) => list?.find((x) => x.id === id) ?? (() => { throw new Error(`no ${what} "${id}"`); })();

/** One language: its interface texts `T`, its content (the built-in one or `definition`), lookups by id (the same in every language). */
export function language(lang, definition) {
  const content = definition ?? readJson(ROOT, 'content', `default.${lang}.json`);
  const L = {
    lang,
    content,
    T: interfaceTexts(lang),
    question: (id) => find(content.questions, id, 'question'),
    questionByText: (text) => content.questions.find((q) => q.text === text),
    optionLabel: (qid, oid) => find(L.question(qid).options, oid, `option of ${qid}`).label,
    pathway: (id) => find(content.pathways, id, 'pathway'),
    requirement: (pid, rid) => find(L.pathway(pid).requirements, rid, `requirement of ${pid}`),
    advice: (id) => find(content.advice, id, 'advice'),
  };
  return L;
}

export const SCENARIOS = path.join(ROOT, 'crates', 'pathway', 'tests', 'fixtures', 'scenarios');
/** Every scenario fixture of the domain core: { id, name, answers, expect }. */
export const scenarios = () => fs.readdirSync(SCENARIOS).filter((f) => f.endsWith('.json')).sort()
  .map((f) => ({ id: f.replace(/\.json$/, ''), ...readJson(SCENARIOS, f) }));
/** Four candidates whose checklists scenarios.spec.mjs reads in detail (answers in the order asked). */
export const CANDIDATES = Object.fromEntries(Object.entries(readJson(ROOT, 'e2e', 'candidates.json')).map(([k, v]) => [k, v.answers]));
/** The organization definition of the examples, and the answers that complete it. */
export const small = readJson(ROOT, 'examples', 'definitions', 'small.json');
export const smallAnswers = readJson(ROOT, 'examples', 'definitions', 'small.answers.json');
/** The fragment value of a share link for a set of answers, as the widget makes it. */
/** A share-link value: answers and ticks (`v2`), or answers alone in the first version's format (`{ version: 1 }`). */
export const linkValue = (definitionId, answers, ticks = [], { version = 2 } = {}) => version === 1
  ? `v1.${Buffer.from(JSON.stringify([definitionId, answers])).toString('base64url')}`
  : `v2.${Buffer.from(JSON.stringify([definitionId, answers, ticks])).toString('base64url')}`;
