#!/usr/bin/env bash
# Runs every libFuzzer target in BUILD_DIR for SECONDS each, starting from the seed
# corpora in fuzz/corpus/<target>/ (copied, so the repository is not modified).
# Usage: fuzz/run.sh BUILD_DIR [SECONDS]   (exit status: 0 clean, 1 a fuzzer found a crash)
set -euo pipefail
build=$(cd "${1:?usage: fuzz/run.sh BUILD_DIR [SECONDS]}" && pwd)
secs=${2:-20}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
found=0
for target in "$build"/*_fuzzer; do
  [ -x "$target" ] || continue
  found=1
  name=$(basename "$target" _fuzzer)
  mkdir -p "$work/$name"
  [ -d "$here/corpus/$name" ] && cp "$here/corpus/$name"/* "$work/$name"/ 2>/dev/null || true
  echo "== $name: ${secs}s"
  if ! (cd "$work" && ASAN_OPTIONS=detect_leaks=1 "$target" -max_total_time="$secs" -timeout=10 \
        -rss_limit_mb=2048 -max_len=262144 -print_final_stats=0 "$work/$name" > "$work/$name.log" 2>&1); then
    echo "FAIL: $name (see the crash input and log below)"
    tail -40 "$work/$name.log"
    ls "$work"/crash-* "$work"/timeout-* "$work"/oom-* 2>/dev/null | while read -r f; do
      mkdir -p "$here/../build-fuzz-crashes" && cp "$f" "$here/../build-fuzz-crashes/$name-$(basename "$f")"; done || true
    rm -f "$work"/crash-* "$work"/timeout-* "$work"/oom-*
    status=1
  else
    grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs" "$work/$name.log" | tail -1 || true
  fi
done
[ $found = 1 ] || { echo "no *_fuzzer binaries in $build"; exit 1; }
exit $status
