#!/usr/bin/env bash
# make demo: analyze the bundled examples/ and print what was found.
set -euo pipefail
bin=${1:-build/newsgraph}
shopt -s nullglob
files=(examples/*.txt examples/formats/*)
if [ ${#files[@]} -eq 0 ]; then echo "no examples/*.txt"; exit 1; fi
echo "== newsgraph demo: ${#files[@]} articles in examples/"
"$bin" analyze --json "${files[@]}" | python3 -c '
import json, sys
n = sents = 0
removed = {}
for line in sys.stdin:
    a = json.loads(line)
    n += 1
    sents += len(a["sentences"])
    for r in a["removed"]:
        removed[r["kind"]] = removed.get(r["kind"], 0) + 1
print(f"articles analyzed: {n}")
print(f"sentences:         {sents}")
for k, v in sorted(removed.items()):
    print(f"removed {k:18s} {v}")
'
