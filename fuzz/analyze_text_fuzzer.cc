// libFuzzer target: arbitrary bytes as a plain-text article through the whole per-article
// pipeline (extract, clean, text, entities, quotes, events, tone). Checks that every span
// the analysis reports lies inside the body.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "pipeline/analyzer.h"

namespace {

const newsgraph::Analyzer& GetAnalyzer() {
  static const newsgraph::Analyzer* analyzer = [] {
    auto a = newsgraph::Analyzer::Create();
    if (!a.ok()) std::abort();
    return std::move(a).value().release();
  }();
  return *analyzer;
}

void CheckSpan(const newsgraph::Analysis& a, newsgraph::Span s) {
  if (s.start > s.end || s.end > a.body.size()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsgraph::RawDocument doc;
  doc.bytes.assign(reinterpret_cast<const char*>(data), size);
  doc.media_type = "text/plain";
  auto analysis = GetAnalyzer().Analyze(doc);
  if (!analysis.ok()) return 0;
  const newsgraph::Analysis& a = *analysis;
  for (const auto& s : a.sentences) CheckSpan(a, s.span);
  for (const auto& t : a.tokens) CheckSpan(a, t.span);
  for (const auto& e : a.entities) {
    for (auto m : e.mentions) CheckSpan(a, m);
  }
  for (const auto& q : a.quotes) CheckSpan(a, q.span);
  return 0;
}
