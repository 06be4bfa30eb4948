#!/usr/bin/env bash
# The command line and ingest under bad arguments and unlucky inputs (issues 15 and 17):
# missing databases and impossible options are usage errors, typos get a suggestion,
# files that are not articles are skipped with a line, unreadable folders and full disks
# are reported with exit 3, names with newlines stay on one line, a record that runs past
# its time limit fails alone, and the progress bar fits the terminal and counts right.
source "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
chmod 755 "$TMP"

mkdir -p "$TMP/in"
cat > "$TMP/in/article.txt" <<'TXT'
Ministers agree to reopen border crossing
NAIROBI, Kenya — Officials from Kenya and Tanzania agreed on Tuesday to reopen the border crossing at Namanga, the Kenyan foreign ministry said.
The crossing had been closed for three weeks after a dispute over truck inspections.
TXT
"$NG" ingest "$TMP/in" --db "$TMP/kb.db" -q >/dev/null

# ---- reading commands on a missing database: exit 2, nothing created.
for cmd in "search border" stats export serve; do
  # shellcheck disable=SC2086
  timeout 30 "$NG" $cmd --db "$TMP/none.db" >"$TMP/out" 2>"$TMP/err"; rc=$?
  check "$cmd on a missing --db exits 2 naming it" bash -c "[ $rc -eq 2 ] && grep -q 'none.db: no such database' $TMP/err"
  check "$cmd on a missing --db creates nothing" [ ! -e "$TMP/none.db" ]
done

# ---- impossible option values: exit 2.
expect_usage() {  # expect_usage WHAT ARGS...
  local what=$1; shift
  "$NG" "$@" >"$TMP/out" 2>"$TMP/err"; local rc=$?
  check "$what exits 2" [ $rc -eq 2 ]
}
expect_usage "search --from notadate" search --db "$TMP/kb.db" --from notadate
expect_usage "search --to 2025-13-45" search --db "$TMP/kb.db" --to 2025-13-45
expect_usage "search -n -5" search --db "$TMP/kb.db" -n -5
expect_usage "search --offset -1" search --db "$TMP/kb.db" --offset -1
expect_usage "stats --top -1" stats --db "$TMP/kb.db" --top -1
"$NG" search --db "$TMP/kb.db" --from 2024-02-29 -n 1 >"$TMP/out" 2>&1
check "a real leap day is accepted" [ $? -eq 0 ]

"$NG" serach border >"$TMP/out" 2>"$TMP/err"; rc=$?
check "a mistyped command exits 2 with a suggestion" \
  bash -c "[ $rc -eq 2 ] && grep -q \"unknown command 'serach'. Did you mean 'search'?\" $TMP/err"

# ---- analyze --pretty implies --json; with another format it is an error.
"$NG" analyze --pretty "$TMP/in/article.txt" >"$TMP/pretty.json" 2>"$TMP/err"; rc=$?
check "analyze --pretty alone prints indented JSON" \
  bash -c "[ $rc -eq 0 ] && [ \$(wc -l <$TMP/pretty.json) -gt 5 ] && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' $TMP/pretty.json"
expect_usage "analyze --pretty --format gdelt" analyze --pretty --format gdelt "$TMP/in/article.txt"

# ---- a folder's README, table and fake PDF are skipped, not ingested.
mkdir -p "$TMP/folder"
cp "$TMP/in/article.txt" "$TMP/folder/"
printf '# Corpus\nThese files were collected in May.\nSee the notes for sources.\n' >"$TMP/folder/README.md"
printf 'date,place,count\n2024-01-02,Nairobi,3\n2024-01-03,Mombasa,5\n2024-01-04,Kisumu,1\n' >"$TMP/folder/counts.csv"
printf 'date,place,count\n2024-01-02,Nairobi,3\n2024-01-03,Mombasa,5\n2024-01-04,Kisumu,1\n' >"$TMP/folder/counts.txt"
printf '%%PDF-1.4\nNot really a PDF, but it says so.\n' >"$TMP/folder/report.dat"
"$NG" ingest "$TMP/folder" --db "$TMP/folder.db" >"$TMP/out" 2>"$TMP/err"; rc=$?
check "a folder with non-articles: exit 0" [ $rc -eq 0 ]
check "README skipped with a line" grep -q "^newsgraph: skipped: .*README.md: not an article" "$TMP/err"
check "CSV (by name and by content) skipped" \
  bash -c "grep -q 'skipped: .*counts.csv: not an article' $TMP/err && grep -q 'skipped: .*counts.txt: not an article (a table' $TMP/err"
