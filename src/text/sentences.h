// Sentence splitting for news English. A boundary is a '.', '!', '?' or ellipsis, with any
// closing quotes and brackets after it, followed by space and a sentence opener (upper case
// letter, digit, or an opening quote/bracket before one). Abbreviations come from
// data/text/abbreviations.tsv: titles ("Gen.", "Dr.") never end a sentence, initials
// ("Amara J. Okafor") never do, and abbreviations that can ("U.S.", "Corp.", "Jan.") end
// one only before a capitalised word that is not a usual continuation ("U.S. President").
// Linear in the input; paragraphs (lines) are split independently by the caller.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/analysis.h"
#include "core/status.h"

namespace newsgraph::text {

class SentenceSplitter {
 public:
  // Loads the abbreviation table from data/.
  static StatusOr<std::unique_ptr<SentenceSplitter>> Create();
  // The process-wide splitter built from the embedded data (thread-safe, never null).
  static const SentenceSplitter& Default();

  // Sentence spans of `text`, relative to its start, trimmed of surrounding space.
  std::vector<Span> Split(std::string_view text) const;

 private:
  enum class AbbrevClass { kTitle, kNever, kFinal };
  std::unordered_map<std::string, AbbrevClass> abbrevs_;
  std::unordered_set<std::string> continuations_;
  std::unordered_set<std::string> starters_;

  // After a `final` abbreviation: does the capitalised word at `next` open a sentence?
  bool OpensSentenceAfterAbbreviation(std::string_view text, size_t next) const;

  bool IsBoundary(std::string_view text, size_t punct, size_t next) const;
};

}  // namespace newsgraph::text
