#!/usr/bin/env bash
# tools/score_set.sh on a tiny invented gold set (tests/e2e/score_set_fixture: three articles
# numbered 01-03, written for this test): the whole set, the odd "tuning" and even "frozen"
# halves, the "tuning"/"frozen" parts by sort position (--part), --list, --only, a separate
# text folder, --keep, and its errors; then the default text folder of tests/wikinews. The gold counts it reports
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

# Parts by sort position, not by number: on the fixture they match the halves; on a copy
# without 01 (02 and 03 left) the 1st position is 02, so --part and --half disagree; on
# names without numbers --part still works. --list prints the selection without analyzing.
scored "tuning part scores" "$TMP/part_t.json" "$FIX" --part tuning --json
expect "tuning part: gold entities (01 + 03, the 1st and 3rd names)" "$(field "$TMP/part_t.json" entities gold)" 13
expect "tuning part: same predictions as the tuning half" \
  "$(field "$TMP/part_t.json" entities predicted)" "$(field "$TMP/tuning.json" entities predicted)"
scored "frozen part scores" "$TMP/part_f.json" "$FIX" --part frozen --json
expect "frozen part: gold quotes (02, the 2nd name)" "$(field "$TMP/part_f.json" quotes gold)" 1
mkdir -p "$TMP/two"
cp "$FIX"/02_port_strike.* "$FIX"/03_museum_loan.* "$TMP/two/"
expect "two-article copy: --part tuning is the 1st name" "$(run "$TMP/two" --part tuning --list)" 02_port_strike
expect "two-article copy: --half tuning is the odd number" "$(run "$TMP/two" --half tuning --list)" 03_museum_loan
scored "two-article copy: tuning part scores" "$TMP/two_t.json" "$TMP/two" --part tuning --json
expect "two-article copy: tuning part gold entities (02 only)" "$(field "$TMP/two_t.json" entities gold)" 3
mkdir -p "$TMP/words"
for n in 01_harbour_talks 02_port_strike 03_museum_loan; do
  cp "$FIX/$n.gold.json" "$TMP/words/${n#*_}.gold.json"; cp "$FIX/$n.txt" "$TMP/words/${n#*_}.txt"
done
expect "unnumbered names: --part tuning (1st and 3rd in byte order)" \
  "$(run "$TMP/words" --part tuning --list | tr '\n' ' ')" "harbour_talks port_strike "
expect "unnumbered names: --part frozen" "$(run "$TMP/words" --part frozen --list)" museum_loan
expect "--part with --only: the position counts among all gold files" \
  "$(run "$TMP/words" --part frozen --only museum_loan,port_strike --list)" museum_loan
expect "--list of the whole fixture" "$(run "$FIX" --list | wc -l)" 3

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
run "$FIX" --part middle >/dev/null 2>&1; expect "bad --part: exit status" "$?" 2
run "$FIX" --part tuning --half tuning >/dev/null 2>"$TMP/both.err"; expect "--part with --half: exit status" "$?" 2
grep -q "give one of them" "$TMP/both.err" && pass "--part with --half is refused with a reason" || fail "--part with --half message: $(cat "$TMP/both.err")"
run "$FIX" --only 09 >/dev/null 2>"$TMP/only.err"; expect "--only with no match: exit status" "$?" 2
grep -q "no gold file .* matches '09'" "$TMP/only.err" && pass "--only names the unmatched item" || fail "--only message: $(cat "$TMP/only.err")"
mkdir -p "$TMP/unnumbered" && cp "$FIX/01_harbour_talks.gold.json" "$TMP/unnumbered/harbour.gold.json"
run "$TMP/unnumbered" "$FIX" --half tuning >/dev/null 2>&1; expect "--half on unnumbered names: exit status" "$?" 2

# tests/wikinews keeps only gold files: its texts come from ../shared/wikinews by default.
# The split is the one its README gives, and one short tuning article scores from there.
if [ -d "$SHARED/wikinews" ] && [ -d "$SRC/tests/wikinews" ]; then
  expect "tests/wikinews tuning part" "$(run "$SRC/tests/wikinews" --part tuning --list | sed 's/^GUM_news_//' | tr '\n' ' ')" \
    "afghan defector flag imprisoned soccer warhol worship "
  expect "tests/wikinews frozen part" "$(run "$SRC/tests/wikinews" --part frozen --list | sed 's/^GUM_news_//' | tr '\n' ' ')" \
    "clock expo ie9 lanterns taxes warming "
  scored "tests/wikinews scores with the default text folder" "$TMP/wn.json" "$SRC/tests/wikinews" --only GUM_news_worship --json
  want=$(python3 -c "import json,sys; print(sum(not e.get('optional') for e in json.load(open(sys.argv[1]))['entities']))" \
    "$SRC/tests/wikinews/GUM_news_worship.gold.json")
  expect "tests/wikinews worship: required gold entities, as its gold file has them" "$(field "$TMP/wn.json" entities gold)" "$want"
  python3 -c "import json,sys; sys.exit('missing_analyses' in json.load(open(sys.argv[1])))" "$TMP/wn.json" \
    && pass "tests/wikinews worship: analysed from ../shared/wikinews" || fail "tests/wikinews worship: no analysis"
else
  echo "note: $SHARED/wikinews absent; the default text folder of tests/wikinews not checked"
fi
finish
