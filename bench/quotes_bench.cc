// The quotes stage alone (quotation finding + speaker attribution) on articles of the
// synthetic corpus that went through clean, text and entities beforehand (untimed), and
// the tone stage likewise.
#include <benchmark/benchmark.h>

#include "clean/cleaner.h"
#include "corpus.h"
#include "prepared.h"
#include "entities/entities.h"
#include "ingest/plain_text.h"
#include "quotes/quotes.h"
#include "text/tokenizer.h"
#include "tone/tone.h"

namespace newsgraph::bench {
namespace {

std::vector<Analysis>& Prepared() {
  static auto* analyses = new std::vector<Analysis>(PreparedCorpus(CorpusBytes(), true));
  return *analyses;
}

template <typename Stage, typename Fn>
void RunStage(benchmark::State& state, const Stage& stage, Fn run, const char* label) {
  auto& corpus = Prepared();
  size_t bytes = 0, articles = 0;
  for (auto _ : state) {
    for (Analysis& a : corpus) {
      run(stage, &a);
      bytes += a.body.size();
      ++articles;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(articles));
  state.SetLabel(label);
}

void BM_Quotes(benchmark::State& state) {
  auto finder = QuoteFinder::Create();
  RunStage(
      state, **finder, [](const QuoteFinder& f, Analysis* a) { f.Find(a); }, "quotes, articles/s = items/s");
}
BENCHMARK(BM_Quotes)->Unit(benchmark::kMillisecond)->MinTime(1.0);

void BM_Tone(benchmark::State& state) {
  auto scorer = ToneScorer::Create();
  RunStage(
      state, **scorer, [](const ToneScorer& t, Analysis* a) { t.Score(a); }, "tone, articles/s = items/s");
}
BENCHMARK(BM_Tone)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace
}  // namespace newsgraph::bench
