#!/usr/bin/env bash
# The hand-written dev-set annotations (tests/gold/*.gold.json) stay consistent with their
# articles: valid JSON, evidence and quote starts that are exact substrings, actors and
# speakers that resolve to entities, known CAMEO codes (tests/gold/validate.py).
source "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "skipped: no python3"; exit 77; }
check "tests/gold annotations are consistent" env NEWSGRAPH_SHARED_DIR="$SHARED" python3 "$SRC/tests/gold/validate.py" "$SRC/tests/gold"
finish
