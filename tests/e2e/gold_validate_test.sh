#!/usr/bin/env bash
# The hand-written annotations stay consistent with their articles: valid JSON, evidence and
# quote starts that are exact substrings, actors and speakers that resolve to entities, known
# CAMEO codes (tests/gold/validate.py). tests/gold keeps its articles beside the gold files;
# the Wikinews sets tests/wikinews (development) and tests/blind read their articles from
# ../shared/wikinews, so their gold files and texts are linked into one folder first (skipped
# where ../shared/wikinews is absent). The two Wikinews sets must not share an article.
source "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "skipped: no python3"; exit 77; }
validate() { env NEWSGRAPH_SHARED_DIR="$SHARED" python3 "$SRC/tests/gold/validate.py" "$1"; }
check "tests/gold annotations are consistent" validate "$SRC/tests/gold"
check "tools/score_set.sh test fixture is consistent" validate "$SRC/tests/e2e/score_set_fixture"

# link_set GOLD_DIR TEXT_DIR OUT: OUT gets every GOLD_DIR/NAME.gold.json and TEXT_DIR/NAME.txt.
link_set() {
  local g stem
  mkdir -p "$3"
  for g in "$1"/*.gold.json; do
    stem=$(basename "$g" .gold.json)
    ln -s "$g" "$3/" || return 1
    if [ -f "$2/$stem.txt" ]; then ln -s "$2/$stem.txt" "$3/" || return 1; fi
  done
}
blind_texts=$SHARED/wikinews
if [ -d "$blind_texts" ]; then
  link_set "$SRC/tests/blind" "$blind_texts" "$TMP/blind" || fail "link tests/blind"
  check "tests/blind annotations are consistent (texts from $blind_texts)" validate "$TMP/blind"
  n=$(ls "$SRC"/tests/blind/*.gold.json | wc -l)
  if [ "$n" -eq 10 ]; then pass "tests/blind has its ten gold files"; else fail "tests/blind has $n gold files, not 10"; fi
  link_set "$SRC/tests/wikinews" "$blind_texts" "$TMP/wikinews" || fail "link tests/wikinews"
  check "tests/wikinews annotations are consistent (texts from $blind_texts)" validate "$TMP/wikinews"
  n=$(ls "$TMP/wikinews"/*.txt | wc -l)
  if [ "$n" -eq 13 ]; then pass "tests/wikinews: all 13 articles have their text"; else fail "tests/wikinews: $n of 13 texts found"; fi
else
  echo "note: $blind_texts absent; tests/blind and tests/wikinews not checked"
fi
n=$(ls "$SRC"/tests/wikinews/*.gold.json | wc -l)
if [ "$n" -eq 13 ]; then pass "tests/wikinews has its 13 gold files"; else fail "tests/wikinews has $n gold files, not 13"; fi
# File names only: the blind gold files are never read here.
shared_names=$(comm -12 <(cd "$SRC/tests/wikinews" && ls *.gold.json | sort) <(cd "$SRC/tests/blind" && ls *.gold.json | sort))
if [ -z "$shared_names" ]; then pass "tests/wikinews and tests/blind share no article"
else fail "tests/wikinews and tests/blind share: $shared_names"; fi

# The validator itself must catch a broken annotation: an evidence string that is not in the text.
mkdir -p "$TMP/bad"
printf 'Invented headline\nAlpha Land said it would meet Beta Land.\n' >"$TMP/bad/01_bad.txt"
cat >"$TMP/bad/01_bad.gold.json" <<'JSON'
{"id": "01_bad", "boilerplate": [], "duplicate_sentences": [], "restatements": [], "notes": [],
 "entities": [{"name": "Alpha Land", "type": "LOC", "aliases": [], "title": null, "country": null},
              {"name": "Beta Land", "type": "LOC", "aliases": [], "title": null, "country": null}],
 "quotes": [],
 "events": [{"source": "Alpha Land", "target": "Beta Land", "cameo": "036", "root": "03",
             "location": null, "when": null, "evidence": "words that the article does not have"}]}
JSON
if validate "$TMP/bad" >"$TMP/bad.out" 2>&1; then fail "validator accepted a gold file with missing evidence"
else grep -q "evidence is not an exact substring" "$TMP/bad.out" && pass "validator rejects missing evidence" || fail "validator failed for another reason: $(cat "$TMP/bad.out")"; fi
finish
