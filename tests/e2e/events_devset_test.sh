#!/bin/bash
# Event scores on the development set (tests/gold), its tuning half and the seed article
# must stay above their floors. Needs ../shared/eval/score.py; skipped (77) where it is absent.
set -u
bin="$1"
src="${NEWSGRAPH_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"
score="$src/../shared/eval/score.py"
[ -f "$score" ] || exit 77
command -v python3 >/dev/null || exit 77
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
check() {  # check GOLD PRED LEVEL FLOOR
  python3 "$score" --json "$1" "$2" | python3 -c "
import json, sys
s = json.load(sys.stdin)['events_$3']
ok = s['f1'] >= $4
print(('ok  ' if ok else 'LOW ') + '$1 events_$3 f1=%.3f floor=$4' % s['f1'])
sys.exit(0 if ok else 1)"
}
rc=0
if ls "$src"/tests/gold/*.gold.json >/dev/null 2>&1; then
  for f in "$src"/tests/gold/*.txt; do
    "$bin" analyze --json "$f" > "$out/$(basename "$f" .txt).json" || { echo "analyze failed: $f"; rc=1; }
  done
  check "$src/tests/gold" "$out" root 0.36 || rc=1
  check "$src/tests/gold" "$out" code 0.32 || rc=1
  # The tuning half (odd-numbered articles; the even ones are frozen, never tuned on).
  mkdir -p "$out/tune" "$out/tune_gold"
  for f in "$src"/tests/gold/[0-9]*.gold.json; do
    name=$(basename "$f" .gold.json)
    if [ $((10#${name%%_*} % 2)) = 1 ]; then
      cp "$f" "$out/tune_gold/"
      cp "$out/$name.json" "$out/tune/"
    fi
  done
  check "$out/tune_gold" "$out/tune" root 0.55 || rc=1
  check "$out/tune_gold" "$out/tune" code 0.52 || rc=1
fi
seed="$src/../shared/seed/000_d952e5875b96bc4b"
if [ -f "$seed.txt" ]; then
  "$bin" analyze --json "$seed.txt" > "$out/seed.json" || rc=1
  check "$seed.gold.json" "$out/seed.json" root 0.94 || rc=1
  check "$seed.gold.json" "$out/seed.json" code 0.90 || rc=1
fi
exit $rc
