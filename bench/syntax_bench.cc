// The syntax stage alone. BM_Syntax: UD tokenizing, tagging, lemmatizing and parsing the
// sentences of the synthetic corpus (already cleaned and split, outside the timing);
// BM_SyntaxTreebank: tagging + parsing the words of the EWT test set (real English, where
// ../shared/ud is present). Items are words, so items/s is words per second on one core
// (target: 150,000). BM_SyntaxLoad: reading the shipped model (target: under 0.5 s).
#include <benchmark/benchmark.h>

#include <filesystem>

#include "core/data.h"
#include "corpus.h"
#include "prepared.h"
#include "syntax/conllu.h"
#include "syntax/syntax.h"

namespace newsgraph::bench {
namespace {

const syntax::SyntaxModel* Model(benchmark::State& state) {
  auto m = syntax::SyntaxModel::Default();
  if (!m.ok()) {
    state.SkipWithError(m.status().message().c_str());
    return nullptr;
  }
  return *m;
}

void BM_Syntax(benchmark::State& state) {
  const syntax::SyntaxModel* model = Model(state);
  if (model == nullptr) return;
  static auto* corpus = new std::vector<Analysis>(PreparedCorpus(std::min<size_t>(CorpusBytes(), 4u << 20), false));
  size_t words = 0, bytes = 0;
  for (auto _ : state) {
    for (Analysis& a : *corpus) {
      model->Annotate(&a);
      words += a.words.size();
      bytes += a.body.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(words));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetLabel("items/s = words/s");
}
BENCHMARK(BM_Syntax)->Unit(benchmark::kMillisecond)->MinTime(1.0);

void BM_SyntaxTreebank(benchmark::State& state) {
  const syntax::SyntaxModel* model = Model(state);
  if (model == nullptr) return;
  std::string path = "../shared/ud/en_ewt/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(path)) path = "../" + path;
  auto gold = syntax::ReadConlluFile(path);
  if (!gold.ok()) {
    state.SkipWithError("EWT test set not found (../shared/ud)");
    return;
  }
  std::vector<std::vector<std::string_view>> sentences;
  for (const auto& s : *gold) {
    sentences.emplace_back();
    for (const auto& w : s.words) sentences.back().push_back(w.form);
  }
  syntax::SentenceSyntax out;
  size_t words = 0;
  for (auto _ : state) {
    for (const auto& forms : sentences) {
      model->AnalyzeSentence(forms, &out);
      words += forms.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(words));
  state.SetLabel("items/s = words/s (tag + lemma + parse)");
}
BENCHMARK(BM_SyntaxTreebank)->Unit(benchmark::kMillisecond)->MinTime(1.0);

void BM_SyntaxLoad(benchmark::State& state) {
  auto bytes = ReadDataFile("syntax/en.model");
  if (!bytes.ok()) {
    state.SkipWithError(bytes.status().message().c_str());
    return;
  }
  for (auto _ : state) {
    auto m = syntax::SyntaxModel::Deserialize(*bytes);
    benchmark::DoNotOptimize(m);
  }
  state.SetLabel("time = one model load");
}
BENCHMARK(BM_SyntaxLoad)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace newsgraph::bench
