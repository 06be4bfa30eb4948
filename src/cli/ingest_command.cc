// newsgraph ingest PATH... --db DB: a corpus into the knowledge base, idempotently.
//
// Reading and analysing (ReadAnalyses: the parallel pipeline, analyses in input order)
// is kept apart from storing (StoreAnalyses, which takes a stream of Analysis and writes
// it on a thread of its own), so the writer overlaps the analysis of the next articles. Articles are written in batched
// transactions: a crash or kill loses at most the batch in flight, and a re-run skips what is stored and completes it.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <unordered_set>

#include "cli/command.h"
#include "cli/input.h"
#include "core/json.h"
#include "pipeline/analyzer.h"
#include "pipeline/parallel.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

struct IngestOptions {
  std::vector<std::string> inputs;
  std::string db = "newsgraph.db";
  std::string dictionaries;
  size_t batch = 256;
  bool analyses = false;  // inputs are JSON Lines of the analysis contract
  CorpusFlags corpus;     // --workers, --shard, --field, --quiet
};

using AnalysisSink = std::function<void(Analysis&&)>;
using ErrorSink = std::function<void(const RecordError&)>;

// Analysis contract JSON Lines (what `analyze --json` prints) as a stream of Analysis.
void ReadAnalysisLines(const std::vector<std::string>& inputs, const AnalysisSink& sink, const ErrorSink& on_error) {
  std::vector<RecordError> errors;
  std::vector<std::string> files = newsgraph::ExpandInputs(inputs, &errors);
  for (const RecordError& e : errors) on_error(e);
  for (const std::string& path : files) {
    std::string name = path == "-" ? "<stdin>" : PrintablePath(path);
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) {
        on_error({name, 0, Status::NotFound(name + ": cannot open file")});
        continue;
      }
      in = &file;
    }
    std::string line;
    size_t lineno = 0;
    while (std::getline(*in, line)) {
      ++lineno;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      auto a = j.is_discarded() ? StatusOr<Analysis>(Status::InvalidArgument("not JSON")) : AnalysisFromJson(j);
      std::string where = name + ":" + std::to_string(lineno);
      if (!a.ok()) {
        on_error({name, lineno, Status::InvalidArgument(where + ": " + a.status().message())});
        continue;
      }
      if (a->id.empty()) a->id = ArticleId(a->title, a->body);
      if (a->source.empty()) a->source = where;
      sink(std::move(a).value());
    }
  }
}

// Documents of every format the ingest stage reads, through the per-article pipeline on
// --workers threads (pipeline/parallel.h); analyses arrive here in input order.
Status ReadAnalyses(const IngestOptions& opt, PipelineOptions po, const AnalysisSink& sink, const ErrorSink& on_error,
                    PipelineProgress* progress) {
  if (opt.analyses) {
    ReadAnalysisLines(opt.inputs, sink, on_error);
    return Status::Ok();
  }
  AnalyzerOptions ao;
  ao.dictionaries_dir = opt.dictionaries;
  ToAnalyzerOptions(opt.corpus, &ao);
  auto analyzer = Analyzer::Create(ao);
  if (!analyzer.ok()) return analyzer.status();
  RunPipeline(**analyzer, opt.inputs, po, sink, on_error, progress);
  return Status::Ok();
}

// The regular files among `inputs`, as Store::RecordInputs takes them.
std::vector<InputFile> FinishedFiles(const std::vector<std::string>& inputs, size_t read, size_t inserted,
                                     size_t failed) {
  std::vector<InputFile> out;
  for (const std::string& path : inputs) {
    std::error_code ec;
    if (path == "-" || !std::filesystem::is_regular_file(path, ec)) continue;
    auto bytes = static_cast<int64_t>(std::filesystem::file_size(path, ec));
    if (ec) continue;
    out.push_back(InputFile{path, bytes, static_cast<int64_t>(read), static_cast<int64_t>(inserted),
                            static_cast<int64_t>(failed), ""});
  }
  return out;
}

}  // namespace

