// The events stage: CAMEO-coded who-did-what-to-whom with location, day and evidence.
//
// Method: per sentence, actor phrases are found first (the mention layer's names, and its
// pronouns, titles and descriptions resolved to entities; around them the coder's own
// dictionaries: country names and demonyms, capitals standing for governments, role
// words; appositions from the parse), then verb patterns from data/events/verbs.tsv (and
// PETRARCH's CAMEO.2.0.txt when loaded) are matched at their anchor words. The source is the
// pattern's `$` slot, the "by" actor of a passive, the nearest actor before the anchor that
// is not a prepositional object or inside an apposition, else the subject the dependency
// parse gives the verb's frame (events/frames.h); the target the `+` slot or the first
// actor after the anchor. Modality cues before the verb (data/events/modality.tsv, else the
// parse's, data/events/frames.tsv) turn "refused to meet" into 125 and drop negated,
// conditional and questioned events. CAMEO semantics (data/events/codes.tsv flags) drive
// the named discourse rules (kEventRuleNames). Time is linear in the sentence length times
// the patterns keyed on its words; actor searches are bounded per event. coder.h maps the
// files of the coder.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/status.h"

namespace newsgraph {

namespace events {
struct Dictionaries;
}

// The coder's named rules beyond pattern matching (docs/events.md): each can be switched
// off to measure what it adds.
//   frame_subject         the parse's subject where no actor precedes the verb
//   frame_modality        the parse's negation and modality where no cue precedes the verb
//   mention_actors        pronouns, titles, descriptions resolved by coreference as actors
//   reported_accusation   "X said Y attacked Z": also X's accusation (112) against Y
//   attack_refers_back    "condemned the attack": against who carried it out
//   both_sides            "urged both sides", "the two ministers": the last dyad
//   aid_recipient         aid with no recipient: the country the story is about
//   fight_other_side      fighting with no target: the other side of the last fight
//   restraint_to_parties  an appeal for calm with no addressee: the conflict's parties
//   third_country_meeting a meeting (040) in a third country is 044
inline constexpr std::string_view kEventRuleNames[] = {
    "frame_subject", "frame_modality", "mention_actors",   "reported_accusation",  "attack_refers_back",
    "both_sides",    "aid_recipient",  "fight_other_side", "restraint_to_parties", "third_country_meeting",
    "frame_attributive", "implicit_authority"};

struct EventCoderOptions {
  std::string dictionaries_dir;        // PETRARCH/TABARI dictionaries to load as well; empty: none
  bool own_dictionaries = true;        // newsgraph's data/events/ verbs, actors, agents and modality
  std::vector<std::string> rules_off;  // names of kEventRuleNames not to apply
};

class EventCoder {
 public:
  static StatusOr<std::unique_ptr<EventCoder>> Create(const EventCoderOptions& options);
  // `rules`: by index of kEventRuleNames, whether to apply it (empty: all).
  explicit EventCoder(std::unique_ptr<const events::Dictionaries> dicts, std::vector<bool> rules = {});
  ~EventCoder();
  // Fills analysis->events; reads body, sentences, tokens, entities. Thread-safe.
  void Code(Analysis* analysis) const;
  const events::Dictionaries& dictionaries() const { return *dicts_; }

 private:
  std::unique_ptr<const events::Dictionaries> dicts_;
  std::vector<bool> rules_;  // by index of kEventRuleNames: applied
};

}  // namespace newsgraph
