// Internal to the entities stage: the word lists and gazetteers it looks names up in.
// Generated tables (gen/entities/*, see tools/gen_*.py) come from iso-codes, WordNet,
// wamerican-huge and tzdata; hand-written ones live in data/entities/. Lookups take
// string_views and allocate nothing except when case must be folded.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/analysis.h"
#include "core/status.h"
#include "core/string_table.h"

namespace newsgraph::entities {

// Classes of data/entities/lexicon.tsv; a word may have several.
enum WordClass : uint32_t {
  kHead = 1u << 0,
  kMod = 1u << 1,
  kDomain = 1u << 2,
  kHonorific = 1u << 3,
  kOrgSuffix = 1u << 4,
  kOrgHead = 1u << 5,
  kLocSuffix = 1u << 6,
  kLocHead = 1u << 7,
  kCompass = 1u << 8,
  kParticle = 1u << 9,
  kNameSuffix = 1u << 10,
  kTime = 1u << 11,
  kPronoun = 1u << 12,
  kLocative = 1u << 13,
  kApposStop = 1u << 14,
  kLeadVerb = 1u << 15,
  kAdminSuffix = 1u << 16,  // "Province", "County": the place lies in the named one
  kRole = 1u << 17,         // a WordNet noun for a person ("geophysicist", "teacher")
  kNatural = 1u << 18,
  kGov = 1u << 19,
  kSpeechVerb = 1u << 20,  // "said", "urged": what a named speaker does
  kSupranational = 1u << 21,
  kOrgNoun = 1u << 22,      // "company": an appositive headed by it describes an organisation
  kPlaceNoun = 1u << 23,    // "suburb": an appositive headed by it describes a place
  kGroupMember = 1u << 24,  // "rebels": after a name, the members of that organisation
  kOrgPrefix = 1u << 25,    // first word of an organisation's name: "Construtora", "Banco"
  kLocPrefix = 1u << 26,    // first word of a place's name: "Avenida", "Stade", "Vila"
  kNotName = 1u << 27,      // capitalised but names no person, organisation or place:
                            // "Celsius", "HIV", "WeChat"
  kOtherHead = 1u << 28,    // opens the name of something else: "Cyclone Mireva"
  kRank = 1u << 29,         // a position or rank before a given name: "Centre", "Advocate"
  kPossPlace = 1u << 30,    // ends a place name with a possessive inside: "Kestrel's Head"
  kArticle = 1u << 31,      // a foreign article opening a name that is no person's: "Le"
};

enum class PlaceKind : uint8_t { kCountry, kCapital, kCity, kSubdivision, kOther, kOrg };

struct GazEntry {
  EntityType type = EntityType::kLoc;
  PlaceKind kind = PlaceKind::kOther;
  std::string_view country;    // ISO alpha-3 or empty
  std::string_view canonical;  // e.g. "United States" for "U.S."
};

class Gazetteer {
 public:
  static StatusOr<std::unique_ptr<Gazetteer>> Load();

  // Place or organisation named exactly `s` (as written, case-sensitive), or null.
  const GazEntry* Find(std::string_view s) const;
  // Country (alpha-3) of a nationality word ("Chinese", and plurals: "Ghanaians"), or empty.
  std::string_view Demonym(std::string_view s) const;
  bool IsGivenName(std::string_view s) const { return (ExactBits(s) & kExactGiven) != 0; }
  // A given name of WordNet's or of the hand-written list of frequent names in news
  // (data/quotes/given_names.tsv), which has the names that are also English words ("John",
  // "Mark", "Rose"). The name tagger's features read IsGivenName only, as it was trained.
  bool IsNewsGivenName(std::string_view s) const { return IsGivenName(s) || news_given_.count(s) > 0; }
  bool IsSurname(std::string_view s) const { return (ExactBits(s) & kExactSurname) != 0; }
  // True when the lower-case form of `word` ends the name of a building or site ("towers",
  // "hall", "base": lexicon class `venue`, which the name tagger does not read).
  bool IsVenue(std::string_view word) const;
  // True when the lower-case form of `word` ends the name of an event, a competition, a
  // holiday or a prize ("cup", "games", "day": lexicon class `event`, not read by the tagger).
  bool IsEventWord(std::string_view word) const;
  // True when the lower-case form of `word` is an adjective ("kurdish", "western").
  bool IsAdjective(std::string_view word) const;
  // True when the lower-case form of `word` is an ordinary English word.
  bool IsCommon(std::string_view word) const;
  // Lexicon classes of `word`, case-insensitively.
  uint32_t Classes(std::string_view word) const;
  // Whether a period after `word` belongs to it ("Corp.", "Jr.", "Gen."), from the
  // sentence splitter's abbreviation table (data/text/abbreviations.tsv).
  bool IsAbbreviation(std::string_view word) const { return abbrevs_.count(word) > 0; }
  // The role implied by a lead verb ("heads" -> "head"), or empty.
  std::string_view LeadRole(std::string_view word) const;
  // Country of a dateline ("BEIJING", "Kyiv, Ukraine"), or empty.
  std::string_view DatelineCountry(std::string_view dateline) const;
  // Display name of a country code ("USA" -> "United States").
  std::string_view CountryName(std::string_view alpha3) const;
  int max_words() const { return max_words_; }
  // Most words of an entry that starts with `word` (1 when none has more).
  size_t MaxWordsFrom(std::string_view word) const;

