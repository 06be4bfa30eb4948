#!/usr/bin/env bash
# Stories do not depend on the number of concurrent writers. A corpus with many groups of
# near-duplicates spread across files (gen_dupes.py: reposts, cut, edited and reordered
# copies, round-ups that join two groups) is written to PostgreSQL by 1, 2 and 4 `ingest`
# processes at once, and to one SQLite file by 2 processes at once; every database must
# hold exactly what a single SQLite ingest holds: the same stories as groups of article
# ids, the same events per story with their mention counts, the same merged entities
# (kb_compare.py).
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/pg_env.sh"
export PSQL="$pg_bin/psql"

python3 "$here/gen_dupes.py" "$work/corpus" 2000 8
"$bin" analyze --json "$work/corpus" > "$work/all.jsonl"
[ "$(wc -l < "$work/all.jsonl")" = 2000 ] || fail "analyze did not give 2000 analyses"
for k in 2 4; do
  for i in $(seq 0 $((k - 1))); do
    awk -v k=$k -v i=$i 'NR % k == i' "$work/all.jsonl" > "$work/part$k.$i.jsonl"
  done
done
"$bin" ingest --analyses "$work/all.jsonl" --db "$work/ref.db" -q > /dev/null

# Writers in parallel; each writes its part in small batches, so that their commits interleave.
writers() {  # DB K
  local pids=() i
  for i in $(seq 0 $(($2 - 1))); do
    local part="$work/part$2.$i.jsonl"
    [ "$2" = 1 ] && part="$work/all.jsonl"
    "$bin" ingest --analyses "$part" --db "$1" --batch 10 -q > "$work/w$i.out" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || fail "writer $i of $2 failed: $(cat "$work/w$i.out")"
  done
}

for k in 1 2 4; do
  pg_as "$pg_bin/createdb" -h "$pg_dir" -U "$pg_user" "writers$k"
  url="postgresql:///writers$k?host=$pg_dir&user=$pg_user"
  start=$(date +%s.%N)
  writers "$url" $k
  echo "PostgreSQL, $k writers: $(echo "$(date +%s.%N) - $start" | bc | cut -c1-5) s"
  python3 "$here/kb_compare.py" "$work/ref.db" "$url" || fail "$k PostgreSQL writers differ from one"
  [ "$("$pg_bin/psql" "$url" -XAtq -c 'select count(*) from story_pending')" = 0 ] || fail "articles left unsettled"
done

writers "$work/two.db" 2
python3 "$here/kb_compare.py" "$work/ref.db" "$work/two.db" || fail "2 SQLite writers differ from one"
echo PASS
