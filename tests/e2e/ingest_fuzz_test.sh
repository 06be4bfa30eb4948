#!/usr/bin/env bash
# Runs the ingest libFuzzer targets (fuzz/*_fuzzer.cc) for a short bounded time: builds
# them in build-fuzz/ (clang, ASan+UBSan, as `make fuzz` does) when needed, then
# fuzz/run.sh with NEWSGRAPH_FUZZ_SECONDS (default 15) per target.
# Skipped (77) without clang/libFuzzer or when NEWSGRAPH_SKIP_FUZZ=1.
set -euo pipefail
src=${NEWSGRAPH_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
fb=${NEWSGRAPH_FUZZ_BUILD:-$src/build-fuzz}
secs=${NEWSGRAPH_FUZZ_SECONDS:-15}
[ "${NEWSGRAPH_SKIP_FUZZ:-0}" = 1 ] && { echo "skipped: NEWSGRAPH_SKIP_FUZZ=1"; exit 77; }
command -v clang++ > /dev/null || { echo "skipped: no clang++"; exit 77; }
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' > "${TMPDIR:-/tmp}/ng_fuzz_probe.cc"
if ! clang++ -fsanitize=fuzzer "${TMPDIR:-/tmp}/ng_fuzz_probe.cc" -o "${TMPDIR:-/tmp}/ng_fuzz_probe" 2> /dev/null; then
  echo "skipped: clang has no libFuzzer (libclang-rt-dev)"
  exit 77
fi
targets=$(cd "$src/fuzz" && ls *_fuzzer.cc | sed 's/\.cc$//')
if [ ! -f "$fb/CMakeCache.txt" ]; then
  gen=$(command -v ninja > /dev/null && echo Ninja || echo "Unix Makefiles")
  launcher=$(command -v ccache > /dev/null && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache || true)
  CC=clang CXX=clang++ cmake -S "$src" -B "$fb" -G "$gen" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSGRAPH_FUZZ=ON $launcher > /dev/null
fi
# shellcheck disable=SC2086
cmake --build "$fb" -j "${NEWSGRAPH_FUZZ_JOBS:-2}" --target $targets > "$fb/fuzz-build.log" 2>&1 || {
  tail -30 "$fb/fuzz-build.log"
  exit 1
}
bash "$src/fuzz/run.sh" "$fb" "$secs"
