// The analysis of one article: the data contract every stage reads and writes, and the
// shape that `newsgraph analyze --json` prints (see DESIGN.md, "The analysis contract").
//
// Offsets are UTF-8 byte offsets into Analysis::body. Empty strings stand for JSON null
// in optional text fields (title, dateline, country, ...).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace newsgraph {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool operator==(const Span&) const = default;
};

// Something the cleaner took out of the article, kept so users can see why.
struct Removal {
  std::string kind;    // "boilerplate" | "duplicate_sentence"
  std::string reason;  // e.g. the pattern that fired, "exact repeat", "restates sentence 3"
  std::string text;
};

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // first letter upper case
  bool all_caps = false;     // two or more letters, all upper case
};

struct Sentence {
  Span span;
  uint32_t paragraph = 0;    // index of the paragraph (line of body) it lies in
  uint32_t first_token = 0;  // [first_token, end_token) into Analysis::tokens
  uint32_t end_token = 0;
  uint32_t first_word = 0;   // [first_word, end_word) into Analysis::words (syntax stage)
  uint32_t end_word = 0;
};

// One syntactic word as Universal Dependencies English splits text ("don't" is "do" +
// "n't", "Xi's" is "Xi" + "'s", "Al-Zaman" is "Al" "-" "Zaman"), with its part of speech,
// lemma and dependency arc. Filled by the syntax stage (src/syntax/).
struct Word {
  Span span;
  int32_t head = -1;   // index into Analysis::words of the head; -1 for the sentence root
  uint8_t upos = 0;    // ud::Upos
  uint8_t deprel = 0;  // index into ud::DeprelName
  std::string lemma;
};

enum class EntityType : uint8_t { kPerson, kOrg, kLoc };
const char* EntityTypeName(EntityType t);  // "PERSON" | "ORG" | "LOC"

struct Entity {
  std::string id;    // "e1", "e2", ... in order of first mention
  std::string name;  // canonical (longest full) name
  EntityType type = EntityType::kPerson;
  std::vector<std::string> aliases;  // other surface forms used in the text
  std::string title;                 // most specific title/role the text gives
  std::string country;               // ISO 3166 alpha-3, or empty
  std::vector<Span> mentions;
};

// One reference to an entity in the text: a name ("Antony Blinken", "Blinken", "the U.S."),
// a pronoun ("he", "their"), a title used alone ("the president") or a description ("the
// agency", "both sides"). The mentions layer (entities and coreference) fills these; quotes
// and events read them to find who speaks and who acts, so every stage agrees on who is who.
enum class MentionKind : uint8_t { kName, kPronoun, kTitle, kDescription };
const char* MentionKindName(MentionKind k);  // "name" | "pronoun" | "title" | "description"

struct Mention {
  Span span;
  MentionKind kind = MentionKind::kName;
  int32_t entity = -1;    // index into Analysis::entities it refers to; -1 unresolved
  int32_t head_word = -1; // index into Analysis::words of its syntactic head; -1 without syntax
  // A plural description ("the two leaders", "both sides") refers to a group: its members
  // (indexes into Analysis::entities), with entity -1. Empty for every other mention.
  std::vector<int32_t> members;
};

struct Quote {
  std::string text;  // the quotation, without its marks
  Span span;         // of the quoted text in body
  std::string speaker;     // canonical speaker name, or empty (null) when unattributed
  std::string speaker_id;  // entity id, or empty
  std::string cue;         // the attributing words, e.g. "said", "told reporters"
  // An unnamed speaker's own words ("a Heineken spokesman"): the speaker fields then name
  // whom that person speaks for. Empty for a named speaker.
  std::string speaker_role;
};

struct Event {
  std::string source, source_code, source_detail;
  std::string target, target_code, target_detail;
  std::string cameo;  // 3- or 4-digit CAMEO code
  std::string root;   // 2-digit root
  int quad_class = 0;       // GDELT QuadClass 1..4, 0 when unknown
  double goldstein = 0.0;   // Goldstein scale
  std::string location;     // canonical LOC name, or empty
  std::string when;         // as the text says ("Sunday"), or empty
  std::string date;         // YYYY-MM-DD when resolvable, or empty
  int sentence = -1;        // index into Analysis::sentences
  std::string evidence;     // the words that carried the event
  Span evidence_span;
  std::string rule;         // which pattern fired
};

struct Tone {
  double score = 0.0;     // positive - negative, per 100 words
  double positive = 0.0;  // positive words per 100 words
  double negative = 0.0;
  double polarity = 0.0;  // positive + negative
  uint32_t word_count = 0;
};

struct Analysis {
  std::string id;  // stable hash of the cleaned text
  std::string title;
  std::string published;  // YYYY-MM-DD or empty
  std::string dateline;   // "BEIJING", or empty
  std::string url;
  std::string source;    // where it came from: file path, WARC record, feed item
  std::string language;  // BCP 47 when known
  std::string byline;
  std::string body;  // cleaned body, paragraphs separated by '\n'
  std::vector<Removal> removed;
  std::vector<std::string> warnings;  // repaired input and the like
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Word> words;  // syntax: UD words of every sentence, in order
  std::vector<Entity> entities;
  std::vector<Mention> mentions;  // every reference to an entity, in text order
  std::vector<Quote> quotes;
  std::vector<Event> events;
  Tone tone;

  std::string_view Text(Span s) const { return std::string_view(body).substr(s.start, s.size()); }
};

}  // namespace newsgraph
