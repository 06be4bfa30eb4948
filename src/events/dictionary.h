// The dictionaries of the event coder: verb patterns (what happened, as a CAMEO code),
// actors (who: countries, capitals, organisations, named people), agents (role words such
// as "minister" -> GOV), modality cues ("refused to", "will") and the code table (QuadClass,
// Goldstein). newsgraph's own are read from data/events/*.tsv (formats in the file
// headers and docs/events.md); petrarch.h adds the PETRARCH formats to the same structures.
// All lookups are by lower-cased token, so matching a sentence costs one hash probe per
// token plus the candidates found.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "core/string_table.h"
#include "events/cameo_codes.h"
#include "events/frames.h"

namespace newsgraph::events {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// One element of a verb pattern (the pattern language: docs/events.md, "Patterns").
// A word element names words of the sentence; a role element names a dependent of the
// trigger's frame (frames.h) and may carry an actor slot and words its phrase must hold.
struct Elem {
  enum class Kind : uint8_t { kWords, kSource, kTarget };
  enum class Role : uint8_t { kWord, kSubj, kObj, kIobj, kXcomp, kCcomp, kPrep };
  Kind kind = Kind::kWords;  // kSource/kTarget: an actor slot
  Role role = Role::kWord;
  bool optional = false;
  bool adjacent = false;              // kWord: the token right after the previous element's word
  bool grammatical = false;           // kSubj: the grammatical subject (a passive's patient), PETRARCH "+ *"
  int gap_before = 0;                 // surface reading: tokens allowed between the previous element and this one
  std::vector<std::string> words;     // exact lower-case forms (kWord; a role's words: empty = any)
  std::vector<std::string> prefixes;  // lower-case stems ("accus" for "accus*")
  std::vector<std::string> preps;     // kPrep: the prepositions ("on", "upon")
  int upos = -1;                      // the trigger: only a word of this ud::Upos (-1: any), "deal/NOUN"
  bool Matches(std::string_view lower) const;
  bool AnyWord() const { return words.empty() && prefixes.empty(); }
};

// A pattern: elements in text order; `anchor` is the element the index is keyed on (the
// trigger). Elements before the anchor (PETRARCH's words before the verb) are matched
// leftwards from it in the surface reading, anywhere below the trigger over a parse.
struct Pattern {
  std::string code;  // CAMEO code
  std::vector<Elem> elems;
  int anchor = 0;
  bool sym = false;      // mutual action
  bool nomod = false;    // modality cues do not change the code
  bool tgtloc = false;   // the target place is the location
  bool scope = false;    // later event phrases of the sentence are its content, not events
  bool ordered = false;  // its words after the trigger follow each other in the text (PETRARCH)
  bool has_source_slot = false, has_target_slot = false;
  std::string rule;  // "verbs.tsv#meet-talks" (the line's id) / "CAMEO.2.0.txt:1201"
  std::string text;  // the pattern as written
  // Sets has_source_slot/has_target_slot from the elements ("$SUBJ" takes the parse's
  // subject, which is where the source is looked for anyway: no source slot).
  void SetSlots();
};

// Parses the pattern language of data/events/verbs.tsv ("accus* +OBJ of:[corruption|fraud]",
// "hold|held talks +with:", "tear_gas"); an error says which element is wrong.
StatusOr<Pattern> ParsePattern(std::string_view text);

class PatternSet {
 public:
  void Add(Pattern p);
  // Appends the indices of patterns whose anchor can match lower-cased token `w`.
  void Candidates(std::string_view w, std::vector<uint32_t>* out) const;
  const Pattern& at(uint32_t i) const { return patterns_[i]; }
  size_t size() const { return patterns_.size(); }

 private:
  std::vector<Pattern> patterns_;
  StringTable<std::vector<uint32_t>> exact_;
  StringTable<std::vector<uint32_t>> prefix_;  // keyed by the first (up to) 3 bytes of a stem
};

// An actor of the dictionaries: a state, an organisation or a named person.
struct ActorEntry {
  enum class Kind : uint8_t { kCountry, kCapital, kOrg, kPerson };
  Kind kind = Kind::kCountry;
  std::string code;     // CAMEO actor code ("CHN", "IGOUNO", "USAGOV")
  std::string name;     // canonical name ("China")
  std::string country;  // ISO alpha-3 of the state, empty for IGOs and unknown
  std::string place;    // for capitals: the city ("Beijing")
  // PETRARCH dated codes: code valid from..to (YYYYMMDD, 0 = open).
  struct Dated {
    std::string code;
    int from = 0, to = 0;
  };
  std::vector<Dated> dated;
  std::string CodeOn(int yyyymmdd) const;
};

// Phrases (token sequences) mapped to values, longest match first. Case-sensitive phrases
// are keyed by their original tokens, others by lower-cased tokens.
template <typename V>
class PhraseIndex {
 public:
  void Add(const std::vector<std::string>& tokens, V value, bool case_sensitive);
  // The longest phrase starting at token i; returns its length (0 if none) and sets *value.
  template <typename TokenAt>
  int Longest(int i, int n, TokenAt token_at, V* value) const;
  bool empty() const { return lists_.empty(); }

