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

struct IngestCounts {
  size_t read = 0, inserted = 0, failed = 0;
};

using AnalysisSink = std::function<void(Analysis&&)>;
using ErrorSink = std::function<void(const Status&)>;

// Files named on the command line; directories are walked (sorted, hidden entries
// skipped) so that a corpus folder is one argument.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs, const ErrorSink& on_error) {
  std::vector<std::string> out;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in != "-" && std::filesystem::is_directory(in, ec)) {
      std::vector<std::string> files;
      auto it = std::filesystem::recursive_directory_iterator(
          in, std::filesystem::directory_options::skip_permission_denied, ec);
      for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->path().filename().string().starts_with(".")) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file()) files.push_back(it->path().string());
      }
      if (ec) on_error(Status::IoError(in + ": " + ec.message()));
      std::sort(files.begin(), files.end());
      out.insert(out.end(), files.begin(), files.end());
    } else {
      out.push_back(in);
    }
  }
  return out;
}

// Analysis contract JSON Lines (what `analyze --json` prints) as a stream of Analysis.
void ReadAnalysisLines(const std::vector<std::string>& files, const AnalysisSink& sink, const ErrorSink& on_error) {
  for (const std::string& path : files) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) {
        on_error(Status::NotFound(path + ": cannot open file"));
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
      if (!a.ok()) {
        on_error(Status::InvalidArgument(path + ":" + std::to_string(lineno) + ": " + a.status().message()));
        continue;
      }
      if (a->id.empty()) a->id = ArticleId(a->title, a->body);
      if (a->source.empty()) a->source = path + ":" + std::to_string(lineno);
      sink(std::move(a).value());
    }
  }
}

// Documents of every format the ingest stage reads, through the per-article pipeline on
// --workers threads (pipeline/parallel.h); analyses arrive here in input order.
Status ReadAnalyses(const IngestOptions& opt, const AnalysisSink& sink, const ErrorSink& on_error) {
  if (opt.analyses) {
    ReadAnalysisLines(ExpandInputs(opt.inputs, on_error), sink, on_error);
    return Status::Ok();
  }
  PipelineOptions po;
  if (Status s = ToPipelineOptions(opt.corpus, &po); !s.ok()) return s;
  AnalyzerOptions ao;
  ao.dictionaries_dir = opt.dictionaries;
  auto analyzer = Analyzer::Create(ao);
  if (!analyzer.ok()) return analyzer.status();
  RunPipeline(**analyzer, opt.inputs, po, sink, [&](const RecordError& e) { on_error(e.status); });
  return Status::Ok();
}

// Progress on a terminal: one line rewritten in place.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
  double Seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }
  void Update(const IngestCounts& c, bool final) {
    if (!enabled_) return;
    double s = Seconds();
    if (!final && s - last_ < 0.2) return;
    last_ = s;
    std::fprintf(stderr, "\r\033[Kingest: %zu read, %zu new, %zu already stored, %zu failed  %.0f articles/s", c.read,
                 c.inserted, c.read - c.inserted, c.failed, s > 0 ? c.read / s : 0.0);
    if (final) std::fputc('\n', stderr);
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  double last_ = -1;
};

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

