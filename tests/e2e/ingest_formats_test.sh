#!/usr/bin/env bash
# newsgraph analyze over every input format, directories, globs, stdin; exit codes 0/1/3;
# --shard determinism; the same output in the same order with 1 and 2 workers.
set -euo pipefail
bin=$1
src=${NEWSGRAPH_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
ex=$src/examples/formats
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
count() { grep -c . "$1" || true; }

# Each format's happy path (10 articles in the examples).
"$bin" analyze --json --quiet "$ex"/* > "$tmp/all.jsonl" || fail "examples exit $?"
[ "$(count "$tmp/all.jsonl")" = 10 ] || fail "expected 10 articles, got $(count "$tmp/all.jsonl")"
python3 - "$tmp/all.jsonl" <<'PY'
import json, sys
arts = [json.loads(l) for l in open(sys.argv[1])]
by_title = {a["title"]: a for a in arts}
def check(title, **want):
    a = by_title.get(title)
    assert a is not None, "missing " + title
    for k, v in want.items():
        assert a[k] == v, (title, k, a[k], v)
check("Harbour council approves ferry plan", published="2025-04-02", byline="Mara Lindqvist",
      url="https://ledger.example/news/ferry-plan")
check("Les ferries de la baie reprennent le service", url="https://baie.example/ferries-reprise", language="fr")
check("\u6d77\u6ee8\u5e02\u5f00\u901a\u65b0\u7535\u8f66\u7ebf\u8def", language="zh-CN")
check("Vineyard growers report early harvest after dry summer", published="2025-09-08")
check("Regional airport adds night flights despite objections", url="https://science.example/airport-night-flights")
check("Rail operator trials battery trains on northern line", published="2025-02-10")
fr = by_title["Les ferries de la baie reprennent le service"]
assert "apr\u00e8s trois jours" in fr["body"], "windows-1252 page decoded wrongly"
for a in arts:
    assert "cookie" not in a["body"].lower() and "Share on" not in a["body"], a["title"]
PY

# Directory (recursive), glob, stdin, gzip of a non-WARC format.
mkdir -p "$tmp/tree/sub"
cp "$ex/wires.jsonl" "$tmp/tree/sub/"
gzip -c "$ex/river-news.rss" > "$tmp/tree/feed.xml.gz"
"$bin" analyze --json --quiet "$tmp/tree" > "$tmp/dir.jsonl" || fail "directory exit $?"
[ "$(count "$tmp/dir.jsonl")" = 4 ] || fail "directory: expected 4 articles"
"$bin" analyze --json --quiet "$ex/*.atom" > "$tmp/glob.jsonl" || fail "glob exit $?"
[ "$(count "$tmp/glob.jsonl")" = 2 ] || fail "glob: expected 2 articles"
"$bin" analyze --json --quiet - < "$ex/newsroom.warc.gz" > "$tmp/stdin.jsonl" || fail "stdin exit $?"
[ "$(count "$tmp/stdin.jsonl")" = 3 ] || fail "stdin WARC: expected 3 articles"

# Exit 3: some records failed (a bad JSON line names file:line; the run goes on).
printf '{"title": "Good", "text": "A good body of text."}\n{broken\n{"title": "Good 2", "text": "More text here."}\n' > "$tmp/mixed.jsonl"
set +e
"$bin" analyze --json --quiet "$tmp/mixed.jsonl" > "$tmp/mixed.out" 2> "$tmp/mixed.err"
rc=$?
set -e
[ $rc = 3 ] || fail "mixed: exit $rc, want 3"
[ "$(count "$tmp/mixed.out")" = 2 ] || fail "mixed: expected 2 articles"
grep -q "mixed.jsonl:2: invalid JSON" "$tmp/mixed.err" || fail "mixed: error does not name file:line"

# Exit 1: nothing worked (binary junk, a page with no article).
head -c 3000 /dev/urandom > "$tmp/junk.bin"
printf '<html><body><nav><a href="/">Home</a></nav><p>Log in</p></body></html>' > "$tmp/empty.html"
set +e
"$bin" analyze --json --quiet "$tmp/junk.bin" "$tmp/empty.html" > /dev/null 2> "$tmp/junk.err"
rc=$?
set -e
[ $rc = 1 ] || fail "junk: exit $rc, want 1"
grep -q "no article text" "$tmp/junk.err" || fail "junk: no 'no article text' error"
[ "$(grep -c 'error:' "$tmp/junk.err")" = 2 ] || fail "junk: expected two errors"

# Truncated .warc.gz: earlier records come out, the cut is reported, exit 3.
size=$(stat -c %s "$ex/newsroom.warc.gz")
head -c $((size - 700)) "$ex/newsroom.warc.gz" > "$tmp/cut.warc.gz"
set +e
"$bin" analyze --json --quiet "$tmp/cut.warc.gz" > "$tmp/cut.out" 2> "$tmp/cut.err"
rc=$?
set -e
[ $rc = 3 ] || fail "truncated: exit $rc, want 3"
grep -q "cut.warc.gz@[0-9]*: truncated" "$tmp/cut.err" || fail "truncated: error lacks file@offset"

# Sharding: 3 shards are disjoint, cover everything, and are stable.
for k in 1 2 3; do
  "$bin" analyze --json --quiet --shard $k/3 "$ex"/* | python3 -c 'import json,sys; [print(json.loads(l)["title"]) for l in sys.stdin]' > "$tmp/shard$k"
  "$bin" analyze --json --quiet --shard $k/3 "$ex"/* | python3 -c 'import json,sys; [print(json.loads(l)["title"]) for l in sys.stdin]' > "$tmp/shard$k.again"
  cmp -s "$tmp/shard$k" "$tmp/shard$k.again" || fail "shard $k/3 not deterministic"
done
[ "$(cat "$tmp"/shard1 "$tmp"/shard2 "$tmp"/shard3 | sort | uniq | wc -l)" = 10 ] || fail "shards do not cover the corpus"
[ "$(cat "$tmp"/shard1 "$tmp"/shard2 "$tmp"/shard3 | wc -l)" = 10 ] || fail "shards overlap"
set +e
"$bin" analyze --json --shard 0/3 "$ex/wires.jsonl" > /dev/null 2>&1
rc=$?
set -e
[ $rc = 2 ] || fail "--shard 0/3: exit $rc, want 2"

# Output order: identical with 1 and 2 workers.
"$bin" analyze --json --quiet --workers 1 "$ex"/* > "$tmp/w1.jsonl"
"$bin" analyze --json --quiet --workers 2 "$ex"/* > "$tmp/w2.jsonl"
cmp -s "$tmp/w1.jsonl" "$tmp/w2.jsonl" || fail "output differs between 1 and 2 workers"

# Not a terminal: no progress bar escape codes on stderr.
"$bin" analyze --json "$ex"/* > /dev/null 2> "$tmp/progress.err"
if grep -q $'\x1b' "$tmp/progress.err"; then fail "progress bar drawn on a non-terminal"; fi
echo "ok"
