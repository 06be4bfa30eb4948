#!/usr/bin/env bash
# End-to-end tests of `newsgraph analyze`: exit codes, stdout and stderr.
source "$(dirname "$0")/lib.sh"

art=$TMP/article.txt
cat > "$art" <<'TXT'
Ministers agree to reopen border crossing
NAIROBI, Kenya — Officials from Kenya and Tanzania agreed on Tuesday to reopen the border crossing at Namanga, the Kenyan foreign ministry said.
The crossing had been closed for three weeks after a dispute over truck inspections.
"We have found a practical way forward," said Amina Waweru, a ministry spokeswoman.
Advertisement
Officials from Kenya and Tanzania agreed on Tuesday to reopen the border crossing at Namanga.
TXT

out=$("$NG" analyze "$art" 2>$TMP/err); rc=$?
check "analyze exits 0 on a good article" [ $rc -eq 0 ]
check "report shows the headline" grep -q "Ministers agree to reopen border crossing" <<<"$out"
check "report lists what cleaning removed" grep -q "boilerplate" <<<"$out"
check "no stderr on a good article" [ ! -s $TMP/err ]

"$NG" analyze --json "$art" >$TMP/a.json; rc=$?
check "analyze --json exits 0" [ $rc -eq 0 ]
check "JSON has every contract field, dateline cut, boilerplate and repeat removed" python3 - "$TMP/a.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
for k in ["id", "title", "published", "dateline", "body", "removed", "sentences", "entities", "quotes", "events", "tone"]:
    assert k in a, k
assert a["dateline"] == "NAIROBI, Kenya", a["dateline"]
assert a["body"].startswith("Officials from Kenya"), a["body"][:40]
assert "Advertisement" not in a["body"]
kinds = sorted(r["kind"] for r in a["removed"])
assert kinds == ["boilerplate", "duplicate_sentence"], kinds
assert len(a["id"]) == 16
body = a["body"].encode()
for s in a["sentences"]:
    assert 0 <= s["start"] < s["end"] <= len(body)
assert body[a["sentences"][0]["start"]:].startswith(b"Officials")
PY

id1=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' $TMP/a.json)
id2=$("$NG" analyze --json - <"$art" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
check "stdin gives the same stable id" [ "$id1" = "$id2" ]

"$NG" analyze --json "$art" "$art" >$TMP/two.jsonl
check "two inputs give two JSON lines" [ "$(wc -l <$TMP/two.jsonl)" -eq 2 ]

"$NG" analyze "$TMP/missing.txt" >$TMP/out 2>$TMP/err; rc=$?
check "missing file exits 1" [ $rc -eq 1 ]
check "missing file: one-line error naming the file" bash -c "[ \$(wc -l <$TMP/err) -eq 1 ] && grep -q 'missing.txt' $TMP/err"

: >$TMP/empty.txt
"$NG" analyze "$TMP/empty.txt" >$TMP/out 2>$TMP/err; rc=$?
check "empty file exits 1 with 'empty input'" bash -c "[ $rc -eq 1 ] && grep -q 'empty input' $TMP/err"

printf 'GIF89a\0\0\1binary' >$TMP/bin.txt
"$NG" analyze "$TMP/bin.txt" >$TMP/out 2>$TMP/err; rc=$?
check "binary file exits 1 with 'binary data'" bash -c "[ $rc -eq 1 ] && grep -q 'binary data' $TMP/err"

"$NG" analyze "$art" "$TMP/missing.txt" >$TMP/out 2>$TMP/err; rc=$?
check "one bad input of two: exit 3, the good one still printed" bash -c "[ $rc -eq 3 ] && grep -q 'Ministers agree' $TMP/out"

printf 'Title\nCaf\xe9 owners met on Monday.\n' >$TMP/latin1.txt
"$NG" analyze --json "$TMP/latin1.txt" >$TMP/out 2>$TMP/err; rc=$?
check "invalid UTF-8 is repaired: exit 0 and a warning" bash -c "[ $rc -eq 0 ] && grep -q 'repaired 1 invalid UTF-8' $TMP/err"
check "repaired text carries U+FFFD" grep -q 'Caf\\ufffd\|Caf�' $TMP/out

"$NG" analyze >$TMP/out 2>$TMP/err; rc=$?
check "no input argument is a usage error (exit 2)" [ $rc -eq 2 ]
"$NG" frobnicate >$TMP/out 2>$TMP/err; rc=$?
check "unknown command is a usage error (exit 2)" [ $rc -eq 2 ]
"$NG" --help >$TMP/out 2>&1; rc=$?
check "--help exits 0 and lists analyze" bash -c "[ $rc -eq 0 ] && grep -q analyze $TMP/out"

# A 40 MB single line: processed (first 16 MiB) in bounded memory with a warning.
python3 -c "
import sys
w = ('Officials said the talks in Geneva would resume on Monday after a pause of two weeks. ' * 500)
with open(sys.argv[1], 'w') as f:
    for _ in range(40_000_000 // len(w)): f.write(w)
" $TMP/huge.txt
/usr/bin/time -f '%M' -o $TMP/rss "$NG" analyze --json "$TMP/huge.txt" >/dev/null 2>$TMP/err; rc=$?
check "40 MB single-line file: exit 0 with a size warning" bash -c "[ $rc -eq 0 ] && grep -q 'only the first' $TMP/err"
check "40 MB single-line file: peak RSS under 1.5 GB" [ "$(cat $TMP/rss)" -lt 1500000 ]

finish
