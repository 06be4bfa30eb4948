#!/usr/bin/env bash
# ingest / search / export / stats end to end on SQLite: idempotent re-ingest, filters
# checked against the generated ground truth, SQL and quote soup, export formats.
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Plain-text articles through the whole pipeline; a second run stores nothing new.
python3 "$here/gen_articles.py" "$work/in" 60
"$bin" ingest "$work/in" --db "$work/kb.db" > "$work/first.txt"
grep -q "ingested 60 articles into .*: 60 new, 0 already stored, 0 failed" "$work/first.txt" || { cat "$work/first.txt"; fail "first ingest"; }
"$bin" ingest "$work/in" --db "$work/kb.db" > "$work/second.txt"
grep -q ": 0 new, 60 already stored" "$work/second.txt" || { cat "$work/second.txt"; fail "re-ingest stored again"; }
grep -q "database: 60 articles, 48 stories" "$work/second.txt" || { cat "$work/second.txt"; fail "reposts not grouped into stories"; }

# Hand-built analyses with entities, quotes and events (the contract's JSON Lines).
python3 "$here/gen_analyses.py" 80 > "$work/an.jsonl"
"$bin" ingest --analyses "$work/an.jsonl" --db "$work/an.db" > /dev/null
"$bin" ingest --analyses "$work/an.jsonl" --db "$work/an.db" | grep -q ": 0 new, 80 already stored" || fail "analyses re-ingest"

search() { "$bin" search --db "$work/an.db" --json -n 1000 "$@"; }
check() {  # check NAME PYTHON-PREDICATE-ON-ANALYSIS -- SEARCH-ARGS...: hits = articles satisfying it
  local name=$1 pred=$2; shift 3
  search "$@" > "$work/hits.json"
  python3 - "$work/an.jsonl" "$work/hits.json" "$name" "$pred" <<'PY'
import json, sys
arts = [json.loads(l) for l in open(sys.argv[1])]
res = json.load(open(sys.argv[2]))
name, pred = sys.argv[3], eval("lambda a: " + sys.argv[4])
want = sorted(a["id"] for a in arts if pred(a))
got = sorted(h["id"] for h in res["hits"])
if want != got or res["total"] != len(want) or not want:
    sys.exit(f"FAIL: {name}: want {len(want)} {want[:5]}, got total {res['total']} {got[:5]}")
print(f"ok: {name}: {len(want)} hits")
PY
}
who=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["entities"][0]["name"])' "$work/an.jsonl")
alias=${who##* }
check entity "any(e['name'] == '$who' for e in a['entities'])" -- --entity "$who"
# Entities merge across the corpus: an alias seen in one article finds the entity everywhere.
check "entity by alias" "any(e['name'] in {x['name'] for b in arts for x in b['entities'] if '$alias' in x['aliases'] or x['name'].lower() == '$alias'.lower()} for e in a['entities'])" -- --entity "$alias"
check speaker "any(q['speaker'] == '$who' for q in a['quotes'])" -- --speaker "$who"
check cameo "any(e['cameo'].startswith('04') for e in a['events'])" -- --cameo 04
check dates "'2024-03-01' <= a['published'] <= '2024-05-31'" -- --from 2024-03-01 --to 2024-05-31
first_body=$(python3 -c 'import json,sys; print(json.dumps(json.loads(open(sys.argv[1]).readline())["body"]))' "$work/an.jsonl")
check story "$first_body in a['body']" -- --story art00000
check "sql soup" "'DROP TABLE articles' in a['body']" -- "DROP TABLE"
python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
assert all("[" in h["snippet"] and "]" in h["snippet"] for h in r["hits"]), "snippets not marked"
assert r["hits"] == sorted(r["hits"], key=lambda h: -h["score"]), "not ranked"
' "$work/hits.json" || fail "snippets/ranking"
for q in '"' "'" ')' 'NEAR(' '*' 'OR' 'a AND' '{x}:' '; DROP TABLE articles; --'; do
  search "$q" > /dev/null || fail "search for [$q] failed"
done
"$bin" search --db "$work/an.db" "DROP TABLE" | grep -q "2 matches" || fail "table output"

# Export: every article once, with its story; GDELT rows count each story's event once.
"$bin" export --db "$work/an.db" --format jsonl > "$work/out.jsonl"
python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
ids = [r["id"] for r in rows]
assert len(ids) == 80 and len(set(ids)) == 80, len(ids)
assert all(r["story"] for r in rows)
assert all(r["entities"] and r["events"] for r in rows)
' "$work/out.jsonl" || fail "export jsonl"
"$bin" export --db "$work/an.db" --format gdelt > "$work/gdelt.tsv"
events=$("$bin" stats --db "$work/an.db" | sed -n 's/.* quotes, \([0-9]*\) events.*/\1/p')
if [ -s "$work/gdelt.tsv" ]; then
  python3 -c '
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
assert len(rows) == int(sys.argv[2]), (len(rows), sys.argv[2])
assert all(len(r) == 61 for r in rows), "not 61 columns"
assert sum(int(r[31]) for r in rows) == 80, "NumMentions do not add up to the reports"
assert any(int(r[31]) > 1 for r in rows), "no story counted its reposts"
' "$work/gdelt.tsv" "$events" || fail "export gdelt"
else
  echo "note: GdeltEventRows produced no rows (events stage not merged yet); gdelt export checked for emptiness only"
fi
"$bin" stats --db "$work/an.db" | grep -q "80 articles in 60 stories" || fail "stats"
if "$bin" search --db "$work/no/such/dir/kb.db" x 2>/dev/null; then fail "bad db path accepted"; fi
echo "PASS"
