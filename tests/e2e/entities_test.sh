#!/usr/bin/env bash
# End-to-end test of the entities stage through `newsgraph analyze`: an invented article
# (JSON contract and terminal report), then the score floors on the seed article and on
# the development set tests/gold/ when they are present.
set -euo pipefail
bin="$1"
src="${NEWSGRAPH_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/article.txt" <<'TXT'
Harbour deal signed in Lisbon
LISBON — Portuguese Prime Minister Helena Marques signed a port agreement with the World Bank in Lisbon on Tuesday, officials said.
Marques, the first woman to lead the country, said the loan would modernise the harbour. Brazilian envoy Rui Salgado attended.
The International Finance Corporation (IFC) will add $40 million, and the IFC said work starts in March.
TXT

"$bin" analyze --json "$tmp/article.txt" > "$tmp/out.json"
python3 - "$tmp/out.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ents = {e["name"]: e for e in d["entities"]}
def surf(e): return {e["name"], *e.get("aliases", [])}
def find(s):
    for e in d["entities"]:
        if s in surf(e): return e
    raise SystemExit(f"missing entity {s!r}: {sorted(ents)}")
m = find("Helena Marques")
assert m["type"] == "PERSON" and m["title"] == "Portuguese Prime Minister" and m["country"] == "PRT", m
assert "Marques" in m["aliases"] and len(m["mentions"]) == 2, m
r = find("Rui Salgado")
assert r["country"] == "BRA" and r["title"] == "Brazilian envoy", r
assert find("World Bank")["type"] == "ORG"
ifc = find("International Finance Corporation")
assert ifc["type"] == "ORG" and "IFC" in ifc["aliases"] and len(ifc["mentions"]) == 3, ifc
assert find("Lisbon")["country"] == "PRT"
for word in ("Portuguese", "Brazilian", "Tuesday", "March", "Harbour"):
    assert not any(word in surf(e) for e in d["entities"]), word
for e in d["entities"]:
    for sp in e["mentions"]:
        assert d["body"][sp["start"]:sp["end"]] in surf(e), (e["name"], sp)
print("invented article: ok")
PY

"$bin" analyze "$tmp/article.txt" > "$tmp/report.txt"
grep -q "^Entities (" "$tmp/report.txt"
grep -q "Helena Marques, Portuguese Prime Minister \[PRT\]" "$tmp/report.txt"

# Score floors, measured on the seed (issue 3) and the development set.
check() {  # check GOLD PRED entities typed titles countries
  python3 "$src/../shared/eval/score.py" --json "$1" "$2" > "$tmp/score.json"
  python3 - "$tmp/score.json" "$3" "$4" "$5" "$6" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
floors = dict(entities=float(sys.argv[2]), typed=float(sys.argv[3]), titles=float(sys.argv[4]),
              countries=float(sys.argv[5]))
got = dict(entities=s["entities"]["f1"], typed=s["entities_typed"]["f1"],
           titles=s["titles"]["accuracy"], countries=s["countries"]["accuracy"])
print(" ".join(f"{k}={v:.3f}" for k, v in got.items()))
bad = [k for k in floors if got[k] < floors[k]]
assert not bad, f"below floor: {bad} (floors {floors})"
PY
}
if [ -f "$src/../shared/seed/000_d952e5875b96bc4b.gold.json" ]; then
  "$bin" analyze --json "$src/../shared/seed/000_d952e5875b96bc4b.txt" > "$tmp/seed.json"
  check "$src/../shared/seed/000_d952e5875b96bc4b.gold.json" "$tmp/seed.json" 0.90 0.85 0.80 0.80
fi
if [ -f "$src/../shared/eval/score.py" ] && ls "$src"/tests/gold/*.gold.json > /dev/null 2>&1; then
  mkdir -p "$tmp/gold"
  for g in "$src"/tests/gold/*.gold.json; do
    name=$(basename "$g" .gold.json)
    "$bin" analyze --json "$src/tests/gold/$name.txt" > "$tmp/gold/$name.json"
  done
  check "$src/tests/gold" "$tmp/gold" 0.92 0.87 0.80 0.75
fi
echo "entities e2e: ok"