check "fake PDF skipped" grep -q "skipped: .*report.dat: not an article (a PDF" "$TMP/err"
check "only the article is stored" grep -q ": 1 new, 0 already stored, 0 failed, 4 skipped" "$TMP/out"

# ---- a file name with a newline is escaped in messages.
mkdir -p "$TMP/nl"
printf 'GIF89a\0\0\1binary' >"$TMP/nl/bad"$'\n'"name.txt"
"$NG" analyze "$TMP/nl" >"$TMP/out" 2>"$TMP/err"
check "a newline in a file name is printed as \\n, one line per message" \
  bash -c "grep -qF 'bad\\nname.txt: binary data' $TMP/err && ! grep -q '^name.txt' $TMP/err"

# ---- an unreadable sub-directory is named, exit 3 (root reads everything: run as nobody).
mkdir -p "$TMP/tree/open" "$TMP/tree/locked"
cp "$TMP/in/article.txt" "$TMP/tree/open/"
cp "$TMP/in/article.txt" "$TMP/tree/locked/"
chmod -R a+rX "$TMP/tree"
chmod 000 "$TMP/tree/locked"
as_user=()
if [ "$(id -u)" = 0 ]; then
  if setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
    as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  else
    as_user=(skip)
  fi
fi
if [ "${as_user[0]:-}" != skip ]; then
  "${as_user[@]}" "$NG" analyze --json "$TMP/tree" >"$TMP/out" 2>"$TMP/err"; rc=$?
  check "unreadable sub-directory: exit 3" [ $rc -eq 3 ]
  check "unreadable sub-directory is named" grep -q "tree/locked: cannot read directory: Permission denied" "$TMP/err"
  check "the readable part is still analyzed" [ "$(wc -l <"$TMP/out")" -eq 1 ]
else
  echo "skip unreadable sub-directory (setpriv cannot drop root here)"
fi
chmod 755 "$TMP/tree/locked"

# ---- a record past its time limit fails alone; the run goes on.
python3 -c "
import sys
w = 'Officials said the talks in Geneva would resume on Monday after a pause of two weeks. ' * 500
with open(sys.argv[1], 'w') as f:
    f.write('Talks resume\n')
    for _ in range(16_000_000 // len(w)): f.write(w + '\n')
" "$TMP/slow.txt"
"$NG" analyze --json --record-timeout 0.05 "$TMP/slow.txt" "$TMP/in/article.txt" >"$TMP/out" 2>"$TMP/err"; rc=$?
check "a record past --record-timeout: exit 3" [ $rc -eq 3 ]
check "its error names the record and the limit" grep -q "slow.txt: took longer than 0.05 s, the time limit per record" "$TMP/err"
check "the next record is analyzed" bash -c "[ \$(wc -l <$TMP/out) -eq 1 ] && grep -q 'Ministers agree' $TMP/out"

# ---- a full disk: what was stored stays, exit 3 with the summary (a 1 MB tmpfs).
python3 "$here/gen_articles.py" "$TMP/many" 300 3 >/dev/null
mkdir -p "$TMP/full"
if unshare -m true 2>/dev/null && unshare -m mount -t tmpfs -o size=64k tmpfs "$TMP/full" 2>/dev/null; then
  unshare -m bash -c "mount -t tmpfs -o size=1m tmpfs '$TMP/full' &&
    '$NG' ingest '$TMP/many' --db '$TMP/full/kb.db' --batch 16 >'$TMP/out' 2>'$TMP/err'; echo \$? >'$TMP/rc';
    '$NG' stats --db '$TMP/full/kb.db' >'$TMP/stats' 2>&1"
  check "disk full: exit 3" [ "$(cat "$TMP/rc")" = 3 ]
  check "disk full: the error says so" grep -q "database or disk is full" "$TMP/err"
  check "disk full: a summary line with what was stored" \
    bash -c "grep -q '^ingested [0-9]* articles into .*: [1-9][0-9]* new' $TMP/out && grep -q '^not stored: [1-9][0-9]* articles' $TMP/out"
  stored=$(sed -n 's/^ingested .*: \([0-9]*\) new.*/\1/p' "$TMP/out")
  check "disk full: the database holds what the summary says" grep -q ": $stored articles in" "$TMP/stats"
else
  echo "skip disk full (cannot mount a tmpfs here)"
fi

# ---- the progress bar: on a terminal it fits the width and counts right; on a pipe, none.
python3 "$here/gen_articles.py" "$TMP/bar" 1500 5 20 >/dev/null
bar_run() {  # bar_run DB COLUMNS OUT: ingest under a pseudo-terminal of that width
  python3 - "$NG" "$TMP/bar" "$1" "$2" "$3" <<'PY'
import fcntl, os, pty, struct, sys, termios
ng, src, db, cols, out = sys.argv[1:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(ng, [ng, "ingest", src, "--db", db, "--workers", "1", "--batch", "32"])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, int(cols), 0, 0))
data = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
_, status = os.waitpid(pid, 0)
open(out, "wb").write(data)
sys.exit(os.waitstatus_to_exitcode(status))
PY
}
bar_run "$TMP/bar.db" 120 "$TMP/bar1.out"; rc=$?
check "ingest under a terminal exits 0" [ $rc -eq 0 ]
python3 - "$TMP/bar1.out" 120 fresh >"$TMP/bar1.check" 2>&1 <<'PY'
import re, sys
data = open(sys.argv[1], encoding="utf-8", errors="replace", newline="").read()
width, fresh = int(sys.argv[2]), sys.argv[3] == "fresh"
frames = [f for f in re.split(r"\r", data.replace("\x1b[K", "")) if f.strip()]
bars = [f for f in frames if "articles" in f and "ingested" not in f and "\n" not in f]
assert bars, "no progress frames: %r" % data[:300]
for f in bars:
    assert len(f) < width, "frame wider than the terminal: %r" % f
