// Internal to the entities stage: finding mentions of people, organisations and places in
// one article, before they are resolved into entities (entities.cc).
//
// Method. Each sentence is scanned once. Runs of capitalised words (with initials, "Corp.",
// particles such as "von der" and connectors such as "of"/"and" between them) are cut into
// chunks: a sentence-initial ordinary word is dropped, a title prefix ("U.S. Defense
// Secretary") is peeled off, connectors split the run unless an organisation or place
// pattern holds it together ("Ministry of Foreign Affairs", "Gulf of Mexico"). Each chunk
// is typed by the gazetteers, by cue words ("Council", "Strait"), by name shape (given
// name, initials, particles) and by context (a title before it, a locative preposition).
// Titles are then read around person chunks: the words before the name ("CIA chief"),
// a role before a comma ("spokesperson for the Foreign Ministry, Hua"), an appositive
// after it ("Moreau, the top EU envoy for ..."). Every step looks at a bounded
// window of tokens, so the scan is linear in the article.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "entities/gazetteer.h"
#include "entities/ner.h"

namespace newsgraph::entities {

enum class MentionType : uint8_t { kPerson, kOrg, kLoc, kUnknown };

struct Mention {
  Span span;
  uint32_t first_token = 0, end_token = 0;  // [first, end) into Analysis::tokens
  MentionType type = MentionType::kUnknown;
  int units = 1;                  // words in the name (initials and "Corp." count once)
  const GazEntry* gaz = nullptr;  // gazetteer entry of the whole chunk
  std::string country;            // from the gazetteer, a demonym prefix or the title
  Span title;                     // the title's words in body; empty if none
  std::string title_text;         // when the title is not a plain span ("head of ...")
  int title_rank = 0;             // 3 before the name, 2 role before a comma, 1 appositive
  std::vector<int> linked;        // mentions inside the title (organisations, possessors)
  bool loc_context = false;       // after a locative preposition ("in", "near")
  bool forced_loc = false;        // "Austin, Texas"
  bool acronym = false;           // all-capital single word ("CIA")
  int defined_by = -1;            // "(IMF)" after "International Monetary Fund"
  bool weak = false;              // sentence-initial ordinary word, or a name in an
                                  // all-capitals headline: kept only if it names an entity
                                  // found elsewhere ("Xi said", "OSTROVA WINS")
  bool team = false;              // a place named as a sports team ("Leeds beat ... 2-1")
  bool article = false;           // opens with a foreign article ("Le Kestrel"): no person,
                                  // unless it ends a person's name met elsewhere ("Le Varn")
  bool tagged = false;            // the tagger (ner.h) found a name of exactly this span,
  EntityType tagged_type = EntityType::kPerson;  // of this type
};

// Finds the mentions of one analysed article (sentences and tokens filled); `names` are the
// tagger's (empty without a model or syntax).
std::vector<Mention> FindMentions(const Analysis& a, const Gazetteer& gaz, const ArticleNames& names);

}  // namespace newsgraph::entities
