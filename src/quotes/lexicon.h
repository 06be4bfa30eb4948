// The word lists the quotes stage reads from data/quotes/: reporting cues, pronouns,
// titles, role nouns, country adjectives and closed-class words.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/data.h"
#include "core/status.h"

namespace newsgraph::quotes {

using newsgraph::Gender;  // core/data.h
enum class CueKind : uint8_t { kVerb, kParticiple, kSource, kFrame, kNoun };
enum class CueWhere : uint8_t { kAny, kBefore, kAfter };
enum class RoleKind : uint8_t { kPerson, kBody, kDoc };
enum class WordClass : uint8_t { kPrep = 1, kDet = 2, kAdv = 4, kNotName = 8, kRel = 16, kConj = 32 };

struct Cue {
  std::vector<std::string> words;
  CueKind kind = CueKind::kVerb;
  CueWhere where = CueWhere::kAny;
};

// Hashing for maps looked up by string_view without building a string.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    uint64_t h = 1469598103934665603ull;  // FNV-1a: short words, cheap
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// Everything the lexicon knows about one lower-case word, looked up once per token.
struct WordInfo {
  uint8_t classes = 0;  // WordClass bits
  int8_t role = -1;     // RoleKind, or -1
  bool pronoun = false;
  bool subject_pronoun = false;
  bool title = false;
  std::vector<uint32_t> cues;  // cues starting with this word, longest first
  bool Is(WordClass c) const { return classes & static_cast<uint8_t>(c); }
};

inline uint64_t Fingerprint(std::string_view s) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h ^ (h >> 31);
}

struct QuoteLexicon {
  static StatusOr<std::unique_ptr<QuoteLexicon>> Load();

  std::vector<Cue> cues;
  std::unordered_map<std::string, std::vector<uint32_t>> cues_by_first;  // longest first
  size_t max_cue_words = 1;
  struct Pronoun {
    Gender gender;
    bool subject;
  };
  std::unordered_map<std::string, Pronoun> pronouns;
  std::unordered_map<std::string, Gender> titles;
  std::unordered_map<std::string, RoleKind> roles;
  // "the judges" → the last organisation named with "court" (roles.tsv, third column).
  std::unordered_map<std::string, std::string> role_refers;
  std::unordered_map<std::string, std::string> demonyms;  // as written → country
  std::unordered_map<std::string, uint8_t> words;         // WordClass bits
  // Words that may follow a closing "s'": the first words of cues, subject pronouns.
  std::unordered_set<std::string> closer_followers;

  StringMap<WordInfo> info;
  size_t max_word_bytes = 0;  // longest word in `info`, plus room for a curly apostrophe

 private:
  struct Slot {
    uint64_t hash = 0;
    const std::pair<const std::string, WordInfo>* entry = nullptr;
    const std::pair<const std::string, WordInfo>* operator->() const { return entry; }
  };
  std::vector<Slot> table_;

 public:  // lower-case word → what it is, built from all the above
  StringMap<std::string> demonym_by_word;

  // Info for a lower-case (Fold()ed) word, or null. Probes a flat table built at load.
  const WordInfo* Lookup(std::string_view folded) const {
    uint64_t h = Fingerprint(folded) | 1;
    size_t mask = table_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = table_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == h && s->first == folded) return &s->second;
    }
  }
  void BuildTable();
  bool Is(std::string_view lower, WordClass c) const {
    const WordInfo* w = Lookup(lower);
    return w && w->Is(c);
  }
};

// Lower-cases ASCII and folds U+2019 to "'", for lexicon look-ups.
std::string Fold(std::string_view word);
// The same into `buf` (no allocation); returns false when `word` is longer than `cap`.
bool FoldInto(std::string_view word, char* buf, size_t cap, size_t* len);

}  // namespace newsgraph::quotes