 private:
  struct Entry {
    std::vector<std::string> rest;
    bool case_sensitive;
    V value;
  };
  // The phrases by their first word ("=" + it as written, or "~" + it in lower case):
  // first_ holds 1 + the index of their list in lists_.
  StringTable<uint32_t> first_;
  std::vector<std::vector<Entry>> lists_;
};

struct ModalityCue {
  std::string kind;                // neg, refuse, intent, threaten, cond
  std::vector<std::string> words;  // "refus*", "to"
};

// Everything the coder reads. Built once; read-only afterwards and shared by threads.
struct Dictionaries {
  PatternSet verbs;
  std::vector<ActorEntry> actors;
  StringMap<std::string> country_names;             // CAMEO country code -> canonical name
  StringMap<std::vector<std::string>> event_nouns;  // "attack" -> code prefixes it refers to
  PhraseIndex<uint32_t> actor_phrases;              // -> index into actors
  PhraseIndex<std::string> agents;                  // -> role code ("GOV"; PETRARCH "~GOV" / "NGO~")
  StringMap<bool> stopwords;                        // lower-case words that never modify a role
  std::vector<ModalityCue> cues;
  FrameWords frame_words;               // data/events/frames.tsv: modality read from the parse
  StringMap<std::string> modality_map;  // "kind/prefix" -> new code
  CameoCodes codes;                     // data/events/codes.tsv
  struct TimeWord {
    std::string kind;
    int value = 0;
  };
  PhraseIndex<TimeWord> time_words;
  std::vector<std::vector<std::string>> discards;        // sentence-level, lower-case tokens
  std::vector<std::vector<std::string>> story_discards;  // article-level
  std::vector<std::string> warnings;                     // "file:line: ..." for entries skipped while loading
  // Coding with PETRARCH's dictionaries alone: prepositional objects of place ("in Gondor")
  // may be targets, as PETRARCH's parse-tree coder allows.
  bool locative_targets = false;

  // The new code for a pattern code under a modality kind: "" keeps it, "-" drops it.
  std::string MapModality(std::string_view kind, std::string_view code) const;
  // The row of a code (its parent's or root's when not listed); an empty row when unknown.
  const CodeInfo& Info(std::string_view code) const;
  int AddActor(ActorEntry e);
};

// Loads newsgraph's own dictionaries from data/events/; with `own` false only the code
// table, stopwords and time words (to code with PETRARCH's dictionaries alone).
Status LoadOwnDictionaries(Dictionaries* d, bool own = true);

// Splits a string on `sep`, dropping empty pieces and surrounding spaces.
std::vector<std::string> SplitList(std::string_view s, char sep);
// Splits text into tokens the way the text stage does for dictionary phrases (on spaces,
// '_' and before "'s").
std::vector<std::string> PhraseTokens(std::string_view phrase);
std::string ToLower(std::string_view s);

// ---- template definitions

template <typename V>
void PhraseIndex<V>::Add(const std::vector<std::string>& tokens, V value, bool case_sensitive) {
  if (tokens.empty()) return;
  Entry e{{tokens.begin() + 1, tokens.end()}, case_sensitive, std::move(value)};
  std::string key = case_sensitive ? tokens[0] : ToLower(tokens[0]);
  if (!case_sensitive)
    for (auto& r : e.rest) r = ToLower(r);
  uint32_t& list = first_[(case_sensitive ? "=" : "~") + key];
  if (list == 0) {
    lists_.emplace_back();
    list = static_cast<uint32_t>(lists_.size());
  }
  lists_[list - 1].push_back(std::move(e));
}

template <typename V>
template <typename TokenAt>
int PhraseIndex<V>::Longest(int i, int n, TokenAt token_at, V* value) const {
  // token_at(j, lower) -> string_view of token j, lower-cased when `lower`.
  int best = 0;
  std::string key;
  for (int pass = 0; pass < 2; ++pass) {
    bool cs = pass == 0;
    key.assign(cs ? "=" : "~");
    key.append(token_at(i, !cs));
    const uint32_t* list = first_.Find(key);
    if (list == nullptr) continue;
    for (const Entry& e : lists_[*list - 1]) {
      int len = 1 + static_cast<int>(e.rest.size());
      if (len <= best || i + len > n) continue;
      bool ok = true;
      for (size_t k = 0; k < e.rest.size() && ok; ++k) ok = token_at(i + 1 + static_cast<int>(k), !cs) == e.rest[k];
      if (ok) {
        best = len;
        *value = e.value;
      }
    }
  }
  return best;
}

}  // namespace newsgraph::events
