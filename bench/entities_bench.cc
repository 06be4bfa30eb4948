// Entities stage: mention finding and resolution on segmented articles, excluding the
// cleaning and segmentation that precede it (measured in clean_text_bench.cc). Also the
// pathological inputs of issue 3: an all-capitals article, one long paragraph of
// capitalised words, and an article of 10,000 distinct names.
#include <benchmark/benchmark.h>

#include "clean/cleaner.h"
#include "corpus.h"
#include "entities/entities.h"
#include "ingest/plain_text.h"
#include "text/tokenizer.h"

namespace newsgraph::bench {
namespace {

std::vector<Analysis> Segmented(const std::vector<std::string>& texts) {
  auto cleaner = Cleaner::Create();
  std::vector<Analysis> out;
  for (const std::string& text : texts) {
    RawDocument doc;
    doc.bytes = text;
    auto article = ExtractPlainText(doc);
    Analysis a;
    (*cleaner)->Clean(*article, &a);
    text::Segment(&a);
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<Analysis>& Corpus() {
  static auto* corpus = new std::vector<Analysis>(Segmented(GenerateArticles(CorpusBytes())));
  return *corpus;
}

// Recognize() only replaces analysis->entities, so the same analyses serve every round.
void Run(benchmark::State& state, std::vector<Analysis>& corpus) {
  auto recognizer = EntityRecognizer::Create();
  if (!recognizer.ok()) {
    state.SkipWithError(recognizer.status().message().c_str());
    return;
  }
  size_t bytes = 0, articles = 0, entities = 0;
  for (auto _ : state) {
    for (Analysis& a : corpus) {
      (*recognizer)->Recognize(&a);
      entities += a.entities.size();
      bytes += a.body.size();
      ++articles;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(articles));
  state.counters["entities/article"] = articles ? static_cast<double>(entities) / articles : 0;
}

void BM_Entities(benchmark::State& state) {
  Run(state, Corpus());
  state.SetLabel("entities stage only, articles/s = items/s");
}
BENCHMARK(BM_Entities)->Unit(benchmark::kMillisecond)->MinTime(1.0);

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// Capitalised pseudo-words "Kavo Beltran Sumi ..." from a fixed generator.
std::string CapitalisedWords(size_t bytes, uint64_t seed, bool distinct_pairs) {
  static const char* kSyl[] = {"ka", "lo", "mer", "sun", "ti", "ra", "vo", "bel", "dan", "qui", "zo", "pe"};
  std::string out;
  uint64_t x = seed;
  size_t n = 0;
  while (out.size() < bytes) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    std::string w;
    int syl = 2 + static_cast<int>((x >> 60) % 2);
    for (int i = 0; i < syl; ++i) w += kSyl[(x >> (8 * i + 8)) % 12];
    if (distinct_pairs) w += std::to_string(n % 7919);  // unbounded variety of names
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    out += w;
    ++n;
    out += distinct_pairs && n % 2 == 0 ? " said. " : " ";
  }
  return out;
}

void BM_EntitiesAllCaps(benchmark::State& state) {
  std::vector<std::string> texts;
  for (const std::string& t : GenerateArticles(size_t{2} << 20, 7)) texts.push_back(Upper(t));
  static auto* corpus = new std::vector<Analysis>(Segmented(texts));
  Run(state, *corpus);
}
BENCHMARK(BM_EntitiesAllCaps)->Unit(benchmark::kMillisecond)->MinTime(0.5);

void BM_EntitiesCapitalisedParagraph(benchmark::State& state) {
  static auto* corpus =
      new std::vector<Analysis>(Segmented({"Headline\n" + CapitalisedWords(size_t{1} << 20, 3, false)}));
  Run(state, *corpus);
}
BENCHMARK(BM_EntitiesCapitalisedParagraph)->Unit(benchmark::kMillisecond)->MinTime(0.5);

void BM_EntitiesDistinctNames(benchmark::State& state) {
  // 10,000 two-word names, each followed by "said."
  static auto* corpus =
      new std::vector<Analysis>(Segmented({"Headline\n" + CapitalisedWords(10000 * 2 * 14, 5, true)}));
  Run(state, *corpus);
}
BENCHMARK(BM_EntitiesDistinctNames)->Unit(benchmark::kMillisecond)->MinTime(0.5);

}  // namespace
}  // namespace newsgraph::bench
