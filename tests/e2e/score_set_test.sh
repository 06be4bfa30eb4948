#!/usr/bin/env bash
# tools/score_set.sh on a tiny invented gold set (tests/e2e/score_set_fixture: three articles
# numbered 01-03, written for this test): the whole set, the odd "tuning" and even "frozen"
# halves, --only, a separate text folder, --keep, and its errors. The gold counts it reports
# come from the fixture alone, so they are checked exactly; the engine's scores are only
# checked to be real numbers from real analyses.
source "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "skipped: no python3"; exit 77; }
if [ ! -f "$SHARED/eval/score.py" ]; then echo "skipped: $SHARED/eval/score.py not present"; exit 77; fi
FIX=$SRC/tests/e2e/score_set_fixture
export NEWSGRAPH_BIN=$NG NEWSGRAPH_SHARED_DIR=$SHARED
run() { bash "$SRC/tools/score_set.sh" "$@"; }
scored() {  # scored WHAT OUT ARGS...: tools/score_set.sh ARGS --json into OUT, must exit 0
  local what=$1 out=$2; shift 2
  if run "$@" >"$out"; then pass "$what"; else fail "$what (exit $?)"; fi
}

# field FILE METRIC KEY: one value of score.py's --json summary.
field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]][sys.argv[3]])" "$@"; }
expect() {  # expect WHAT ACTUAL WANTED
  if [ "$2" = "$3" ]; then pass "$1 = $3"; else fail "$1 = $2, wanted $3"; fi
}

# The whole set: 16 required gold entities, 3 quotes, 5 required events.
scored "whole set scores" "$TMP/all.json" "$FIX" --json
expect "whole set: gold entities" "$(field "$TMP/all.json" entities gold)" 16
expect "whole set: gold quotes" "$(field "$TMP/all.json" quotes gold)" 3
expect "whole set: gold events" "$(field "$TMP/all.json" events_root gold)" 5
python3 - "$TMP/all.json" <<'EOF' && pass "whole set: the engine's analyses were scored (entities predicted, F1 > 0)" || fail "whole set: no real predictions scored"
import json, sys
s = json.load(open(sys.argv[1]))
sys.exit(0 if s["entities"]["predicted"] > 0 and s["entities"]["f1"] > 0 and "missing_analyses" not in s else 1)
EOF

# Halves by number parity: 01 and 03 are the tuning half, 02 the frozen half.
scored "tuning half scores" "$TMP/tuning.json" "$FIX" --half tuning --json
expect "tuning half: gold entities (01 + 03)" "$(field "$TMP/tuning.json" entities gold)" 13
expect "tuning half: gold events" "$(field "$TMP/tuning.json" events_root gold)" 4
scored "frozen half scores" "$TMP/frozen.json" "$FIX" --half frozen --json
expect "frozen half: gold entities (02)" "$(field "$TMP/frozen.json" entities gold)" 3
expect "frozen half: gold quotes" "$(field "$TMP/frozen.json" quotes gold)" 1
expect "halves add up to the whole set (predicted entities)" \
  "$(( $(field "$TMP/tuning.json" entities predicted) + $(field "$TMP/frozen.json" entities predicted) ))" \
  "$(field "$TMP/all.json" entities predicted)"

# --only by number and by whole name.
scored "--only scores" "$TMP/only.json" "$FIX" --only 02,03_museum_loan --json
expect "--only 02,03_museum_loan: gold entities" "$(field "$TMP/only.json" entities gold)" 10

# Texts in another folder than the gold files; --keep writes the analyses.
mkdir -p "$TMP/gold" "$TMP/texts"
cp "$FIX"/*.gold.json "$TMP/gold/" && cp "$FIX"/*.txt "$TMP/texts/"
scored "separate text folder scores" "$TMP/sep.json" "$TMP/gold" "$TMP/texts" --keep "$TMP/kept" --json
expect "separate text folder: same predictions as the fixture" \
  "$(field "$TMP/sep.json" entities predicted)" "$(field "$TMP/all.json" entities predicted)"
n=$(ls "$TMP/kept"/*.json 2>/dev/null | wc -l)
expect "--keep: analyses kept" "$n" 3

# The table format names the articles and ends with score.py's one-line summary.
run "$FIX" --half tuning >"$TMP/table.txt"
grep -q "scored 2 articles.*01_harbour_talks 03_museum_loan" "$TMP/table.txt" && pass "table names the tuning half" || fail "table header: $(head -1 "$TMP/table.txt")"
grep -q "^entities F1 " "$TMP/table.txt" && pass "table ends with the summary line" || fail "no summary line"

# Errors: a missing article is named and the rest still scored (exit 1); bad usage exits 2.
rm "$TMP/texts/02_port_strike.txt"
run "$TMP/gold" "$TMP/texts" --json >"$TMP/miss.json" 2>"$TMP/miss.err"
expect "missing article: exit status" "$?" 1
grep -q "02_port_strike: no article at" "$TMP/miss.err" && pass "missing article is named" || fail "missing article message: $(cat "$TMP/miss.err")"
expect "missing article: listed by score.py" "$(python3 -c "import json; print(json.load(open('$TMP/miss.json'))['missing_analyses'])")" "['02_port_strike']"
run "$FIX" --half middle >/dev/null 2>&1; expect "bad --half: exit status" "$?" 2
run "$FIX" --only 09 >/dev/null 2>"$TMP/only.err"; expect "--only with no match: exit status" "$?" 2
grep -q "no gold file .* matches '09'" "$TMP/only.err" && pass "--only names the unmatched item" || fail "--only message: $(cat "$TMP/only.err")"
mkdir -p "$TMP/unnumbered" && cp "$FIX/01_harbour_talks.gold.json" "$TMP/unnumbered/harbour.gold.json"
run "$TMP/unnumbered" "$FIX" --half tuning >/dev/null 2>&1; expect "--half on unnumbered names: exit status" "$?" 2
finish
