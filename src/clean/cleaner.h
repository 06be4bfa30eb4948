// The clean stage: Article paragraphs → Analysis::body, with every removal recorded.
//
// Method, in order:
//  1. Normalise each paragraph: Unicode NFC (ICU); control and zero-width characters and
//     soft hyphens dropped; every kind of space made one ASCII space; odd quote and dash
//     forms ("``", "''", U+2010/U+2011/U+2212) made plain. Curly quotes are kept: quotes
//     use their direction.
//  2. A dateline opening the first paragraph ("BEIJING —", "GENEVA (Reuters) —",
//     "NAIROBI, Kenya —") is cut into Analysis::dateline.
//  3. Boilerplate paragraphs (data/clean/boilerplate.tsv: whole-line, prefix and weighted
//     phrase patterns) are removed: repost disclaimers, share/subscribe prompts,
//     "Advertisement", "Read more:" teasers, captions ending in a media credit ("... Photo:
//     Jane Doe."). A sentence merely mentioning copyright stays.
//  4. Repeated sentences go: an exact repeat (after case and space folding) keeps its first
//     copy; a restatement — a later sentence of eight or more words nearly all of which
//     (>= 85%) stand in one earlier sentence — is removed. Candidates come from an inverted
//     index over rare words, so the stage stays linear on huge inputs.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/analysis.h"
#include "core/phrase_matcher.h"
#include "core/status.h"
#include "ingest/document.h"

namespace newsgraph {

class Cleaner {
 public:
  static StatusOr<std::unique_ptr<Cleaner>> Create();

  // Fills body, dateline, removed, title, metadata and warnings of `out` from `article`,
  // and the sentences and tokens of the body (the cleaner segments the text to find
  // repeats, and hands the result on). Thread-safe.
  void Clean(const Article& article, Analysis* out) const;

 private:
  enum class Match { kLine, kPrefix, kPhrase, kVocab };
  struct Pattern {
    Match match;
    int weight;
    std::string text;  // lower case
  };
  std::vector<Pattern> patterns_;
  PhraseMatcher phrases_;       // the kPhrase patterns, id = index into patterns_
  size_t max_fixed_len_ = 0;    // longest line/prefix pattern
  std::vector<uint16_t> by_first_byte_[256];  // line/prefix patterns by their first byte
  std::unordered_set<std::string> vocab_;  // share-button words
  std::unordered_set<std::string> credits_;  // media credit labels of captions ("photo")
  // Whether `paragraph` ends in a media credit ("... Image: Jane Doe."): a caption.
  bool EndsInCredit(std::string_view paragraph) const;
  std::unordered_set<size_t> attribution_cues_;  // hashes of folded cue words

  // The comma opening a trailing attribution (", officials said") among the sentence's
  // tokens [begin, end), or nullptr when there is none.
  const Token* AttributionTail(std::string_view text, const Token* begin, const Token* end) const;

  // Returns the pattern text that makes `paragraph` boilerplate, or empty.
  std::string BoilerplateReason(std::string_view paragraph) const;
};

// Step 1 alone, exposed for tests: one paragraph normalised.
std::string NormalizeParagraph(std::string_view in);

// Step 2 alone: when `paragraph` opens with a dateline, stores the place in *dateline and
// returns the rest of the paragraph; otherwise returns `paragraph` unchanged.
std::string_view StripDateline(std::string_view paragraph, std::string* dateline);

// Lower-cases ASCII and folds curly quotes/apostrophes to straight ones, for matching.
std::string FoldForMatch(std::string_view s);

}  // namespace newsgraph
