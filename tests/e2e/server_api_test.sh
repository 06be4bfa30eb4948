#!/usr/bin/env bash
# HTTP API end to end: `newsgraph serve` on a free loopback port over a fixture knowledge
# base (server_fixture.py), every endpoint, errors, limits, token rules, malformed requests.
set -euo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
source "$here/server_lib.sh"
server_test_init 40

# A non-loopback address without a token is refused.
if NEWSGRAPH_TOKEN= "$bin" serve --db "$work/kb.jsonl" --host 0.0.0.0 --port 0 >"$work/refused.log" 2>&1; then
  echo "FAIL: serving on 0.0.0.0 without a token started"; exit 1
fi
grep -q "needs a token" "$work/refused.log" || { cat "$work/refused.log"; echo "FAIL: no token message"; exit 1; }

start_server "$bin" "$work/kb.jsonl"
python3 "$here/server_api_test.py" "$base" open
kill "$server"; wait "$server" 2>/dev/null || true

# With a token (from the environment), POST needs it.
NEWSGRAPH_TOKEN=s3cret start_server "$bin" "$work/kb.jsonl"
python3 "$here/server_api_test.py" "$base" token
