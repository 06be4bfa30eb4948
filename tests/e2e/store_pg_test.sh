#!/usr/bin/env bash
# The store test suite (src/store/store_test.cc) against a real PostgreSQL server that
# this script starts and stops (pg_env.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tests=${NEWSGRAPH_BUILD_DIR:-$(dirname "$1")}/newsgraph_tests
[ -x "$tests" ] || { echo "SKIP: $tests not built"; exit 77; }
source "$here/pg_env.sh"
out=$("$tests" --gtest_filter='Engines/StoreTest.*/Postgres' 2>&1) || { echo "$out"; exit 1; }
echo "$out" | tail -3
# The tests must really have run against the server, not skipped.
if echo "$out" | grep -q SKIPPED || ! echo "$out" | grep -qE '\[  PASSED  \] [1-9][0-9]* tests'; then
  echo "FAIL: PostgreSQL store tests did not run"; exit 1
fi