// Stores a stream of analyses in batches of `batch_size` on a writer thread of its own, so
// that writing one batch overlaps the analysis (and the emitting, in input order) of the
// next: the stream calls the sink, which prepares the article (PrepareArticle: the
// store's work that needs no database) and hands a full batch over. At most two
// batches are held, the one being written and the one filling. After a failed write the
// rest of the stream is read but not stored. `on_batch` runs on the calling thread.
Status StoreAnalyses(Store* store, size_t batch_size, const std::function<Status(const AnalysisSink&)>& produce,
                     const std::function<void(size_t read, size_t inserted)>& on_batch) {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<PreparedArticle> queued;  // handed over, not yet taken by the writer
  bool has_queued = false, done = false;
  Status failure;
  std::atomic<size_t> inserted{0};
  std::thread writer([&] {
    std::vector<PreparedArticle> batch;
    while (true) {
      bool failed;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return has_queued || done; });
        if (!has_queued) return;
        batch = std::move(queued);
        queued.clear();
        has_queued = false;
        failed = !failure.ok();
      }
      cv.notify_all();
      if (failed) {
        batch.clear();
        continue;
      }
      size_t n = 0;
      Status s = store->PutPrepared(batch, &n);
      inserted += n;
      batch.clear();
      if (!s.ok()) {
        std::lock_guard<std::mutex> lock(mu);
        failure = s;
      }
    }
  });
  std::vector<PreparedArticle> batch;
  batch.reserve(batch_size);
  size_t read = 0;
  auto hand_over = [&] {
    if (batch.empty()) return;
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return !has_queued; });
    queued = std::move(batch);
    has_queued = true;
    batch = std::vector<PreparedArticle>();
    batch.reserve(batch_size);
    lock.unlock();
    cv.notify_all();
    on_batch(read, inserted);
  };
  Status s = produce([&](Analysis&& a) {
    ++read;
    batch.push_back(PrepareArticle(std::move(a)));
    if (batch.size() >= batch_size) hand_over();
  });
  hand_over();
  {
    std::lock_guard<std::mutex> lock(mu);
    done = true;
  }
  cv.notify_all();
  writer.join();
  on_batch(read, inserted);
  if (!s.ok()) return s;
  return failure;
}

namespace {

int RunIngest(const IngestOptions& opt) {
  auto store = Store::Open(opt.db);
  if (!store.ok()) {
    std::cerr << "newsgraph: " << store.status().message() << "\n";
    return kExitError;
  }
  IngestCounts counts;
  Progress progress(!opt.corpus.quiet && isatty(STDERR_FILENO));
  auto on_error = [&](const Status& s) {
    ++counts.failed;
    if (!opt.corpus.quiet)
      std::cerr << (isatty(STDERR_FILENO) ? "\r\033[K" : "") << "newsgraph: error: " << s.message() << "\n";
  };
  Status s = StoreAnalyses(
      store->get(), std::max<size_t>(1, opt.batch),
      [&](const AnalysisSink& sink) {
        return ReadAnalyses(
            opt, [&](Analysis&& a) { sink(std::move(a)); }, on_error);
      },
      [&](size_t read, size_t inserted) {
        counts.read = read;
        counts.inserted = inserted;
        progress.Update(counts, false);
      });
  progress.Update(counts, true);
  if (!s.ok()) {
    std::cerr << "newsgraph: " << s.message() << "\n";
    return kExitError;
  }
  size_t skipped = counts.read - counts.inserted;
  (void)(*store)->LogIngest(static_cast<int64_t>(counts.inserted), static_cast<int64_t>(skipped));
  // Files named on the command line are finished unless nothing could be read (what
  // failed was reported): a cluster driver skips them on a re-run. Then settle what a
  // killed concurrent writer left.
  if (counts.failed == 0 || counts.read > 0) {
    (void)(*store)->RecordInputs(FinishedFiles(opt.inputs, counts.read, counts.inserted, counts.failed));
  }
  (void)(*store)->SettleStories();
  double secs = progress.Seconds();
  std::printf("ingested %zu articles into %s: %zu new, %zu already stored, %zu failed (%.1f s, %.0f articles/s)\n",
              counts.read, opt.db.c_str(), counts.inserted, skipped, counts.failed, secs,
              secs > 0 ? counts.read / secs : 0.0);
  if (auto st = (*store)->Stats(); st.ok()) {
    std::printf("database: %lld articles, %lld stories, %lld entities, %lld quotes, %lld events (%lld reports)\n",
                static_cast<long long>(st->articles), static_cast<long long>(st->stories),
                static_cast<long long>(st->entities), static_cast<long long>(st->quotes),
                static_cast<long long>(st->events), static_cast<long long>(st->event_mentions));
  }
  if (counts.failed == 0) return kExitOk;
  return counts.read == 0 ? kExitError : kExitSomeFailed;
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
