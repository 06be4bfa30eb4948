// Knowledge-base benchmarks (issue 7):
//   BM_IngestSqlite      5 KB articles through every stage and into SQLite (batches of 256)
//   BM_PutSqlite         the store alone: analyses already made, into SQLite
//   BM_ClusterStories    incremental MinHash/LSH story clustering of 100,000 articles
//   BM_SearchSqlite      full-text search latency (p50/p95) on a 100,000-article database
// NEWSGRAPH_BENCH_STORE_ARTICLES overrides the 100,000 of the last two (smaller: faster).
// The search database is built once and kept in the temp folder between runs.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>

#include "corpus.h"
#include "latency.h"
#include "pipeline/analyzer.h"
#include "store/store.h"
#include "stories/dupe_corpus.h"
#include "stories/story_index.h"

namespace newsgraph::bench {
namespace {

size_t StoreArticles() {
  const char* env = std::getenv("NEWSGRAPH_BENCH_STORE_ARTICLES");
  return env ? std::strtoull(env, nullptr, 10) : 100000;
}

const std::vector<std::string>& Corpus() {
  static const auto* corpus = new std::vector<std::string>(GenerateArticles(CorpusBytes()));
  return *corpus;
}

std::string TempDb(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("newsgraph_bench_" + std::to_string(getpid()) + "_" + name))
      .string();
}

void RemoveDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

void BM_IngestSqlite(benchmark::State& state) {
  auto analyzer = Analyzer::Create();
  if (!analyzer.ok()) return state.SkipWithError(analyzer.status().message().c_str());
  const auto& corpus = Corpus();
  size_t bytes = 0, articles = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string path = TempDb("ingest.db");
    RemoveDb(path);
    auto store = Store::Open(path);
    if (!store.ok()) return state.SkipWithError(store.status().message().c_str());
    state.ResumeTiming();
    std::vector<Analysis> batch;
    for (const std::string& text : corpus) {
      RawDocument doc;
      doc.bytes = text;
      doc.media_type = "text/plain";
      auto a = (*analyzer)->Analyze(doc);
      if (!a.ok()) continue;
      batch.push_back(std::move(a).value());
      if (batch.size() == 256) {
        size_t n = 0;
        if (!(*store)->Put(batch, &n).ok()) return state.SkipWithError("put failed");
        batch.clear();
      }
      bytes += text.size();
      ++articles;
    }
    size_t n = 0;
    if (!(*store)->Put(batch, &n).ok()) return state.SkipWithError("put failed");
    state.PauseTiming();
    store->reset();
    RemoveDb(path);
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(articles));
  state.SetLabel("all stages + SQLite, articles/s = items/s");
}
BENCHMARK(BM_IngestSqlite)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_PutSqlite(benchmark::State& state) {
  auto analyzer = Analyzer::Create();
  if (!analyzer.ok()) return state.SkipWithError(analyzer.status().message().c_str());
  std::vector<Analysis> analyses;
  size_t bytes = 0;
  for (const std::string& text : Corpus()) {
    RawDocument doc;
    doc.bytes = text;
    doc.media_type = "text/plain";
    if (auto a = (*analyzer)->Analyze(doc); a.ok()) analyses.push_back(std::move(a).value());
    bytes += text.size();
  }
  std::vector<std::vector<Analysis>> batches;
  for (size_t i = 0; i < analyses.size(); i += 256) {
    batches.emplace_back(analyses.begin() + static_cast<long>(i),
                         analyses.begin() + static_cast<long>(std::min(analyses.size(), i + 256)));
  }
  for (auto _ : state) {
    state.PauseTiming();
    std::string path = TempDb("put.db");
    RemoveDb(path);
    auto store = Store::Open(path);
    if (!store.ok()) return state.SkipWithError(store.status().message().c_str());
    state.ResumeTiming();
    for (const std::vector<Analysis>& batch : batches) {
      size_t n = 0;
      if (!(*store)->Put(batch, &n).ok()) return state.SkipWithError("put failed");
    }
    state.PauseTiming();
    store->reset();
    RemoveDb(path);
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes * state.iterations()));
  state.SetItemsProcessed(static_cast<int64_t>(analyses.size() * state.iterations()));
  state.SetLabel("store only, articles/s = items/s");
}
BENCHMARK(BM_PutSqlite)->Unit(benchmark::kMillisecond)->Iterations(1);

// The generated near-duplicate corpus in chunks of about 3,000 articles (5 KB each), so
// that the text of 100,000 articles is never held at once.
template <typename Fn>
void ForEachDupeChunk(size_t total, Fn&& fn) {
  size_t done = 0;
  for (uint64_t chunk = 0; done < total; ++chunk) {
    stories::DupeCorpusOptions o;
    o.originals = 1000;
    o.paragraphs = 16;
    o.seed = 1000 + chunk;
    std::vector<stories::DupeArticle> articles = stories::GenerateDupeCorpus(o);
    if (articles.size() > total - done) articles.resize(total - done);
    for (auto& a : articles) a.id = std::to_string(chunk) + "/" + a.id;
    done += articles.size();
    fn(articles);
  }
}

