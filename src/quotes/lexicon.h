// The word lists the quotes stage reads from data/quotes/: reporting cues, pronouns,
// titles, given names, role nouns, country adjectives and closed-class words.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"

namespace newsgraph::quotes {

enum class Gender : uint8_t { kUnknown, kMale, kFemale, kNeuter, kPlural };
enum class CueKind : uint8_t { kVerb, kParticiple, kSource, kFrame };
enum class CueWhere : uint8_t { kAny, kBefore, kAfter };
enum class RoleKind : uint8_t { kPerson, kBody, kDoc };
enum class WordClass : uint8_t { kPrep = 1, kDet = 2, kAdv = 4, kNotName = 8, kRel = 16 };

struct Cue {
  std::vector<std::string> words;
  CueKind kind = CueKind::kVerb;
  CueWhere where = CueWhere::kAny;
};

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
  std::unordered_map<std::string, Gender> given_names;  // as written
  std::unordered_map<std::string, RoleKind> roles;
  std::unordered_map<std::string, std::string> demonyms;  // as written → country
  std::unordered_map<std::string, uint8_t> words;         // WordClass bits
  // Words that may follow a closing "s'": the first words of cues, subject pronouns.
  std::unordered_set<std::string> closer_followers;

  bool Is(std::string_view lower, WordClass c) const {
    auto it = words.find(std::string(lower));
    return it != words.end() && (it->second & static_cast<uint8_t>(c));
  }
};

// Lower-cases ASCII and folds U+2019 to "'", for lexicon look-ups.
std::string Fold(std::string_view word);

}  // namespace newsgraph::quotes
