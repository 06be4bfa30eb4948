# Shared helpers for tests/e2e/*_test.sh. Source it; $1 of the test is the newsgraph binary.
set -uo pipefail
NG=${1:?usage: $0 path/to/newsgraph}
SRC=${NEWSGRAPH_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
SHARED=${NEWSGRAPH_SHARED_DIR:-$SRC/../shared}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILS=0
PASSES=0

pass() { PASSES=$((PASSES + 1)); echo "ok   $*"; }
fail() { FAILS=$((FAILS + 1)); echo "FAIL $*"; }
check() {  # check "description" command...
  local what=$1; shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
finish() {
  echo "$PASSES passed, $FAILS failed"
  [ "$FAILS" -eq 0 ]
}