  // What the name tagger reads of one word: the same answers as the calls named beside
  // each field, from two look-ups (the word as written, its lower case) instead of eight.
  struct WordFacts {
    uint32_t classes = 0;             // Classes(word)
    bool given = false;               // IsGivenName(word)
    bool surname = false;             // IsSurname(word)
    bool common = false;              // IsCommon(word)
    bool demonym = false;             // !Demonym(word).empty()
    bool adjective = false;           // IsAdjective(word)
    size_t max_words = 1;             // MaxWordsFrom(word)
    const GazEntry* entry = nullptr;  // Find(word)
  };
  WordFacts Facts(std::string_view word) const;

 private:
  Status LoadPlaces(std::string_view file, bool override_existing);
  Status LoadOrgs(std::string_view file);
  const std::string& Keep(std::string text);
  // Flags the demonyms in exact_, and their plurals.
  void MarkDemonyms();

  // A word as written: a flag set (ExactBit), its longest entry and its own entry.
  enum ExactBit : uint8_t { kExactGiven = 1, kExactSurname = 2, kExactDemonym = 4 };
  struct Exact {
    uint8_t bits = 0;
    uint8_t max_words = 1;
    const GazEntry* entry = nullptr;
  };
  // A word in lower case: lexicon classes and a flag set (LowerBit).
  enum LowerBit : uint8_t { kLowerCommon = 1, kLowerAdjective = 2, kLowerVenue = 4, kLowerEvent = 8 };
  struct Lower {
    uint32_t classes = 0;
    uint8_t bits = 0;
  };
  const Exact* FindExact(std::string_view word) const;
  uint8_t ExactBits(std::string_view word) const {
    const Exact* e = FindExact(word);
    return e == nullptr ? 0 : e->bits;
  }
  // The lower-case entry of `word` (ASCII folding), or null; words longer than 64 bytes
  // have none.
  const Lower* FindLower(std::string_view word) const;
  bool HasLower(std::string_view word, LowerBit bit) const {
    const Lower* l = FindLower(word);
    return l != nullptr && (l->bits & bit) != 0;
  }

  std::deque<std::string> texts_;  // owns every view below
  std::unordered_map<std::string_view, GazEntry> entries_;
  std::unordered_map<std::string_view, std::string_view> demonyms_;
  std::unordered_map<std::string_view, std::string_view> country_names_;
  std::unordered_set<std::string_view> news_given_;
  std::unordered_set<std::string_view> abbrevs_;
  // The word lists, as written (given names, surnames, demonyms, entries and the first
  // words of entries) and in lower case (common words, adjectives, venues, event words and
  // lexicon classes).
  StringTable<Exact> exact_;
  StringTable<Lower> lower_;
  std::unordered_map<std::string_view, std::string_view> lead_roles_;
  int max_words_ = 1;
};

// ASCII lower case of `s` into `buf` (truncated to its size); returns the view.
std::string_view LowerInto(std::string_view s, char* buf, size_t size);

}  // namespace newsgraph::entities
