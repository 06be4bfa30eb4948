#!/usr/bin/env bash
# make bench (part): `newsgraph ingest` end to end into SQLite on generated 5 KB articles,
# wall-clock articles/s and peak RSS for two corpus sizes: peak memory must not grow with
# the corpus (the story index lives in the database, batches are bounded).
set -euo pipefail
build=${1:-build}
bin=$build/newsgraph
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "newsgraph ingest into SQLite (5 KB generated articles, all stages, one process):"
for n in ${NEWSGRAPH_BENCH_INGEST_SIZES:-1000 4000}; do
  python3 tests/e2e/gen_articles.py "$work/in$n" "$n" 7 20
  /usr/bin/time -f "%M" -o "$work/rss" "$bin" ingest "$work/in$n" --db "$work/kb$n.db" -q > "$work/out"
  mb=$(( $(cat "$work/in$n"/* | wc -c) / 1000000 ))
  printf "  %6d articles (%d MB): %s; peak RSS %d MB\n" "$n" "$mb" \
    "$(sed -n 's/.*(\(.*\))$/\1/p' "$work/out" | head -1)" $(( $(cat "$work/rss") / 1024 ))
done
