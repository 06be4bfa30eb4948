#!/usr/bin/env bash
# make bench: every Google Benchmark in bench/*.cc over a synthetic corpus
# (NEWSGRAPH_BENCH_MB, default 20 MB, deterministic), one core, plus peak RSS.
set -euo pipefail
build=${1:-build}
echo "newsgraph benchmarks (corpus ${NEWSGRAPH_BENCH_MB:-20} MB, one thread; bytes_per_second = MB/s, items_per_second = articles/s)"
/usr/bin/time -v "$build/newsgraph_bench" --benchmark_counters_tabular=true 2> >(grep -E 'Maximum resident' >&2)
for extra in bench/*.sh; do
  [ "$extra" = bench/run.sh ] && continue
  bash "$extra" "$build"
done
