// The demo page's stylesheets and JS glue carry subresource integrity that
// matches the files as served (the glue is minified after Trunk hashes it, so
// scripts/minify.mjs writes its integrity itself).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DIST as dist } from './support.mjs';
import { test } from './fixtures.mjs';

test('Every stylesheet and the JS glue of the demo page have an integrity that matches the file', () => {
  const page = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const links = [...page.matchAll(/<link rel="(stylesheet|modulepreload)" href="\/([^"]+)"[^>]*?integrity="([^"]+)"/g)];
  const kinds = links.map(([, rel]) => rel);
  assert.equal(kinds.filter((k) => k === 'stylesheet').length, 2, `two stylesheets with integrity: ${kinds}`);
  assert.equal(kinds.filter((k) => k === 'modulepreload').length, 1, `the JS glue with integrity: ${kinds}`);
  for (const [, , file, integrity] of links) {
    const hash = crypto.createHash('sha384').update(fs.readFileSync(path.join(dist, file))).digest('base64');
    assert.equal(integrity, `sha384-${hash}`, `integrity of ${file}`);
  }
});
