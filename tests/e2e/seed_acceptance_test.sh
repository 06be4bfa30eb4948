#!/usr/bin/env bash
# Acceptance: the seed article of ../shared (not part of the repo) loses its repost
# disclaimer and its restated sentence, both recorded in `removed`. Skipped without ../shared.
source "$(dirname "$0")/lib.sh"
seed=$SHARED/seed/000_d952e5875b96bc4b.txt
gold=$SHARED/seed/000_d952e5875b96bc4b.gold.json
if [ ! -f "$seed" ] || [ ! -f "$gold" ]; then echo "skipped: $SHARED/seed not present"; exit 77; fi

"$NG" analyze --json "$seed" >$TMP/seed.json; rc=$?
check "analyze --json on the seed exits 0" [ $rc -eq 0 ]
check "gold boilerplate and restatements gone from body, recorded in removed" python3 - "$gold" "$TMP/seed.json" <<'PY'
import json, sys
gold = json.load(open(sys.argv[1]))
a = json.load(open(sys.argv[2]))
removed = {r["kind"]: [] for r in a["removed"]}
for r in a["removed"]:
    removed[r["kind"]].append(r["text"])
for line in gold["boilerplate"]:
    assert line not in a["body"], "boilerplate still in body"
    assert any(line.startswith(t[:60]) for t in removed.get("boilerplate", [])), "boilerplate not recorded"
for s in gold["restatements"]:
    assert s not in a["body"], "restatement still in body"
    assert s in removed.get("duplicate_sentence", []), "restatement not recorded"
assert a["dateline"] == "BEIJING", a["dateline"]
PY
if [ -f "$SHARED/eval/score.py" ]; then
  python3 "$SHARED/eval/score.py" --json "$gold" $TMP/seed.json >$TMP/score.json
  check "score.py: boilerplate and duplicates at 1.000" python3 -c "
import json, sys
s = json.load(open('$TMP/score.json'))
assert s['boilerplate_removed']['accuracy'] == 1.0 and s['duplicates_removed']['accuracy'] == 1.0, s
"
fi
finish
