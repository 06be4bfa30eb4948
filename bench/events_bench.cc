// The events stage alone: articles are cleaned and segmented once, outside the timing;
// the loop codes events. Items are sentences, so items/s is sentences per second on one
// core (target: 50,000). BM_Events codes segmented text with its entities (no parse: no
// frames, the surface reading);
// BM_EventsParsed codes parsed articles with their entities and mentions, as the pipeline
// does (frames built per sentence).
#include <benchmark/benchmark.h>

#include "clean/cleaner.h"
#include "corpus.h"
#include "prepared.h"
#include "events/events.h"
#include "syntax/syntax.h"
#include "ingest/plain_text.h"
#include "text/tokenizer.h"

namespace newsgraph::bench {
namespace {

std::vector<Analysis>& Segmented() {
  // With the entities stage: the coder finds no names of its own (docs/events.md).
  static auto* corpus = new std::vector<Analysis>(PreparedCorpus(std::min<size_t>(CorpusBytes(), 8u << 20), true));
  return *corpus;
}

void BM_Events(benchmark::State& state) {
  auto coder = EventCoder::Create({});
  if (!coder.ok()) {
    state.SkipWithError(coder.status().message().c_str());
    return;
  }
  auto& corpus = Segmented();
  size_t sentences = 0, bytes = 0, events = 0;
  for (auto _ : state) {
    for (Analysis& a : corpus) {
      (*coder)->Code(&a);  // replaces a.events; reads nothing it writes
      events += a.events.size();
      sentences += a.sentences.size();
      bytes += a.body.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(sentences));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["events_per_sentence"] = sentences ? static_cast<double>(events) / sentences : 0.0;
  state.SetLabel("items/s = sentences/s");
}
BENCHMARK(BM_Events)->Unit(benchmark::kMillisecond)->MinTime(1.0);

std::vector<Analysis>* Parsed() {
  static auto* corpus = [] {
    auto* c = new std::vector<Analysis>(PreparedCorpus(std::min<size_t>(CorpusBytes(), 2u << 20), true));
    auto model = syntax::SyntaxModel::Default();
    if (!model.ok()) return static_cast<std::vector<Analysis>*>(nullptr);
    for (Analysis& a : *c) (*model)->Annotate(&a);
    return c;
  }();
  return corpus;
}

void BM_EventsParsed(benchmark::State& state) {
  auto coder = EventCoder::Create({});
  std::vector<Analysis>* corpus = Parsed();
  if (!coder.ok() || corpus == nullptr) {
    state.SkipWithError(coder.ok() ? "no syntax model" : coder.status().message().c_str());
    return;
  }
  size_t sentences = 0, events = 0;
  for (auto _ : state) {
    for (Analysis& a : *corpus) {
      (*coder)->Code(&a);
      events += a.events.size();
      sentences += a.sentences.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(sentences));
  state.counters["events_per_sentence"] = sentences ? static_cast<double>(events) / sentences : 0.0;
  state.SetLabel("items/s = sentences/s");
}
BENCHMARK(BM_EventsParsed)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace
}  // namespace newsgraph::bench
