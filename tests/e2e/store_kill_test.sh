#!/usr/bin/env bash
# kill -9 in the middle of an ingest leaves a consistent SQLite database, and a re-run
# completes it: nothing lost, nothing doubled, the same stories as an uninterrupted run.
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
n=3000
python3 "$here/gen_articles.py" "$work/in" $n 11

count() {  # articles committed so far (0 while the database is being created)
  python3 - "$1" <<'PY' 2>/dev/null || echo 0
import sqlite3, sys
c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True, timeout=10)
print(c.execute("select count(*) from articles").fetchone()[0])
PY
}

"$bin" ingest "$work/in" --db "$work/crash.db" --batch 20 -q > /dev/null &
pid=$!
for _ in $(seq 1 600); do
  c=$(count "$work/crash.db")
  [ "$c" -ge 300 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.02
done
kill -9 "$pid" 2>/dev/null || fail "ingest finished before it could be killed"
wait "$pid" 2>/dev/null || true
pid=
before=$(count "$work/crash.db")
echo "killed after $before of $n articles"
[ "$before" -gt 0 ] && [ "$before" -lt $n ] || fail "kill did not land mid-ingest ($before)"

python3 - "$work/crash.db" <<'PY' || fail "database inconsistent after kill -9"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("pragma integrity_check").fetchone()[0] == "ok"
c.execute("insert into articles_fts(articles_fts) values('integrity-check')")
n = c.execute("select count(*) from articles").fetchone()[0]
# Every stored article is complete: its sketch, band keys and story are there.
assert c.execute("select count(*) from sketches").fetchone()[0] == n
assert c.execute("select count(*) from lsh").fetchone()[0] == 42 * n
assert c.execute("select count(*) from articles where story_id not in (select id from stories)").fetchone()[0] == 0
print("consistent after kill -9:", n, "articles")
PY

"$bin" ingest "$work/in" --db "$work/crash.db" --batch 20 > "$work/rerun.txt"
grep -q ": $((n - before)) new, $before already stored, 0 failed" "$work/rerun.txt" || { cat "$work/rerun.txt"; fail "re-run"; }
"$bin" ingest "$work/in" --db "$work/clean.db" --batch 20 -q > /dev/null
python3 - "$work/crash.db" "$work/clean.db" <<'PY' || fail "re-run differs from an uninterrupted ingest"
import sqlite3, sys
def state(path):
    c = sqlite3.connect(path)
    rows = c.execute("select id, story_id from articles order by id").fetchall()
    return rows, c.execute("select count(*) from stories").fetchone()[0], c.execute("select count(*) from lsh").fetchone()[0]
a, b = state(sys.argv[1]), state(sys.argv[2])
assert len(a[0]) == len({r[0] for r in a[0]}), "doubled"
assert a == b, "differs"
print("re-run complete:", len(a[0]), "articles,", a[1], "stories, same as an uninterrupted run")
PY
echo PASS
