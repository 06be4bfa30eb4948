#!/usr/bin/env bash
# The Dask driver end to end (cluster/newsgraph_dask.py, Debian's python3-distributed) on
# a private PostgreSQL: the example WARC and a generated corpus of 3,000 articles with
# near-duplicates across 12 files (gen_dupes.py), plus one broken file.
#  1. A LocalCluster of 2 worker processes ingests it: the database equals a single-process
#     ingest of the same files (articles, stories as groups of ids, events with their
#     mention counts, entity merges: kb_compare.py); the broken file is reported, not fatal.
#  2. A re-run skips every finished file (the database lists them).
#  3. A scheduler and 2 workers started here; one worker is killed (kill -9) while it runs
#     an ingest: the job still completes, and the database again equals the reference,
#     nothing lost or doubled.
set -euo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
driver="$here/../../cluster/newsgraph_dask.py"
py=/usr/bin/python3  # python3-distributed is installed for Debian's interpreter only
if ! "$py" -c 'import distributed' 2>/dev/null; then
  echo "SKIP: $py cannot import distributed (apt-get install python3-distributed)"; exit 77
fi
source "$here/pg_env.sh"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  pg_stop
}
trap cleanup EXIT
export PSQL="$pg_bin/psql" DASK_LOGGING__DISTRIBUTED=error
url() { echo "postgresql:///$1?host=$pg_dir&user=$pg_user"; }
for db in ref local killed; do pg_as "$pg_bin/createdb" -h "$pg_dir" -U "$pg_user" $db; done

python3 "$here/gen_dupes.py" "$work/corpus" 3000 12
cp "$here/../../examples/formats/newsroom.warc.gz" "$work/corpus/"
head -c 3000 /dev/urandom > "$work/corpus/broken.warc.gz"
# The list names files as a crawl's paths file does; --map-prefix maps them to the storage.
(cd "$work/corpus" && ls | sed 's|^|crawl-data/|') > "$work/inputs.txt"
good=$(ls "$work/corpus" | grep -vc broken)

"$bin" ingest $(ls "$work"/corpus/* | grep -v broken) --db "$(url ref)" -q > "$work/ref.out"
cat "$work/ref.out"

run_driver() {  # DB OUT [driver options]
  local db=$1 out=$2
  shift 2
  set +e
  "$py" "$driver" --db "$(url "$db")" --list "$work/inputs.txt" --map-prefix "crawl-data/=$work/corpus/" \
    --newsgraph "$bin" --ingest-args "--workers 1 --batch 50" --retries 1 --progress lines \
    --summary-json "$work/$out.json" "$@" > "$work/$out.txt" 2> "$work/$out.err"
  echo $? > "$work/$out.rc"
  set -e
  cat "$work/$out.txt"
}
summary() { python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$work/$1.json" "$2"; }
check_run() {  # OUT DB
  [ "$(cat "$work/$1.rc")" = 3 ] || fail "$1: exit $(cat "$work/$1.rc"), want 3 (one broken file): $(tail -5 "$work/$1.err")"
  [ "$(summary "$1" 'len(s["failed"])')" = 1 ] && summary "$1" 's["failed"][0]["path"]' | grep -q broken.warc.gz \
    || fail "$1: the broken file is not the one failure: $(summary "$1" 's["failed"]')"
  grep -q "broken.warc.gz" "$work/$1.txt" || fail "$1: the summary does not name the broken file"
  python3 "$here/kb_compare.py" "$(url ref)" "$(url "$2")" || fail "$1: the cluster's database differs from one ingest"
  [ "$("$pg_bin/psql" "$(url "$2")" -XAtq -c 'select count(*) from story_pending')" = 0 ] || fail "$1: unsettled"
}

# 1. LocalCluster, 2 worker processes.
run_driver local local --workers 2
check_run local local
[ "$(summary local 's["ingested"]')" = "$good" ] || fail "local: $(summary local 's["ingested"]') files ingested, want $good"
grep -c '^\[' "$work/local.err" > /dev/null || fail "no progress lines"

# 2. A re-run skips what is finished (only the broken file is tried again).
run_driver local again --workers 2
[ "$(summary again 's["skipped"]')" = "$good" ] || fail "re-run skipped $(summary again 's["skipped"]'), want $good"
[ "$(summary again 's["articles"]["new"]')" = 0 ] || fail "re-run stored new articles"

# 3. A cluster started here; one worker killed while it ingests.
/usr/bin/dask-scheduler --host 127.0.0.1 --port 0 --no-dashboard --scheduler-file "$work/sched.json" > "$work/sched.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do [ -s "$work/sched.json" ] && break; sleep 0.1; done
[ -s "$work/sched.json" ] || fail "scheduler did not start: $(cat "$work/sched.log")"
address=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["address"])' "$work/sched.json")
workers=()
for w in 1 2; do
  /usr/bin/dask-worker --scheduler-file "$work/sched.json" --host 127.0.0.1 --nthreads 1 --no-nanny --no-dashboard \
    > "$work/worker$w.log" 2>&1 &
  pids+=($!)
  workers+=($!)
done
run_driver killed killed --scheduler "$address" &
driver_pid=$!
victim=${workers[0]}
killed=""
for _ in $(seq 1 1200); do
  n=$("$pg_bin/psql" "$(url killed)" -XAtq -c 'select count(*) from articles' 2>/dev/null || echo 0)
  if [ "${n:-0}" -ge 300 ] && pgrep -P "$victim" -f "ingest" > /dev/null; then
    kill -9 "$victim"; killed=$n; break
  fi
  kill -0 $driver_pid 2>/dev/null || break
  sleep 0.05
done
[ -n "$killed" ] || fail "the worker could not be killed mid-run"
kill -0 $driver_pid 2>/dev/null || fail "the job ended before the kill"
wait $driver_pid || true
echo "killed a worker while it ingested (after $killed articles)"
check_run killed killed
[ "$(summary killed 's["ingested"]')" = "$good" ] || fail "killed: $(summary killed 's["ingested"]') files, want $good"
echo PASS