void BM_ClusterStories(benchmark::State& state) {
  size_t total = StoreArticles(), bytes = 0;
  double precision = 0, recall = 0;
  for (auto _ : state) {
    stories::StoryIndex index;
    std::vector<stories::DupeArticle> all;  // ids and groups only, for scoring
    std::vector<std::string> labels;
    ForEachDupeChunk(total, [&](std::vector<stories::DupeArticle>& chunk) {
      for (auto& a : chunk) {
        labels.push_back(index.Add(a.id, a.body));
        bytes += a.body.size();
        a.body.clear();
        a.body.shrink_to_fit();
        a.group += static_cast<int>(all.size());  // groups are per chunk; keep them apart
        all.push_back(std::move(a));
      }
    });
    state.PauseTiming();
    // Groups were offset by the running size, so one group's articles may carry different
    // offsets; recompute from ids (chunk/gN-...).
    for (auto& a : all) a.group = static_cast<int>(std::hash<std::string>{}(a.id.substr(0, a.id.find('-'))));
    for (size_t i = 0; i < labels.size(); ++i) labels[i] = index.StoryOf(i);  // final stories
    stories::PairScores s = stories::ScorePairs(all, labels);
    precision = s.precision;
    recall = s.recall;
    state.ResumeTiming();
  }
  state.counters["articles"] = static_cast<double>(total);
  state.counters["precision"] = precision;
  state.counters["recall"] = recall;
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(total * state.iterations()));
  state.SetLabel("MinHash/LSH, incl. generating the text");
}
BENCHMARK(BM_ClusterStories)->Unit(benchmark::kMillisecond)->Iterations(1);

// A database of StoreArticles() generated articles (store only: title and body), built once.
StatusOr<std::string> SearchDb(std::vector<std::string>* queries) {
  size_t total = StoreArticles();
  std::string path =
      (std::filesystem::temp_directory_path() / ("newsgraph_bench_search_" + std::to_string(total) + ".db")).string();
  std::string done = path + ".complete";
  std::mt19937_64 rng(5);
  std::vector<std::string> names;
  bool build = !std::filesystem::exists(done);
  if (build) RemoveDb(path);
  auto store = Store::Open(path);
  if (!store.ok()) return store.status();
  ForEachDupeChunk(total, [&](std::vector<stories::DupeArticle>& chunk) {
    // Queries as people type them into a news search: a person's full name (the first two
    // words of a title), the family name alone, and the name with a word of the body.
    for (int i = 0; i < 12; ++i) {
      const auto& a = chunk[rng() % chunk.size()];
      size_t sp1 = a.title.find(' '), sp2 = a.title.find(' ', sp1 + 1);
      std::string full = a.title.substr(0, sp2), family = a.title.substr(sp1 + 1, sp2 - sp1 - 1);
      size_t at = a.body.find(' ', rng() % (a.body.size() / 2));
      std::string word = a.body.substr(at + 1, a.body.find(' ', at + 1) - at - 1);
      names.push_back("\"" + full + "\"");
      names.push_back(family);
      names.push_back(full + " " + word);
    }
    if (!build) return;
    std::vector<Analysis> batch;
    for (const auto& d : chunk) {
      Analysis a;
      a.id = d.id;
      a.title = d.title;
      a.body = d.body;
      a.published = "2024-01-01";
      batch.push_back(std::move(a));
      if (batch.size() == 512) {
        size_t n;
        (void)(*store)->Put(batch, &n);
        batch.clear();
      }
    }
    size_t n;
    (void)(*store)->Put(batch, &n);
  });
  if (build) std::ofstream(done) << "ok\n";
  std::shuffle(names.begin(), names.end(), rng);
  names.resize(std::min<size_t>(names.size(), 400));
  *queries = std::move(names);
  return path;
}

void BM_SearchSqlite(benchmark::State& state) {
  std::vector<std::string> queries;
  auto path = SearchDb(&queries);
  if (!path.ok()) return state.SkipWithError(path.status().message().c_str());
  auto store = Store::Open(*path);
  if (!store.ok()) return state.SkipWithError(store.status().message().c_str());
  bool facets = state.range(0) != 0;
  Latencies latencies;
  int64_t hits = 0;
  for (auto _ : state) {
    for (const std::string& text : queries) {
      SearchQuery q;
      q.text = text;
      q.facets = facets;
      auto r = latencies.Time([&] { return (*store)->Search(q); });
      if (r.ok()) hits += r->total;
    }
  }
  latencies.Report(state);
  state.counters["mean_matches"] = static_cast<double>(hits) / static_cast<double>(latencies.count());
  state.counters["articles"] = static_cast<double>(StoreArticles());
  state.SetItemsProcessed(static_cast<int64_t>(latencies.count()));
  state.SetLabel(facets ? "queries/s = items/s, with facets" : "queries/s = items/s, top 20 with snippets");
}
BENCHMARK(BM_SearchSqlite)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace newsgraph::bench
