#!/usr/bin/env bash
# End-to-end tests of the syntax output: analyze --format conllu and --json --tokens.
source "$(dirname "$0")/lib.sh"

art=$TMP/article.txt
cat > "$art" <<'TXT'
Envoys resume talks on river dispute
The envoy didn't meet Velmar's deputy in Dornia on Tuesday.
She said the long-running talks would resume in March.
TXT

"$NG" analyze --format conllu "$art" >$TMP/a.conllu; rc=$?
check "analyze --format conllu exits 0" [ $rc -eq 0 ]
"$NG" analyze --json "$art" >$TMP/plain.json
"$NG" analyze --json --tokens "$art" >$TMP/tok.json; rc=$?
check "analyze --json --tokens exits 0" [ $rc -eq 0 ]
check "CoNLL-U: ten columns, ids in order, one root per sentence, heads inside, offsets into the body" \
  python3 - "$TMP/a.conllu" "$TMP/tok.json" <<'PY'
import json, sys
body = json.load(open(sys.argv[2]))["body"].encode()
sents, cur = [], None
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("# sent_id"):
        cur = []
        sents.append(cur)
    elif line and not line.startswith("#"):
        cols = line.split("\t")
        assert len(cols) == 10, cols
        cur.append(cols)
assert len(sents) == 2, len(sents)
for s in sents:
    assert [int(c[0]) for c in s] == list(range(1, len(s) + 1))
    assert sum(1 for c in s if c[6] == "0") == 1
    for c in s:
        assert 0 <= int(c[6]) <= len(s)
        start, end = map(int, c[9].split("|")[0].removeprefix("TokenRange=").split(":"))
        assert body[start:end].decode() == c[1], (c, body[start:end])
forms = [c[1] for c in sents[0]]
assert forms[2:4] == ["did", "n't"] and forms[5:7] == ["Velmar", "'s"], forms
assert [c[1] for c in sents[1]][3:6] == ["long", "-", "running"], sents[1]
PY
check "--tokens adds words to every sentence; without it the JSON has none" python3 - "$TMP/tok.json" "$TMP/plain.json" <<'PY'
import json, sys
a, plain = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert all("tokens" not in s for s in plain["sentences"])
words = [t for s in a["sentences"] for t in s["tokens"]]
assert len(words) == 25, len(words)
for s in a["sentences"]:
    assert sum(1 for t in s["tokens"] if t["head"] == -1) == 1
for t in words:
    assert set(t) == {"start", "end", "upos", "lemma", "head", "deprel"}, t
    assert -1 <= t["head"] < len(words)
meet = next(t for t in words if a["body"][t["start"]:t["end"]] == "meet")
assert meet["lemma"] == "meet" and meet["upos"] == "VERB", meet
PY
"$NG" analyze --tokens "$art" >$TMP/implied.json; rc=$?
check "--tokens alone implies --json" python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); assert a["sentences"][0]["tokens"]' $TMP/implied.json
"$NG" analyze --tokens --format gdelt "$art" >/dev/null 2>$TMP/err; rc=$?
check "--tokens with another format is a usage error (exit 2)" [ $rc -eq 2 ]
check "the error says why" grep -q "tokens" $TMP/err
finish
