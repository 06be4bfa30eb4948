// Reading the inputs named on a command line: files, directories (recursive), glob
// patterns and "-" (standard input), every format the ingest stage knows (see
// ingest/reader.h), plus the command-line options shared by the corpus commands
// (--workers, --shard K/N, --field, --quiet) and the progress bar they show on a terminal.
#pragma once

#include <CLI/CLI.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/document.h"
#include "ingest/reader.h"
#include "pipeline/analyzer.h"
#include "pipeline/parallel.h"

namespace newsgraph::cli {

// Calls `fn` for every document found in `inputs`, in order (single-threaded). A record
// that cannot be read is reported through `on_error` and the run goes on. Returns the
// number of errors.
size_t ForEachInputDocument(const std::vector<std::string>& inputs, const std::function<void(RawDocument&&)>& fn,
                            const std::function<void(const Status&)>& on_error,
                            const ReaderOptions& options = ReaderOptions());

// The corpus options every command that reads many records offers.
struct CorpusFlags {
  unsigned workers = 0;
  std::string shard;                // "K/N"
  std::vector<std::string> fields;  // "text=story"
  bool quiet = false;
  double max_record_mb = 50;
  double record_timeout = 30;  // seconds per record; 0: none
};
void AddCorpusFlags(CLI::App* app, CorpusFlags* flags);
// Fills pipeline options from the flags. Errors: a bad --shard or --field.
[[nodiscard]] Status ToPipelineOptions(const CorpusFlags& flags, PipelineOptions* options);
// The analyzer's share of the flags (the time limit per record).
void ToAnalyzerOptions(const CorpusFlags& flags, AnalyzerOptions* options);

// A progress line on stderr, redrawn in place, only when stderr is a terminal and not
// --quiet: a bar with the percentage of the input read (when its size is known: regular
// files), the articles done, their rate, the time left and the caller's counts, cut to
// the terminal's width so that it never wraps. Messages printed meanwhile call Clear()
// first. Not thread-safe: call it from one thread.
class ProgressBar {
 public:
  ProgressBar(const PipelineProgress* progress, bool enabled);
  // Redraws (at most five times a second) with `done` articles and `counts` ("12 new, ...").
  void Tick(uint64_t done, std::string_view counts);
  // The same with the pipeline's own counts (articles analyzed, records failed).
  void Tick();
  void Clear();   // erases the line (before a message)
  void Finish();  // erases the line for good
  bool enabled() const { return enabled_; }

  // The line for a terminal `width` columns wide (exposed for tests).
  static std::string Line(uint64_t done, uint64_t bytes, uint64_t total, double secs, std::string_view counts,
                          size_t width);

 private:
  const PipelineProgress* progress_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  double last_draw_ = -1;
  bool drawn_ = false;
};

}  // namespace newsgraph::cli
