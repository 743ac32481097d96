// Once per run: the bundles are there, and the interface texts are exported
// afresh from the Rust tables (a stale export could hide a changed text).
import fs from 'node:fs';
import path from 'node:path';
import { exportTexts, DIST, EMBED_DIST } from './support.mjs';

export default function globalSetup() {
  const missing = [path.join(DIST, 'index.html'), path.join(EMBED_DIST, 'examples', 'default.html')].filter((f) => !fs.existsSync(f));
  if (missing.length) throw new Error(`no ${missing}: build dist/ (trunk build --release) and dist-embed/ (bash scripts/build-embed.sh)`);
  exportTexts();
}
