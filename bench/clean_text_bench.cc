// Foundation stages: extraction of plain text, cleaning, and sentence/token segmentation.
#include <benchmark/benchmark.h>

#include "clean/cleaner.h"
#include "corpus.h"
#include "ingest/plain_text.h"
#include "text/tokenizer.h"

namespace newsgraph::bench {
namespace {

const std::vector<std::string>& Corpus() {
  static const auto* corpus = new std::vector<std::string>(GenerateArticles(CorpusBytes()));
  return *corpus;
}

void BM_CleanText(benchmark::State& state) {
  auto cleaner = Cleaner::Create();
  const auto& corpus = Corpus();
  size_t bytes = 0, articles = 0;
  for (auto _ : state) {
    for (const std::string& text : corpus) {
      RawDocument doc;
      doc.bytes = text;
      auto article = ExtractPlainText(doc);
      Analysis a;
      (*cleaner)->Clean(*article, &a);
      text::Segment(&a);
      benchmark::DoNotOptimize(a.tokens.data());
      bytes += text.size();
      ++articles;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(articles));
  state.SetLabel("clean+text, articles/s = items/s");
}
BENCHMARK(BM_CleanText)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace
}  // namespace newsgraph::bench
