#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png: ingests examples/ into a temporary database, serves it
# on a free loopback port and photographs every page in headless Chromium (playwright-core,
# installed into tests/e2e/web/node_modules as for the browser test).
#   usage: tools/screenshots.sh [build/newsgraph]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$src/build/newsgraph}")
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
[ -d "$src/tests/e2e/web/node_modules/playwright-core" ] ||
  (cd "$src/tests/e2e/web" && npm install --no-audit --no-fund --loglevel=error)
shopt -s nullglob
"$bin" ingest --db "$work/demo.db" "$src"/examples/*.txt "$src"/examples/formats/* >/dev/null 2>&1
source "$src/tests/e2e/server_lib.sh"
start_server "$bin" "$work/demo.db"
node "$src/tests/e2e/web/screenshots.mjs" "$base" "$src/docs/screenshots"
