// Replays fuzz inputs through the fuzz targets' entry points in an ordinary build (no
// clang, no libFuzzer): `make test` runs every seed and regression input of fuzz/corpus/
// this way in seconds, under gcc and, with `make sanitize`, under ASan/UBSan. The longer
// coverage-guided run is `make fuzz`.
//   newsgraph_fuzz_replay TARGET PATH...   (PATH: a file, or a folder read recursively)
// Exit status: 0 when every input ran (a target signals a failure by aborting), 2 on usage
// errors or an unreadable or empty corpus.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#define NEWSGRAPH_FUZZ_TARGET(name) extern "C" int NewsgraphFuzz_##name(const uint8_t* data, size_t size);
#include "fuzz_targets.inc"
#undef NEWSGRAPH_FUZZ_TARGET

namespace {

struct Target {
  const char* name;
  int (*run)(const uint8_t*, size_t);
};

const Target kTargets[] = {
#define NEWSGRAPH_FUZZ_TARGET(name) {#name, NewsgraphFuzz_##name},
#include "fuzz_targets.inc"
#undef NEWSGRAPH_FUZZ_TARGET
};

}  // namespace

int main(int argc, char** argv) {
  const Target* target = nullptr;
  if (argc >= 2) {
    for (const Target& t : kTargets) {
      if (std::strcmp(t.name, argv[1]) == 0) target = &t;
    }
  }
  if (target == nullptr || argc < 3) {
    std::fprintf(stderr, "usage: %s TARGET PATH...\ntargets:", argv[0]);
    for (const Target& t : kTargets) std::fprintf(stderr, " %s", t.name);
    std::fprintf(stderr, "\n");
    return 2;
  }
  std::vector<std::filesystem::path> files;
  for (int i = 2; i < argc; ++i) {
    std::error_code ec;
    if (std::filesystem::is_directory(argv[i], ec)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(argv[i], ec)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
    } else if (std::filesystem::is_regular_file(argv[i], ec)) {
      files.emplace_back(argv[i]);
    }
    if (ec) {
      std::fprintf(stderr, "%s: %s\n", argv[i], ec.message().c_str());
      return 2;
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "no inputs for %s\n", target->name);
    return 2;
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      std::fprintf(stderr, "%s: cannot read\n", f.c_str());
      return 2;
    }
    std::fprintf(stderr, "%s: %s (%zu bytes)\n", target->name, f.filename().c_str(), bytes.size());
    target->run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("%s: %zu inputs replayed\n", target->name, files.size());
  return 0;
}
