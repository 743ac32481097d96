// Once per run: the bundles are there, and the interface texts are exported from the Rust tables.
import fs from 'node:fs';
import path from 'node:path';
import { exportTexts, DIST, EMBED_DIST, TEXTS_JSON } from './support.mjs';

export default function globalSetup() {
  const missing = [path.join(DIST, 'index.html'), path.join(EMBED_DIST, 'examples', 'default.html')].filter((f) => !fs.existsSync(f));
  if (missing.length) throw new Error(`no ${missing}: build dist/ (trunk build --release) and dist-embed/ (bash scripts/build-embed.sh)`);
  try { exportTexts(); } catch (e) { // another change in progress may keep the crate from compiling: the last export serves
    if (!fs.existsSync(TEXTS_JSON)) throw e;
    console.warn(`[e2e] the interface texts could not be exported; using the last export, ${TEXTS_JSON}`);
  }
}
