#!/usr/bin/env bash
# Regenerates tests/golden/NAME.expected.json from tests/golden/NAME.txt with the current
# build (make golden). Review the change with `git diff tests/golden` before committing:
# every difference is a behaviour change of some stage.
set -euo pipefail
bin=${1:-build/newsgraph}
dir=$(cd "$(dirname "$0")" && pwd)
for txt in "$dir"/*.txt; do
  name=${txt%.txt}
  "$bin" analyze --json "$txt" | python3 "$dir/canonical.py" >"$name.expected.json"
  echo "wrote ${name#$dir/}.expected.json"
done