// What the writer has done so far; read from any thread.
struct StoreCounts {
  std::atomic<size_t> read{0};      // analyses handed over
  std::atomic<size_t> written{0};   // of them, in batches the store committed
  std::atomic<size_t> inserted{0};  // of those, new to the database
  std::atomic<size_t> repeated{0};  // of those, copies of an article met earlier in this run
  std::atomic<bool> write_failed{false};
};

// Stores a stream of analyses in batches of `batch_size` on a writer thread of its own, so
// that writing one batch overlaps the analysis (and the emitting, in input order) of the
// next: the stream calls the sink, which prepares the article (PrepareArticle: the
// store's work that needs no database) and hands a full batch over. At most two
// batches are held, the one being written and the one filling. After a failed write
// nothing more is stored (counts->write_failed tells the producer to stop) and the failure
// is returned.
Status StoreAnalyses(Store* store, size_t batch_size, const std::function<Status(const AnalysisSink&)>& produce,
                     StoreCounts* counts) {
  struct Batch {
    std::vector<PreparedArticle> articles;
    size_t repeated = 0;
  };
  std::mutex mu;
  std::condition_variable cv;
  Batch queued;  // handed over, not yet taken by the writer
  bool has_queued = false, done = false;
  Status failure;
  std::thread writer([&] {
    Batch batch;
    while (true) {
      bool failed;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return has_queued || done; });
        if (!has_queued) return;
        batch = std::move(queued);
        queued = Batch();
        has_queued = false;
        failed = !failure.ok();
      }
      cv.notify_all();
      if (failed) continue;
      size_t n = 0;
      Status s = store->PutPrepared(batch.articles, &n);
      counts->inserted += n;
      if (s.ok()) {
        counts->written += batch.articles.size();
        counts->repeated += batch.repeated;
      } else {
        std::lock_guard<std::mutex> lock(mu);
        failure = s;
        counts->write_failed = true;
      }
    }
  });
  Batch batch;
  std::unordered_set<std::string> seen;  // article ids of this run
  auto hand_over = [&] {
    if (batch.articles.empty()) return;
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return !has_queued; });
    queued = std::move(batch);
    has_queued = true;
    batch = Batch();
    lock.unlock();
    cv.notify_all();
  };
  Status s = produce([&](Analysis&& a) {
    if (!seen.insert(a.id).second) ++batch.repeated;
    batch.articles.push_back(PrepareArticle(std::move(a)));
    ++counts->read;
    if (batch.articles.size() >= batch_size) hand_over();
  });
  hand_over();
  {
    std::lock_guard<std::mutex> lock(mu);
    done = true;
  }
  cv.notify_all();
  writer.join();
  if (!s.ok()) return s;
  return failure;
}

