#!/usr/bin/env bash
# Ingest at scale (run by bench/run.sh): peak RSS of `newsgraph analyze --workers 2` over
# synthetic .warc.gz archives of 1,000 and 50,000 records must be about the same (bounded
# queues: memory independent of corpus size). NEWSGRAPH_BENCH_RSS_RECORDS="1000 50000"
# overrides the sizes.
set -euo pipefail
build=${1:-build}
bin=$build/newsgraph
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sizes=${NEWSGRAPH_BENCH_RSS_RECORDS:-1000 50000}
echo "== ingest: peak RSS vs corpus size (analyze --json --workers 2 over .warc.gz; small HTML pages)"
for n in $sizes; do
  python3 - "$n" "$tmp/c$n.warc.gz" <<'PY'
import gzip, random, sys
n, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(42)
words = ("council harbour minister river budget school railway hospital farmers election court police "
         "festival museum bridge weather prices workers union mayor village airport ferry").split()
def sentence():
    w = [rng.choice(words) for _ in range(rng.randint(8, 16))]
    return (" ".join(w)).capitalize() + ", officials said on Monday."
with open(path, "wb") as f:
    for i in range(n):
        paras = "".join("<p>%s %s</p>" % (sentence(), sentence()) for _ in range(5))
        page = ("<html><head><title>Story %d</title></head><body><nav><a href='/'>Home</a></nav>"
                "<article><h1>Story %d</h1>%s</article></body></html>" % (i, i, paras)).encode()
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
        head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://synth.example/%d\r\n"
                "WARC-Date: 2025-05-01T00:00:00Z\r\nContent-Type: application/http\r\n"
                "Content-Length: %d\r\n\r\n" % (i, len(http))).encode()
        f.write(gzip.compress(head + http + b"\r\n\r\n", compresslevel=1, mtime=0))
PY
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$tmp/rss$n" "$bin" analyze --json --quiet --workers 2 "$tmp/c$n.warc.gz" > /dev/null
  end=$(date +%s.%N)
  rss=$(cat "$tmp/rss$n")
  python3 -c "import sys; n,rss,s,e=int(sys.argv[1]),int(sys.argv[2]),float(sys.argv[3]),float(sys.argv[4]); \
print(f'records {n:>6}: peak RSS {rss/1024:7.1f} MB, {n/(e-s):7.0f} articles/s (wall, 2 workers)')" "$n" "$rss" "$start" "$end"
done
