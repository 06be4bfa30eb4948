#!/usr/bin/env bash
# Quality floors on the project's annotated development set (tests/gold/), scored with
# ../shared/eval/score.py (skipped where ../shared is absent). The floors are set from
# measurement a little under the current scores: a change that lowers a score below its
# floor fails here and must be looked at.
source "$(dirname "$0")/lib.sh"
score=$SHARED/eval/score.py
if [ ! -f "$score" ]; then echo "skipped: $score not present"; exit 77; fi
mkdir -p $TMP/pred
for f in "$SRC"/tests/gold/*.txt; do
  "$NG" analyze --json "$f" >"$TMP/pred/$(basename "${f%.txt}").json" || fail "analyze $f"
done
python3 "$score" --json "$SRC/tests/gold" $TMP/pred >$TMP/score.json || fail "score.py"
python3 "$score" "$SRC/tests/gold" $TMP/pred | tail -14
floor() {  # floor METRIC FIELD MIN
  local v
  v=$(python3 -c "import json; print(json.load(open('$TMP/score.json'))['$1']['$2'])")
  if python3 -c "import sys; sys.exit(0 if $v >= $3 else 1)"; then pass "$1.$2 = $v >= $3"; else fail "$1.$2 = $v < $3"; fi
}
floor boilerplate_removed accuracy 1.0
floor duplicates_removed accuracy 1.0
finish
