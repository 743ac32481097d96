#!/usr/bin/env bash
# Builds the widget and serves the demo page. Installs what it needs first.
#   bash scripts/serve.sh [PORT]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh
bash scripts/tools.sh build
port="${1:-8080}"
cargo fetch --locked >/dev/null
trunk build --release
echo
echo "IC Pathfinder demo: http://127.0.0.1:${port}/   (Ctrl+C to stop)"
exec node e2e/serve.mjs dist "$port"
