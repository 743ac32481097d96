#!/usr/bin/env bash
# Runs every test: native (engine, content, reducer, SSR markup, CLI),
# wasm-bindgen-test in headless Chromium, then the end-to-end suite on the
# release bundle. Installs what it needs first (idempotent, fast on a rerun).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh
bash scripts/tools.sh test
cargo fetch --locked >/dev/null

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
step() { printf '\n\033[1m== %s\033[0m\n' "$1"; shift; "$@" 2>&1 | tee -a "$log" || status=1; }

# Habits before tests: the house formatting (rustfmt.toml) and no lint left, natively and in
# the embed's wasm build (the wasm-only code paths are linted there).
step "formatting (cargo fmt --check)" cargo fmt --all -- --check
step "lints (clippy, warnings denied)" cargo clippy --locked --all-targets -- -D warnings
step "lints in the wasm build (clippy, warnings denied)" cargo clippy --locked --target wasm32-unknown-unknown --features embed --lib --bins -- -D warnings
step "native tests (widget, domain core, icp-check)" cargo test --locked --workspace
step "browser tests (wasm-bindgen-test, headless Chromium)" cargo test --locked --target wasm32-unknown-unknown --test browser
step "release bundle" trunk build --release
step "embed bundle" bash scripts/build-embed.sh
# The archive organizations download, checked as a downloader would (sums, snippet integrity);
# the end-to-end suite then deploys its folder as docs/embedding.md says.
step "release archive (zip, SHA-256 sums, snippet integrity)" bash scripts/release.sh --skip-build
# @playwright/test (playwright.config.mjs: e2e/*.spec.mjs, one worker, Debian's Chromium); its
# list reporter ends with "N passed" / "N failed" lines, counted below.
step "end-to-end tests (Playwright on the release bundle)" npx --no-install playwright test
# Named *.journeys.mjs so that neither Playwright (*.spec.mjs) nor node --test's default patterns pick them up
# (the WebKit driver starts its own Xvfb).
step "cross-engine journeys (Chromium, Firefox ESR, WebKitGTK)" node --test --test-concurrency=1 e2e/engines/*.journeys.mjs
step "bundle size (demo page)" node scripts/size.mjs dist
step "bundle size (embed)" node scripts/size.mjs dist-embed

# One closing line for all the runners above. awk alone (not grep | awk): under
# pipefail a grep that finds nothing would end the script before this line.
plain="$(sed 's/\x1b\[[0-9;]*m//g' "$log")"
count() { awk -v re="$1" '$0 ~ re { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) { s += $i; break } } END { print s + 0 }' <<<"$plain"; }
# cargo: "test result: ok. 8 passed; 0 failed; ..."; node --test: "# pass 15", "# fail 0";
# Playwright's summary: "  152 passed (7.2m)", "  2 failed", "  1 flaky", "  1 interrupted".
passed=$(( $(count '^test result: [a-zA-Z]+[.] [0-9]+ passed') + $(count '^# pass [0-9]+') + $(count '^ +[0-9]+ passed [(]') ))
failed=$(awk '/^test result: / { for (i = 1; i <= NF; i++) if ($(i + 1) == "failed;") s += $i } END { print s + 0 }' <<<"$plain")
failed=$(( failed + $(count '^# fail [0-9]+') + $(count '^ +[0-9]+ (failed|flaky|interrupted)$') ))
# A Playwright run that ends before its summary (say, global setup failed) counts as one failure.
grep -qE '^ +[0-9]+ passed [(]' <<<"$plain" || failed=$((failed + 1))
echo
echo "${passed} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
