#!/usr/bin/env bash
# make bench (part): scaling figures for docs/cluster.md, on a private PostgreSQL
# (tests/e2e/pg_env.sh) and a corpus of near-duplicate groups spread over 16 files
# (tests/e2e/gen_dupes.py, NEWSGRAPH_BENCH_CLUSTER_ARTICLES, default 4000):
#   * the Dask driver (cluster/newsgraph_dask.py) with a local cluster of 1 and 2 worker
#     processes, each ingest on one thread: articles/s of the whole job (wall clock, start
#     of the cluster included);
#   * the other way round: `analyze --json` per file on 2 processes, then one loader
#     (`ingest --analyses`);
#   * the PostgreSQL write rate: pre-analysed articles (`ingest --analyses`, no analysis)
#     written by 1, 2 and 4 concurrent writers.
# Skipped without python3-distributed (for /usr/bin/python3) or PostgreSQL's server.
set -euo pipefail
build=${1:-build}
bin=$(realpath "$build/newsgraph")
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3
n=${NEWSGRAPH_BENCH_CLUSTER_ARTICLES:-4000}
if ! "$py" -c 'import distributed' 2>/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb > /dev/null 2>&1; then
  echo "cluster bench: skipped (needs python3-distributed and postgresql)"; exit 0
fi
source "$here/../tests/e2e/pg_env.sh" > /dev/null
export DASK_LOGGING__DISTRIBUTED=error
fresh_db() {  # NAME: creates an empty database, prints its URL
  pg_as "$pg_bin/createdb" -h "$pg_dir" -U "$pg_user" "$1"
  echo "postgresql:///$1?host=$pg_dir&user=$pg_user"
}
now() { date +%s.%N; }
# CPU seconds used so far by the PostgreSQL server (the postmaster and its finished backends).
pg_cpu() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15 + $16 + $17) / hz }' \
    "/proc/$(head -1 "$pg_dir/data/postmaster.pid")/stat"
}
ms_per() { awk -v s="$1" -v n="$2" 'BEGIN { printf "%.2f", 1000 * s / n }'; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%5.1f s, %4.0f articles/s", b - a, n / (b - a) }'; }

python3 "$here/../tests/e2e/gen_dupes.py" "$work/corpus" "$n" 16
echo "cluster: $n articles in 16 files, $(nproc) cores (load $(cut -d' ' -f1 /proc/loadavg)), PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') (fsync off)"

for w in 1 2; do
  url=$(fresh_db dask$w)
  "$py" "$here/../cluster/newsgraph_dask.py" --db "$url" --workers $w --newsgraph "$bin" \
    --ingest-args "--workers 1" --progress none --summary-json "$work/s.json" "$work"/corpus/* > /dev/null
  python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print("  Dask, %s worker process(es): %5.1f s, %4.0f articles/s (%d files, %d failed)" % (sys.argv[2], s["seconds"], s["articles_per_second"], s["ingested"], len(s["failed"])))' "$work/s.json" $w
done

url=$(fresh_db loader)
start=$(now)
mkdir "$work/analyses"
printf '"%s" analyze --json --workers 1 "$1" > "%s/$(basename "$1").analyses"\n' "$bin" "$work/analyses" > "$work/one.sh"
ls "$work"/corpus/* | /usr/bin/time -f "%U %S" -o "$work/cpu" xargs -P 2 -n 1 sh "$work/one.sh"
mid=$(now)
analyze_cpu=$(awk '{ print $1 + $2 }' "$work/cpu")
"$bin" ingest --analyses "$work"/analyses/* --db "$url" -q > /dev/null
end=$(now)
echo "  analyze on 2 processes, then one loader: $(rate "$n" "$start" "$end") (analyze $(rate "$n" "$start" "$mid"), load $(rate "$n" "$mid" "$end"))"
echo "  analysis CPU: $(ms_per "$analyze_cpu" "$n") ms an article"

cat "$work"/analyses/* > "$work/all.jsonl"
echo "PostgreSQL write rate, pre-analysed articles (ingest --analyses, default batch):"
for k in 1 2 4; do
  for i in $(seq 0 $((k - 1))); do awk -v k=$k -v i=$i 'NR % k == i' "$work/all.jsonl" > "$work/part$i.jsonl"; done
  url=$(fresh_db writers$k)
  server0=$(pg_cpu)
  start=$(now)
  pids=()
  for i in $(seq 0 $((k - 1))); do
    /usr/bin/time -f "%U %S" -o "$work/cpu$i" "$bin" ingest --analyses "$work/part$i.jsonl" --db "$url" -q > /dev/null &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  end=$(now)
  server=$(awk -v a="$server0" -v b="$(pg_cpu)" 'BEGIN { print b - a }')
  client=$(cat "$work"/cpu[0-9]* | awk '{ s += $1 + $2 } END { print s }')
  rm -f "$work"/cpu[0-9]*
  stories=$("$pg_bin/psql" "$url" -XAtq -c 'select count(distinct story_id) from articles')
  echo "  $k writer(s): $(rate "$n" "$start" "$end"); CPU $(ms_per "$client" "$n") ms an article in the writers," \
    "$(ms_per "$server" "$n") in the server; $stories stories"
done
