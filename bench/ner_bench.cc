// The named-mention tagger alone (src/entities/ner.h), on the sentences and words of the
// synthetic corpus (cleaned, split and parsed outside the timing): the layer the entities
// stage adds to an analysis. Items are words, so items/s compares with BM_Syntax's.
#include <benchmark/benchmark.h>

#include "corpus.h"
#include "entities/gazetteer.h"
#include "entities/ner.h"
#include "prepared.h"
#include "syntax/syntax.h"

namespace newsgraph::bench {
namespace {

void BM_NerTagger(benchmark::State& state) {
  auto syntax = syntax::SyntaxModel::Default();
  auto model = entities::NerModel::Default();
  auto gaz = entities::Gazetteer::Load();
  if (!syntax.ok() || !model.ok() || !gaz.ok()) {
    state.SkipWithError("a model or the gazetteers did not load");
    return;
  }
  static auto* corpus = [&] {
    auto* c = new std::vector<Analysis>(PreparedCorpus(std::min<size_t>(CorpusBytes(), 4u << 20), false));
    for (Analysis& a : *c) (*syntax)->Annotate(&a);
    return c;
  }();
  size_t words = 0;
  std::vector<uint8_t> tags;
  for (auto _ : state) {
    for (const Analysis& a : *corpus) {
      (*model)->TagAnalysis(**gaz, a, &tags);
      words += tags.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(words));
  state.SetLabel("items/s = words/s");
}
BENCHMARK(BM_NerTagger)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace
}  // namespace newsgraph::bench
