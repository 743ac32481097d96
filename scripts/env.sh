# Sourced by the scripts: the toolchain's paths, in the order that matters
# (npm's binaryen before any system wasm-opt).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$here/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# Panic messages in the wasm name the source file of the dependency they come
# from; without the registry's absolute path before it (the same on every
# machine, and 0.2 KB brotli less in the bundle). For every wasm build, so
# that the demo, embed and test builds share their compiled dependencies.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src/index.crates.io-1949cf8c6b5b557f/="
