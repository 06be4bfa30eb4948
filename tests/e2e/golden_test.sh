#!/usr/bin/env bash
# Golden tests: `analyze --json` of every tests/golden/NAME.txt must equal
# NAME.expected.json (canonical form). On a deliberate change: `make golden`, then review
# `git diff tests/golden`.
source "$(dirname "$0")/lib.sh"
dir=$SRC/tests/golden
for txt in "$dir"/*.txt; do
  name=$(basename "${txt%.txt}")
  want=$dir/$name.expected.json
  if [ ! -f "$want" ]; then fail "$name: no $name.expected.json (run make golden)"; continue; fi
  "$NG" analyze --json "$txt" | python3 "$dir/canonical.py" >"$TMP/$name.json"
  if diff -u "$want" "$TMP/$name.json" >"$TMP/$name.diff"; then
    pass "$name"
  else
    fail "$name differs from its golden file:"
    head -60 "$TMP/$name.diff"
  fi
done
finish
