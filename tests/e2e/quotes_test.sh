#!/usr/bin/env bash
# End-to-end test of the quotes and tone stages through `newsgraph analyze`: an invented
# article (JSON contract and the "Who said what" / "Tone" report sections), then quote
# score floors on the seed article and on the development set tests/gold/, set from
# measurement a little under the current scores (skipped where ../shared is absent).
source "$(dirname "$0")/lib.sh"

cat > "$TMP/article.txt" <<'TXT'
Ferry strike ends in Valletta
VALLETTA, Malta — Harbour workers ended a three-day strike on Thursday after the transport ministry agreed to hire forty more deckhands.
"We did not want to stop the ferries, but nobody listened to us," said Paulina Grech, who leads the dockers' union. "Now they listen."
Transport Minister Joseph Azzopardi told reporters the deal was "fair to workers and to passengers." He added that services would be back to normal by Saturday.
"The first boats leave at six,
"and the last one at midnight," the ministry said in a statement.
A sign on the quay read "Closed until further notice" all week.
TXT

"$NG" analyze --json "$TMP/article.txt" > "$TMP/out.json" || fail "analyze --json"
python3 - "$TMP/out.json" <<'PY' && pass "invented article: quotes, speakers, spans, tone" || fail "invented article"
import json, sys
d = json.load(open(sys.argv[1]))
qs = d["quotes"]
want = [
    ("We did not want to stop the ferries, but nobody listened to us,", "Paulina Grech", "said"),
    ("Now they listen.", "Paulina Grech", None),
    ("fair to workers and to passengers.", "Joseph Azzopardi", "told reporters"),
    ("The first boats leave at six,\nand the last one at midnight,", None, "said in a statement"),
    ("Closed until further notice", None, None),
]
assert len(qs) == len(want), [q["text"] for q in qs]
for q, (text, speaker, cue) in zip(qs, want):
    assert q["text"] == text, (q["text"], text)
    if speaker is not None:
        assert q["speaker"] == speaker, (text, q["speaker"])
        assert q["speaker_id"], q
    if cue is not None:
        assert q["cue"] == cue, (text, q["cue"])
    if "\n" not in text:
        assert d["body"][q["start"]:q["end"]] == text, q
# The ministry's statement goes to the ministry or Malta, never to a person; the sign to nobody.
assert qs[3]["speaker"] not in ("Paulina Grech", "Joseph Azzopardi"), qs[3]
assert qs[4]["speaker"] is None, qs[4]
t = d["tone"]
assert t["word_count"] > 50 and abs(t["score"] - (t["positive"] - t["negative"])) < 1e-3, t
PY

"$NG" analyze "$TMP/article.txt" > "$TMP/report.txt" || fail "analyze report"
check "report has Who said what" grep -q "^Who said what (5 quotations" "$TMP/report.txt"
check "report groups quotes under the speaker" grep -q "^  Paulina Grech" "$TMP/report.txt"
check "report lists unattributed quotes" grep -q "(no attributable speaker)" "$TMP/report.txt"
check "report has Tone" grep -q "^Tone" "$TMP/report.txt"

score=$SHARED/eval/score.py
if [ ! -f "$score" ]; then
  echo "score floors skipped: $score not present"
  finish
  exit $?
fi
floors() {  # floors LABEL GOLD PRED MIN_RECALL MIN_SPEAKERS
  python3 "$score" --json "$2" "$3" > "$TMP/score.json" || { fail "$1: score.py"; return; }
  python3 - "$TMP/score.json" "$4" "$5" <<'PY' && pass "$1 quote floors" || fail "$1 quote floors"
import json, sys
s = json.load(open(sys.argv[1]))
recall, speakers = s["quotes"]["recall"], s["quote_speakers"]["accuracy"]
print(f"  quotes recall={recall:.3f} precision={s['quotes']['precision']:.3f} speakers={speakers:.3f}")
assert recall >= float(sys.argv[2]) and speakers >= float(sys.argv[3])
PY
}
seed=$SHARED/seed/000_d952e5875b96bc4b
if [ -f "$seed.gold.json" ]; then
  "$NG" analyze --json "$seed.txt" > "$TMP/seed.json"
  floors seed "$seed.gold.json" "$TMP/seed.json" 0.95 0.90
fi
mkdir -p "$TMP/gold"
for g in "$SRC"/tests/gold/*.gold.json; do
  name=$(basename "$g" .gold.json)
  "$NG" analyze --json "$SRC/tests/gold/$name.txt" > "$TMP/gold/$name.json"
done
floors devset "$SRC/tests/gold" "$TMP/gold" 0.97 0.85
finish
