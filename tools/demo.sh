#!/usr/bin/env bash
# make demo: ingest the bundled examples/ into newsgraph.db (idempotent: a second run adds
# nothing), then show the knowledge base: stories (reposts grouped), top entities, top
# speakers, events per CAMEO root counted once per story, and a search.
set -euo pipefail
bin=${1:-build/newsgraph}
db=${NEWSGRAPH_DEMO_DB:-newsgraph.db}
shopt -s nullglob
files=(examples/*.txt examples/*.html examples/*.htm examples/*.jsonl examples/*.warc examples/*.warc.gz examples/*.xml examples/formats/*)
if [ ${#files[@]} -eq 0 ]; then echo "no articles in examples/"; exit 1; fi
echo "== newsgraph demo: ingesting ${#files[@]} files from examples/ into $db"
"$bin" ingest --db "$db" "${files[@]}"
echo
"$bin" stats --db "$db" --top 8
echo
query=${NEWSGRAPH_DEMO_QUERY:-loan}
echo "== newsgraph search --db $db \"$query\" -n 3"
"$bin" search --db "$db" "$query" -n 3
cat <<TXT

Try it yourself:
  $bin search --db $db "words or \"a phrase\""        ranked matches with snippets
  $bin search --db $db --entity NAME --from 2024-01-01   filters: --entity --speaker --cameo --from --to --story
  $bin search --db $db QUERY --json --facets           for machines
  $bin export --db $db --format gdelt                  GDELT 2.0 event rows (reposts counted once)
TXT
port=${NEWSGRAPH_DEMO_PORT:-8080}
cat <<TXT

== the web UI: search with its timeline, events, quotes, map and actor network of this corpus
  $bin serve --db $db --port $port      (Ctrl-C stops it), then open:
http://127.0.0.1:$port/
TXT
