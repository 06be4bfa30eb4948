// The corpus pipeline: one reader thread turns the inputs into documents (ingest/reader.h),
// N worker threads analyze them, and the calling thread receives the results in input
// order. Memory is bounded by a window of records in flight (read, queued, being analyzed
// or waiting for their turn to be emitted), so it does not grow with the corpus.
//
//   PipelineOptions options;            // workers: all cores; --shard, --field via options.reader
//   PipelineStats stats = RunPipeline(analyzer, {"crawl/", "feed.xml"}, options,
//       [&](Analysis&& a) { store.Put(a); },
//       [&](const RecordError& e) { std::cerr << e.status.message() << "\n"; });
//
// Callbacks run on the calling thread, one at a time, in input order; they may block (a
// slow consumer slows the reader down rather than filling memory).
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "ingest/reader.h"
#include "pipeline/analyzer.h"

namespace newsgraph {

struct PipelineOptions {
  unsigned workers = 0;  // 0: one per hardware thread
  size_t window = 0;     // records in flight; 0: 16 per worker
  ReaderOptions reader;
  // Called on the calling thread about every `tick` while the pipeline runs (progress bars).
  std::function<void()> on_tick;
  std::chrono::milliseconds tick{250};
  // Polled by the reader before each record (any thread); true stops reading: what is in
  // flight is still emitted, then RunPipeline returns (a consumer that can store no more).
  std::function<bool()> stop;
};

struct PipelineProgress : ReaderProgress {
  std::atomic<uint64_t> analyzed{0};  // documents analyzed successfully (emitted)
  std::atomic<uint64_t> failed{0};    // records that failed (emitted)
  std::atomic<uint64_t> skipped{0};   // inputs that are not articles (emitted, RecordError::skipped)
};

struct PipelineStats {
  uint64_t analyzed = 0;
  uint64_t failed = 0;   // not counting the skipped
  uint64_t skipped = 0;  // not articles (README, CSV, PDF, ...): reported through on_error
};

// Per-document work: a document in, an analysis (or the reason there is none) out. Must be
// safe to call from several threads at once.
using ProcessFn = std::function<StatusOr<Analysis>(const RawDocument&)>;

// Reads `inputs` (files, directories, globs, "-"), runs `process` on every document of this
// shard with options.workers threads, and calls `on_result` / `on_error` in input order.
PipelineStats RunPipeline(const std::vector<std::string>& inputs, const PipelineOptions& options,
                          const ProcessFn& process, const std::function<void(Analysis&&)>& on_result,
                          const std::function<void(const RecordError&)>& on_error,
                          PipelineProgress* progress = nullptr);

// The same with the whole per-article pipeline of `analyzer` as the work.
PipelineStats RunPipeline(const Analyzer& analyzer, const std::vector<std::string>& inputs,
                          const PipelineOptions& options, const std::function<void(Analysis&&)>& on_analysis,
                          const std::function<void(const RecordError&)>& on_error,
                          PipelineProgress* progress = nullptr);

}  // namespace newsgraph
