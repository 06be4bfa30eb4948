// Every stage of `analyze` on news-like text, one thread: the project's development
// articles (tests/gold/*.txt, written for the project) and, where ../shared is present, the
// Wikinews articles of ../shared/wikinews (real news). Bytes are the article texts, so
// MB/s is per core (the syntax issue's yardstick: at least 1 MB/s with every stage on).
// BM_AnalyzeNews/0 runs without the syntax stage, /1 with it: the difference is what
// the tagger and parser cost.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/analyzer.h"

namespace newsgraph::bench {
namespace {

namespace fs = std::filesystem;

void AddTexts(const fs::path& dir, std::vector<RawDocument>* out) {
  if (!fs::is_directory(dir)) return;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    RawDocument d;
    d.bytes = ss.str();
    d.media_type = "text/plain";
    d.source = f.string();
    out->push_back(std::move(d));
  }
}

// The first of `candidates` that exists, relative to the working directory (the
// repository root or build/).
fs::path Find(std::initializer_list<const char*> candidates) {
  for (const char* c : candidates) {
    if (fs::is_directory(c)) return c;
  }
  return {};
}

const std::vector<RawDocument>& NewsTexts() {
  static const auto* docs = [] {
    auto* d = new std::vector<RawDocument>();
    AddTexts(Find({"tests/gold", "../tests/gold"}), d);
    AddTexts(Find({"../shared/wikinews", "../../shared/wikinews"}), d);
    return d;
  }();
  return *docs;
}

void BM_AnalyzeNews(benchmark::State& state) {
  AnalyzerOptions o;
  o.syntax = state.range(0) != 0;
  auto analyzer = Analyzer::Create(o);
  if (!analyzer.ok()) {
    state.SkipWithError(analyzer.status().message().c_str());
    return;
  }
  const auto& docs = NewsTexts();
  if (docs.empty()) {
    state.SkipWithError("no tests/gold texts found (run from the repository root or build/)");
    return;
  }
  size_t articles = 0, bytes = 0;
  for (auto _ : state) {
    for (const RawDocument& d : docs) {
      auto a = (*analyzer)->Analyze(d);
      benchmark::DoNotOptimize(a);
      bytes += d.bytes.size();
      ++articles;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(articles));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetLabel(o.syntax ? "all stages, articles/s = items/s" : "all stages but syntax");
}
BENCHMARK(BM_AnalyzeNews)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace newsgraph::bench