assert any("%" in f for f in bars), "no percentage: %r" % bars[:3]
assert any("/s" in f for f in bars), "no rate"
assert any("ETA" in f for f in bars), "no ETA"
assert any(re.search(r"\d+ new, \d+ already stored", f) for f in bars), "no running counts"
if fresh:
    for f in bars:
        m = re.search(r"(\d+) already stored", f)
        assert m is None or m.group(1) == "0", "'already stored' on a fresh database: %r" % f
assert re.search(r"ingested 1500 articles into .*: \d+ new", data), "no summary"
print("ok", len(bars), "frames")
PY
check "the bar fits 120 columns, shows %, counts, rate and ETA, and no 'already stored' on a fresh database" \
  grep -q "^ok" "$TMP/bar1.check" || cat "$TMP/bar1.check"
bar_run "$TMP/bar.db" 40 "$TMP/bar2.out"
python3 - "$TMP/bar2.out" 40 again >"$TMP/bar2.check" 2>&1 <<'PY'
import re, sys
data = open(sys.argv[1], encoding="utf-8", errors="replace", newline="").read()
frames = [f for f in re.split(r"\r", data.replace("\x1b[K", "")) if f.strip()]
bars = [f for f in frames if "articles" in f and "ingested" not in f and "\n" not in f]
assert bars and all(len(f) < 40 for f in bars), bars[:3]
assert re.search(r": 0 new, 1500 already stored", data), "re-run summary"
print("ok")
PY
check "on 40 columns too; a re-run counts everything as already stored" grep -q "^ok" "$TMP/bar2.check" ||
  cat "$TMP/bar2.check"
"$NG" ingest "$TMP/bar" --db "$TMP/bar3.db" >"$TMP/out" 2>"$TMP/err"; rc=$?
check "through a pipe: no bar, plain lines" bash -c "[ $rc -eq 0 ] && ! grep -q \$'\\r' $TMP/err && grep -q '^ingested 1500 articles' $TMP/out"

# ---- the server path: the 80,000-attribute page is answered (attributes capped).
python3 -c "
import sys
attrs = ' '.join('a%d=\"x\"' % i for i in range(80000))
p = '<p>The council met on Monday, officials said, and agreed to reopen the bridge after repairs.</p>' * 3
open(sys.argv[1], 'w').write('<html><body><div %s>x</div><article><h1>Bridge</h1>%s</article></body></html>' % (attrs, p))
" "$TMP/attrs.html"
"$NG" analyze --json "$TMP/attrs.html" >"$TMP/out" 2>"$TMP/err"; rc=$?
check "80,000 attributes on one element: analyzed, with a warning" \
  bash -c "[ $rc -eq 0 ] && grep -q 'attributes beyond the first 256' $TMP/err"
work=$TMP
source "$here/server_lib.sh"
start_server "$NG" "$TMP/kb.db"
code=$(curl -s -o "$TMP/resp.json" -w '%{http_code}' -H 'Content-Type: text/html' --data-binary @"$TMP/attrs.html" \
  --max-time 120 "$base/v1/analyze")
kill "$server" 2>/dev/null; wait "$server" 2>/dev/null
check "POST /v1/analyze of that page: 200 with the warning" \
  bash -c "[ '$code' = 200 ] && grep -q 'attributes beyond the first 256' $TMP/resp.json"

finish
