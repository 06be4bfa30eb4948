// The whole per-article pipeline: extract → clean → text → syntax → entities → coreference →
// quotes → events → tone. One Analyzer holds every stage's loaded data; it is immutable after Create and
// safe to share between worker threads.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "clean/cleaner.h"
#include "core/analysis.h"
#include "core/status.h"
#include "entities/entities.h"
#include "mentions/coref.h"
#include "events/events.h"
#include "ingest/document.h"
#include "quotes/quotes.h"
#include "syntax/syntax.h"
#include "tone/tone.h"

namespace newsgraph {

struct AnalyzerOptions {
  std::string dictionaries_dir;  // PETRARCH dictionaries for the event coder; empty: none
  std::vector<std::string> event_rules_off;  // event coder rules not to apply (events.h kEventRuleNames)
  // Input beyond this many bytes is dropped with a warning, so one runaway record (a log
  // file, a dump) cannot take unbounded memory. News articles are far smaller.
  size_t max_document_bytes = 16u << 20;
  // Run the syntax stage (UD words, tags, lemmas, dependency trees: Analysis::words), which
  // the mention, quote and event stages read. Off only for callers that need none of them.
  bool syntax = true;
  // Time limit per document (0: none). A document still being analyzed when it passes fails
  // with an error (ingest/deadline.h: checked by the HTML parser and between stages), so a
  // hostile page cannot hold a worker. A 16 MB article takes about 3 s.
  std::chrono::milliseconds record_time_limit{30000};
};

class Analyzer {
 public:
  static StatusOr<std::unique_ptr<Analyzer>> Create(const AnalyzerOptions& options = {});

  // Extracts and analyzes one raw document. Errors: empty, binary, unreadable input.
  [[nodiscard]] StatusOr<Analysis> Analyze(const RawDocument& doc) const;
  // Analyzes an already extracted article.
  Analysis AnalyzeArticle(const Article& article) const;

 private:
  // The stages after extraction; when `bounded`, gives up between stages once the thread's
  // deadline has passed.
  StatusOr<Analysis> RunStages(const Article& article, const std::string& where, bool bounded) const;

  AnalyzerOptions options_;
  std::unique_ptr<Cleaner> cleaner_;
  std::unique_ptr<EntityRecognizer> entities_;
  std::unique_ptr<CorefResolver> coref_;
  std::unique_ptr<QuoteFinder> quotes_;
  std::unique_ptr<EventCoder> events_;
  std::unique_ptr<ToneScorer> tone_;
  const syntax::SyntaxModel* syntax_ = nullptr;  // process-wide, never freed
};

// Stable article id: 16 hex digits of XXH3-64 over the cleaned title and body.
std::string ArticleId(std::string_view title, std::string_view body);

}  // namespace newsgraph
