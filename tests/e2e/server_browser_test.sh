#!/usr/bin/env bash
# Web UI in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core from
# npm, installed here on first run). Screenshots land in $NEWSGRAPH_BUILD_DIR/screenshots.
# Skips (77) when chromium, node or npm is missing, or npm cannot install playwright-core.
set -euo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
build=${NEWSGRAPH_BUILD_DIR:-$(dirname "$bin")}
chromium=${CHROMIUM:-/usr/bin/chromium}
for tool in node npm; do command -v $tool >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }; done
[ -x "$chromium" ] || { echo "SKIP: $chromium not installed"; exit 77; }
if [ ! -d "$here/web/node_modules/playwright-core" ]; then
  (cd "$here/web" && timeout 600 npm install --no-audit --no-fund --loglevel=error) ||
    { echo "SKIP: npm install of playwright-core failed (offline?)"; exit 77; }
fi
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
python3 "$here/server_fixture.py" "$work/kb.jsonl" --count 40
source "$here/server_lib.sh"
start_server "$bin" "$work/kb.jsonl"
CHROMIUM=$chromium node "$here/web/browser_test.mjs" "$base" "$build/screenshots"