namespace {

// "1234 new, 56 already stored, 7 repeated in the input, 2 failed, 3 skipped": "already stored"
// counts only articles stored before this run; zero repeats and skips are left out.
std::string CountsText(const StoreCounts& c, uint64_t failed, uint64_t skipped) {
  size_t written = c.written, inserted = c.inserted, repeated = c.repeated;
  std::string out =
      std::to_string(inserted) + " new, " + std::to_string(written - inserted - repeated) + " already stored";
  if (repeated > 0) out += ", " + std::to_string(repeated) + " repeated in the input";
  out += ", " + std::to_string(failed) + " failed";
  if (skipped > 0) out += ", " + std::to_string(skipped) + " skipped";
  return out;
}

int RunIngest(const IngestOptions& opt) {
  PipelineOptions po;
  if (Status s = ToPipelineOptions(opt.corpus, &po); !s.ok()) {
    std::cerr << "newsgraph: " << s.message() << "\n";
    return kExitUsage;
  }
  auto store = Store::Open(opt.db);
  if (!store.ok()) {
    std::cerr << "newsgraph: " << store.status().message() << "\n";
    return kExitError;
  }
  StoreCounts counts;
  PipelineProgress progress;
  std::atomic<uint64_t> failed{0}, skipped{0};  // --analyses lines are counted here too
  ProgressBar bar(&progress, !opt.corpus.quiet);
  auto tick = [&] { bar.Tick(counts.read, CountsText(counts, failed, skipped)); };
  po.on_tick = tick;
  po.stop = [&] { return counts.write_failed.load(); };  // a full disk: stop reading
  auto on_error = [&](const RecordError& e) {
    ++(e.skipped ? skipped : failed);
    if (opt.corpus.quiet) return;
    bar.Clear();
    std::cerr << "newsgraph: " << (e.skipped ? "skipped: " : "error: ") << e.status.message() << "\n";
  };
  auto start = std::chrono::steady_clock::now();
  Status s = StoreAnalyses(
      store->get(), std::max<size_t>(1, opt.batch),
      [&](const AnalysisSink& sink) {
        return ReadAnalyses(
            opt, po,
            [&](Analysis&& a) {
              sink(std::move(a));
              tick();
            },
            on_error, &progress);
      },
      &counts);
  bar.Finish();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  bool write_failed = !s.ok();
  if (write_failed) std::cerr << "newsgraph: error: " << s.message() << "\n";
  size_t read = counts.read, written = counts.written;
  size_t already = written - counts.inserted - counts.repeated;
  if (!write_failed) (void)(*store)->LogIngest(static_cast<int64_t>(counts.inserted), static_cast<int64_t>(already));
  std::printf("ingested %zu articles into %s: %s (%.1f s, %.0f articles/s)\n", read, opt.db.c_str(),
              CountsText(counts, failed, skipped).c_str(), secs, secs > 0 ? read / secs : 0.0);
  if (write_failed) {
    std::printf(
        "not stored: %zu articles (the database write failed; the rest of the input was not read; a re-run "
        "stores what is missing)\n",
        read - written);
  }
  // Files named on the command line are finished unless nothing could be read (what
  // failed was reported): a cluster driver skips them on a re-run. Then settle what a
  // killed concurrent writer left.
  if (!write_failed && (failed == 0 || read > 0)) {
    (void)(*store)->RecordInputs(FinishedFiles(opt.inputs, read, counts.inserted, failed));
  }
  if (!write_failed) (void)(*store)->SettleStories();
  if (auto st = (*store)->Stats(); st.ok()) {
    std::printf("database: %lld articles, %lld stories, %lld entities, %lld quotes, %lld events (%lld reports)\n",
                static_cast<long long>(st->articles), static_cast<long long>(st->stories),
                static_cast<long long>(st->entities), static_cast<long long>(st->quotes),
                static_cast<long long>(st->events), static_cast<long long>(st->event_mentions));
  }
  std::fflush(stdout);
  if (failed == 0 && !write_failed) {
    if (read > 0 || skipped == 0) return kExitOk;
    std::cerr << "newsgraph: no articles found in the input\n";
    return kExitError;
  }
  return read == 0 || (write_failed && written == 0) ? kExitError : kExitSomeFailed;
}

CommandRunner SetupIngest(CLI::App* app) {
  auto opt = std::make_shared<IngestOptions>();
  app->add_option("inputs", opt->inputs,
                  "article files (text, HTML, JSON Lines, feeds, WARC), folders, globs, or - for standard input")
      ->required();
  app->add_option("--db", opt->db, "database: a SQLite file (default newsgraph.db) or a postgresql:// URL");
  app->add_option("--batch", opt->batch, "articles per transaction (default 256)");
  app->add_flag("--analyses", opt->analyses,
                "inputs are JSON Lines of analyses (the output of analyze --json), stored as they are");
  app->add_option("--dictionaries", opt->dictionaries,
                  "folder of PETRARCH/TABARI dictionaries to load in addition to newsgraph's own");
  AddCorpusFlags(app, &opt->corpus);
  return [opt] { return RunIngest(*opt); };
}

const bool kRegistered = RegisterCommand(
    "ingest", "analyze articles and store them (idempotent): --db FILE or postgresql:// URL", SetupIngest);

}  // namespace
}  // namespace newsgraph::cli
