#!/usr/bin/env bash
# make bench (part): `newsgraph ingest` end to end into SQLite (all stages, the default
# workers), wall clock of the whole process including closing the database, and peak RSS
# for two corpus sizes (peak memory must not grow with the corpus: the story index lives
# in the database, batches are bounded). Two corpora of 5 KB articles:
#   words: tests/e2e/gen_articles.py, invented words (names only; no quotes or events),
#          every fifth article a repost;
#   news:  bench/corpus.cc via newsgraph_write_corpus, where every sentence carries a
#          quotation, an event or an attribution (about 12 quotes and 28 events an article,
#          denser than most news).
set -euo pipefail
build=${1:-build}
bin=$build/newsgraph
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "newsgraph ingest into SQLite (5 KB articles, all stages, one process, wall clock):"
for corpus in words news; do
  [ "$corpus" = news ] && [ ! -x "$build/newsgraph_write_corpus" ] && continue
  for n in ${NEWSGRAPH_BENCH_INGEST_SIZES:-1000 4000}; do
    dir=$work/$corpus$n
    if [ "$corpus" = words ]; then
      python3 tests/e2e/gen_articles.py "$dir" "$n" 7 20
    else
      "$build/newsgraph_write_corpus" "$dir" "$n"
    fi
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" ingest "$dir" --db "$work/kb.db" -q > "$work/out"
    read -r secs rss < "$work/time"
    mb=$(( $(cat "$dir"/* | wc -c) / 1000000 ))
    printf "  %-5s %6d articles (%2d MB): %5.1f s, %4.0f articles/s; peak RSS %d MB; %s\n" "$corpus" "$n" "$mb" \
      "$secs" "$(awk -v n="$n" -v s="$secs" 'BEGIN { print (s > 0 ? n / s : 0) }')" $(( rss / 1024 )) "$(sed -n 's/^database: //p' "$work/out")"
    rm -rf "$dir" "$work"/kb.db*
  done
done
