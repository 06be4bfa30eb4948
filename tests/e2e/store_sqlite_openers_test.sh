#!/usr/bin/env bash
# Regression: two ingests started at once on a new SQLite file. Switching the file to WAL
# takes an exclusive lock and SQLite answers "database is locked" at once to the other
# opener (no busy handler); before the fix about one round in two failed that way.
source "$(dirname "$0")/lib.sh"

art=$TMP/article.txt
printf 'Harbour council meets\nThe harbour council of Dornia met on Tuesday to discuss fees.\n' > "$art"
locked=0 failed=0
for round in $(seq 1 20); do
  rm -f "$TMP"/new.db*
  "$NG" ingest "$art" --db "$TMP/new.db" -q >"$TMP/o1" 2>&1 & pid=$!
  "$NG" ingest "$art" --db "$TMP/new.db" -q >"$TMP/o2" 2>&1; rc2=$?
  wait $pid; rc1=$?
  grep -q "locked" "$TMP/o1" "$TMP/o2" && locked=$((locked + 1))
  [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] || failed=$((failed + 1))
done
check "no opener of a new file is refused as locked (20 rounds of two)" [ $locked -eq 0 ]
check "both ingests succeed in every round" [ $failed -eq 0 ]
check "the article is stored once" grep -q ": 1 articles in 1 stories" <("$NG" stats --db "$TMP/new.db")
finish
