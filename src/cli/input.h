// Reading the inputs named on a command line: files, directories (recursive), glob
// patterns and "-" (standard input), every format the ingest stage knows (see
// ingest/reader.h), plus the command-line options shared by the corpus commands
// (--workers, --shard K/N, --field, --quiet) and the progress bar they show on a terminal.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/document.h"
#include "ingest/reader.h"
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
};
void AddCorpusFlags(CLI::App* app, CorpusFlags* flags);
// Fills pipeline options from the flags. Errors: a bad --shard or --field.
[[nodiscard]] Status ToPipelineOptions(const CorpusFlags& flags, PipelineOptions* options);

// A progress line on stderr (only when stderr is a terminal and not --quiet): records,
// articles/s, MB/s, errors and, when the input size is known, percent and ETA.
class ProgressBar {
 public:
  ProgressBar(const PipelineProgress* progress, bool enabled);
  void Tick();
  void Finish();  // clears the line
  bool enabled() const { return enabled_; }

 private:
  const PipelineProgress* progress_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  bool drawn_ = false;
};

}  // namespace newsgraph::cli
