#!/usr/bin/env bash
# Builds the embed bundle into dist-embed/: ic-pathfinder.js (the module to
# load), ic-pathfinder-core.js + ic-pathfinder-core_bg.wasm (wasm-bindgen
# output, --target web: finds its wasm through import.meta.url), and one
# ic-pathfinder.css; frame.html (+ .js, .css) for an iframe; the snippets to
# paste (scripts/snippets.mjs). Also copies the example pages to dist-embed/examples/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh
out=dist-embed
cargo build --locked --release --features embed --bin ic-pathfinder-embed --target wasm32-unknown-unknown
# The start page in each built-in language, for the prerendered snippets.
cargo run --locked --quiet --example prerender -- target/prerender
rm -rf "$out" && mkdir -p "$out/examples"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name ic-pathfinder-core \
  target/wasm32-unknown-unknown/release/ic-pathfinder-embed.wasm
wasm-opt -Oz --converge --low-memory-unused --zero-filled-memory --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue \
  -o "$out/ic-pathfinder-core_bg.wasm" "$out/ic-pathfinder-core_bg.wasm"
# The names the wasm and its glue call each other by, a letter or two instead of hashes.
node scripts/shorten-wasm-names.mjs "$out" ic-pathfinder-core
# The studio's wasm: the checks icp-check makes (src/studio.rs), for studio.html.
cargo build --locked --release --features studio --bin ic-pathfinder-studio --target wasm32-unknown-unknown
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name ic-pathfinder-studio \
  target/wasm32-unknown-unknown/release/ic-pathfinder-studio.wasm
wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue -o "$out/ic-pathfinder-studio_bg.wasm" "$out/ic-pathfinder-studio_bg.wasm"
# The built-in content: English, fetched when no definition is given, and
# French, fetched only when French is chosen (both minified, with the glue).
cp content/default.en.json content/default.fr-CA.json "$out/"
# The loader module and the frame's script, minified with the glue: every
# visitor downloads them (4 KB brotli less); their readable source is embed/.
cp embed/ic-pathfinder.js embed/frame.js "$out/"
node scripts/minify.mjs "$out"
cp embed/frame.html embed/frame.css embed/studio.html embed/studio.css "$out/"
cp examples/definitions/small.json "$out/studio-example.json"
# The studio's script with jsonc-parser bundled in (the module and the studio's glue stay files of their own).
esbuild embed/studio.js --bundle --format=esm --minify --log-level=warning --outfile="$out/studio.js" \
  --external:./ic-pathfinder.js --external:./ic-pathfinder-studio.js
# One stylesheet: the element's host rule, then the components' files.
node scripts/bundle-css.mjs "$out/ic-pathfinder.css" embed/host.css
# The snippets to paste, with the module's integrity value (after the last change to it).
node scripts/snippets.mjs "$out"
cp examples/embed/* examples/definitions/small.json examples/definitions/invalid.json examples/definitions/course.en.json examples/definitions/course.fr-CA.json "$out/examples/"
echo "embed bundle in $out/"
