#include "pipeline/analyzer.h"

#include <xxhash.h>

#include <cstdio>
#include <functional>

#include "ingest/deadline.h"
#include "ingest/extract.h"
#include "text/tokenizer.h"

namespace newsgraph {

std::string ArticleId(std::string_view title, std::string_view body) {
  XXH3_state_t* st = XXH3_createState();
  XXH3_64bits_reset(st);
  XXH3_64bits_update(st, title.data(), title.size());
  XXH3_64bits_update(st, "\n\n", 2);
  XXH3_64bits_update(st, body.data(), body.size());
  uint64_t h = XXH3_64bits_digest(st);
  XXH3_freeState(st);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

namespace {

Status PastTimeLimit(const std::string& where, std::chrono::milliseconds limit) {
  return Status::InvalidArgument((where.empty() ? std::string("input") : where) + ": " + DeadlineMessage(limit));
}

}  // namespace

StatusOr<std::unique_ptr<Analyzer>> Analyzer::Create(const AnalyzerOptions& options) {
  auto a = std::unique_ptr<Analyzer>(new Analyzer());
  a->options_ = options;
  auto cleaner = Cleaner::Create();
  if (!cleaner.ok()) return cleaner.status();
  a->cleaner_ = std::move(cleaner).value();
  auto entities = EntityRecognizer::Create();
  if (!entities.ok()) return entities.status();
  a->entities_ = std::move(entities).value();
  auto coref = CorefResolver::Create();
  if (!coref.ok()) return coref.status();
  a->coref_ = std::move(coref).value();
  auto quotes = QuoteFinder::Create();
  if (!quotes.ok()) return quotes.status();
  a->quotes_ = std::move(quotes).value();
  EventCoderOptions eo;
  eo.dictionaries_dir = options.dictionaries_dir;
  eo.rules_off = options.event_rules_off;
  auto events = EventCoder::Create(eo);
  if (!events.ok()) return events.status();
  a->events_ = std::move(events).value();
  auto tone = ToneScorer::Create();
  if (!tone.ok()) return tone.status();
  a->tone_ = std::move(tone).value();
  if (options.syntax) {
    auto syntax = syntax::SyntaxModel::Default();
    if (!syntax.ok()) return syntax.status();
    a->syntax_ = *syntax;
  }
  return a;
}

StatusOr<Analysis> Analyzer::Analyze(const RawDocument& doc) const {
  ScopedDeadline deadline(Deadline::After(options_.record_time_limit));
  std::string where = doc.source.empty() ? std::string("input") : doc.source;
  const RawDocument* input = &doc;
  RawDocument head;
  if (doc.bytes.size() > options_.max_document_bytes) {
    head = doc;
    size_t cut = options_.max_document_bytes;
    while (cut > 0 && (static_cast<unsigned char>(head.bytes[cut]) & 0xC0) == 0x80) --cut;  // not mid-character
    head.bytes.resize(cut);
    input = &head;
  }
  auto article = Extract(*input);
  if (CurrentDeadline().expired()) return PastTimeLimit(where, options_.record_time_limit);
  if (!article.ok()) return article.status();
  if (input == &head) {
    article->warnings.push_back(where + ": " + std::to_string(doc.bytes.size()) + " bytes, only the first " +
                                std::to_string(head.bytes.size()) + " analyzed (limit per document)");
  }
  return RunStages(*article, where, true);
}

Analysis Analyzer::AnalyzeArticle(const Article& article) const {
  return std::move(RunStages(article, article.source, false).value());
}

StatusOr<Analysis> Analyzer::RunStages(const Article& article, const std::string& where, bool bounded) const {
  Analysis a;
  const std::function<void()> stages[] = {
      [&] {
        cleaner_->Clean(article, &a);
        a.id = ArticleId(a.title, a.body);
      },
      [&] { text::Segment(&a); },
      [&] {
        if (syntax_ != nullptr) syntax_->Annotate(&a);
      },
      [&] { entities_->Recognize(&a); },
      [&] { coref_->Resolve(&a); },
      [&] { quotes_->Find(&a); },
      [&] { events_->Code(&a); },
      [&] { tone_->Score(&a); },
  };
  for (const auto& stage : stages) {
    if (bounded && CurrentDeadline().expired()) return PastTimeLimit(where, options_.record_time_limit);
    stage();
  }
  return a;
}

}  // namespace newsgraph
