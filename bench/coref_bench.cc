// Coreference stage (src/mentions/coref.h) on parsed, entity-annotated articles, excluding
// the stages before it (cleaning, segmentation, syntax and entities run once, untimed).
// Compare with BM_Entities and BM_Syntax for its share of `analyze`.
#include <benchmark/benchmark.h>

#include <algorithm>

#include "corpus.h"
#include "prepared.h"
#include "entities/entities.h"
#include "mentions/coref.h"
#include "syntax/syntax.h"

namespace newsgraph::bench {
namespace {

std::vector<Analysis>& ParsedCorpus() {
  static auto* corpus = [] {
    auto* out = new std::vector<Analysis>(PreparedCorpus(std::min<size_t>(CorpusBytes(), 4u << 20), false));
    auto entities = EntityRecognizer::Create();
    auto syntax = syntax::SyntaxModel::Default();
    if (!entities.ok() || !syntax.ok()) return out;
    for (Analysis& a : *out) {  // the entities stage reads the words since the syntax issue
      (*syntax)->Annotate(&a);
      (*entities)->Recognize(&a);
    }
    return out;
  }();
  return *corpus;
}

void BM_Coref(benchmark::State& state) {
  auto coref = CorefResolver::Create();
  if (!coref.ok()) {
    state.SkipWithError(coref.status().message().c_str());
    return;
  }
  std::vector<Analysis>& corpus = ParsedCorpus();
  size_t bytes = 0, articles = 0, added = 0;
  for (auto _ : state) {
    for (Analysis& a : corpus) {
      FillNameMentions(&a);  // back to the entities stage's mentions (a copy, cheap)
      size_t before = a.mentions.size();
      (*coref)->Resolve(&a);
      added += a.mentions.size() - before;
      bytes += a.body.size();
      ++articles;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(articles));
  state.counters["references/article"] = articles ? static_cast<double>(added) / articles : 0;
  state.SetLabel("coreference stage only, articles/s = items/s");
}
BENCHMARK(BM_Coref)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace
}  // namespace newsgraph::bench
