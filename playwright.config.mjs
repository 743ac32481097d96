// The end-to-end suite (e2e/*.spec.mjs) on the release bundles in dist/ and
// dist-embed/, in Debian's Chromium (never a downloaded browser). The servers
// are worker-scoped fixtures (e2e/fixtures.mjs); global-setup.mjs exports the
// interface texts from the Rust tables. e2e/engines/ has its own runner.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  // screens.spec.mjs makes the README screenshots, on demand only (ICP_SCREENS=folder).
  testMatch: process.env.ICP_SCREENS ? 'screens.spec.mjs' : '*.spec.mjs',
  testIgnore: process.env.ICP_SCREENS ? 'engines/**' : ['engines/**', 'screens.spec.mjs'],
  globalSetup: './e2e/global-setup.mjs',
  outputDir: 'test-results/e2e',
  workers: 1, // 2 shared cores: one browser at a time keeps every timing honest
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: {
    actionTimeout: 5_000,
    navigationTimeout: 5_000,
    viewport: { width: 1000, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--no-first-run', '--disable-sync', '--disable-quic'],
    },
  },
});
