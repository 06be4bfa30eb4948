# Sourced by the PostgreSQL tests: starts a private PostgreSQL server (initdb + pg_ctl in a
# temporary directory, listening only on a unix socket there, no TCP), exports
# NEWSGRAPH_TEST_PG_URL, and stops the server and removes the directory on exit. Also gives
# the test a scratch folder, $work, removed with it, and fail() to end the test.
# PostgreSQL refuses to run as root, so as root the server runs as Debian's `postgres`
# user. Exits 77 (skipped) when the server binaries are not installed.
pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "SKIP: PostgreSQL server binaries not found (apt-get install postgresql)"
  exit 77
fi
pg_dir=$(mktemp -d /tmp/newsgraph-pg.XXXXXX)
chmod 755 "$pg_dir"
pg_as() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
work=$(mktemp -d)
fail() { echo "FAIL: $*"; exit 1; }
pg_stop() {
  pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir" "$work"
}
trap pg_stop EXIT
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
pg_user=$( [ "$(id -u)" = 0 ] && echo postgres || id -un )
if ! pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U "$pg_user" -A trust -E UTF8 --no-locale >"$pg_dir/initdb.log" 2>&1; then
  cat "$pg_dir/initdb.log"; echo "FAIL: initdb"; exit 1
fi
if ! pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
     -o "-k $pg_dir -c listen_addresses='' -c fsync=off -c max_connections=40" start >/dev/null; then
  cat "$pg_dir/server.log"; echo "FAIL: pg_ctl start"; exit 1
fi
pg_as "$pg_bin/createdb" -h "$pg_dir" -U "$pg_user" newsgraph_test
export NEWSGRAPH_TEST_PG_URL="postgresql:///newsgraph_test?host=$pg_dir&user=$pg_user"
