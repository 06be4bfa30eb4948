# Shared by the server e2e tests: start_server BIN DB [ARGS...] starts `newsgraph serve` on
# a free loopback port and sets $server (pid) and $base (http://127.0.0.1:PORT). Waits
# SERVER_START_SECONDS (default 10) for it to load.
start_server() {
  local bin=$1 db=$2
  shift 2
  local log="$work/serve.log"
  : >"$log"  # not the previous server's line
  "$bin" serve --db "$db" --port 0 "$@" >"$log" 2>&1 &
  server=$!
  for _ in $(seq 1 $((${SERVER_START_SECONDS:-10} * 10))); do
    base=$(sed -n 's|^newsgraph: serving .* on \(http://[^ ]*\)/$|\1|p' "$log")
    [ -n "$base" ] && return 0
    kill -0 "$server" 2>/dev/null || { cat "$log"; echo "FAIL: server did not start"; exit 1; }
    sleep 0.1
  done
  cat "$log"
  echo "FAIL: server did not report its port"
  exit 1
}

# server_test_init N: a work folder $work (removed on exit, with the server stopped) holding
# a fixture knowledge base of N made-up articles, $work/kb.jsonl. Needs $here.
server_test_init() {
  work=$(mktemp -d)
  server=""
  trap 'server_test_cleanup' EXIT
  python3 "$here/server_fixture.py" "$work/kb.jsonl" --count "$1"
}
server_test_cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
