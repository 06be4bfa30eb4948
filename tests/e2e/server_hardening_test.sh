#!/usr/bin/env bash
# The server under hostile and unlucky clients (issue 17, items 1-6): gzip bombs and
# chunked bodies past the limit, authentication before the body, slow and idle clients,
# Host/Origin checks, the loopback rule on resolved addresses, a port already in use.
# The checks over HTTP are in server_hardening_test.py; every loop there is bounded.
set -euo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
source "$here/server_lib.sh"
server_test_init 20
opts=(--threads 2 --read-timeout 2 --max-client-connections 16)

# Item 5: the loopback rule reads what --host resolves to. "0" is a name of 0.0.0.0.
for host in 0 0.0.0.0 ::; do
  if NEWSGRAPH_TOKEN= timeout 20 "$bin" serve --db "$work/kb.jsonl" --host "$host" --port 0 >"$work/refused.log" 2>&1; then
    echo "FAIL: serving on --host $host without a token started"; exit 1
  fi
  grep -q "needs a token" "$work/refused.log" || { cat "$work/refused.log"; echo "FAIL: no token message for $host"; exit 1; }
done
echo "ok   --host 0, 0.0.0.0 and :: refused without a token"

start_server "$bin" "$work/kb.jsonl" "${opts[@]}"
port=${base##*:}

# Item 6: a second server on the same port fails and says so.
set +e
timeout 20 "$bin" serve --db "$work/kb.jsonl" --port "$port" >"$work/second.log" 2>&1
rc=$?
set -e
if [ $rc = 124 ] || grep -q "serving" "$work/second.log"; then
  cat "$work/second.log"; echo "FAIL: a second server started on port $port"; exit 1
fi
grep -q "port $port is in use" "$work/second.log" || { cat "$work/second.log"; echo "FAIL: no 'port $port is in use'"; exit 1; }
echo "ok   second serve on port $port: exit $rc, '$(head -1 "$work/second.log")'"

python3 "$here/server_hardening_test.py" "$base" "$server" open
kill "$server"; wait "$server" 2>/dev/null || true

NEWSGRAPH_TOKEN=s3cret start_server "$bin" "$work/kb.jsonl" "${opts[@]}"
python3 "$here/server_hardening_test.py" "$base" "$server" token
