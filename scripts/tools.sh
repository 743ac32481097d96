#!/usr/bin/env bash
# Installs the toolchain pieces the build and the tests need. Idempotent: each
# step checks first, so a second run takes seconds.
#   scripts/tools.sh build   -> wasm target, trunk, wasm-bindgen-cli, wasm-opt
#   scripts/tools.sh test    -> the above plus Chromium, chromedriver, Firefox ESR,
#                               WebKitGTK's WebDriver and MiniBrowser, Xvfb, npm test deps
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
what="${1:-build}"

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version pinned in Cargo.toml / Cargo.lock.
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132

log() { printf '\033[1m[tools]\033[0m %s\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The test command checks formatting and lints (scripts/test.sh).
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding the $component component"
    rustup component add "$component"
  fi
done

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: one locked dependency is missing from the registry mirror.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

# Debian's binaryen is too old for current rustc output; the npm build is not.
# Installed = every package of package-lock.json (but optional ones for other platforms) is in
# node_modules/.package-lock.json, npm's record of what it installed, at the same version.
npm_installed() {
  [ -x node_modules/.bin/wasm-opt ] && [ -f node_modules/.package-lock.json ] \
    && [ ! package-lock.json -nt node_modules/.package-lock.json ] \
    && node -e '
      const read = (f) => JSON.parse(require("fs").readFileSync(f, "utf8")).packages;
      const [want, have] = [read("package-lock.json"), read("node_modules/.package-lock.json")];
      const stale = Object.entries(want).filter(([k, p]) => k && !p.optional && have[k]?.version !== p.version);
      process.exit(stale.length ? 1 : 0);'
}
if ! npm_installed; then
  log "installing npm packages (binaryen, esbuild, jsonc-parser, @playwright/test, @axe-core/playwright, puppeteer-core, selenium-webdriver, axe-core)"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

if [ "$what" = test ]; then
  # The browsers the tests drive, all Debian's own (never a downloaded build):
  # Chromium (+ chromedriver for wasm-bindgen-test), and for the cross-engine
  # journeys (e2e/engines/) Firefox ESR (driven over WebDriver BiDi by
  # puppeteer-core) and WebKitGTK's WebDriver and MiniBrowser, which needs a
  # display: the tests start a virtual one with Xvfb.
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  # The release archive (scripts/release.sh): made with zip, checked with unzip, sha256sum and openssl.
  command -v zip >/dev/null || missing+=(zip)
  command -v unzip >/dev/null || missing+=(unzip)
  command -v openssl >/dev/null || missing+=(openssl)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing Debian's ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
log "tools ready"
