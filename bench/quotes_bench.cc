// The quotes stage alone (quotation finding + speaker attribution) on cleaned, segmented
// articles of the synthetic corpus, and the tone stage likewise.
#include <benchmark/benchmark.h>

#include "clean/cleaner.h"
#include "corpus.h"
#include "ingest/plain_text.h"
#include "quotes/quotes.h"
#include "text/tokenizer.h"
#include "tone/tone.h"

namespace newsgraph::bench {
namespace {

std::vector<Analysis>& Prepared() {
  static auto* analyses = [] {
    auto* out = new std::vector<Analysis>();
    auto cleaner = Cleaner::Create();
    for (const std::string& text : GenerateArticles(CorpusBytes())) {
      RawDocument doc;
      doc.bytes = text;
      auto article = ExtractPlainText(doc);
      if (!article.ok()) continue;
      Analysis a;
      (*cleaner)->Clean(*article, &a);
      text::Segment(&a);
      out->push_back(std::move(a));
    }
    return out;
  }();
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
