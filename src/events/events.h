// The events stage: CAMEO-coded who-did-what-to-whom with location, day and evidence.
//
// Method (no parser): per sentence, actor phrases are found first (entities of the
// analysis when the entities stage found them, else the coder's own dictionaries: country
// names and demonyms, capitals standing for governments, role words, capitalised names),
// then verb patterns from data/events/verbs.tsv (and PETRARCH's CAMEO.2.0.txt when loaded)
// are matched at their anchor words. The source is the pattern's `$` slot, the "by" actor
// of a passive, or the nearest actor before the anchor that is not a prepositional object
// or inside an apposition; the target the `+` slot or the first actor after the anchor.
// Modality cues before the verb (data/events/modality.tsv) turn "refused to meet" into 125,
// "could open the way to a meeting" into 036 and drop negated, conditional and questioned
// events. Coordinated actors are expanded into pairs. Time is linear in the sentence
// length times the patterns keyed on its words; actor searches are bounded per event.
#pragma once

#include <memory>
#include <string>

#include "core/analysis.h"
#include "core/status.h"

namespace newsgraph {

namespace events {
struct Dictionaries;
}

struct EventCoderOptions {
  std::string dictionaries_dir;  // PETRARCH/TABARI dictionaries to load as well; empty: none
  bool own_dictionaries = true;  // newsgraph's data/events/ verbs, actors, agents and modality
};

class EventCoder {
 public:
  static StatusOr<std::unique_ptr<EventCoder>> Create(const EventCoderOptions& options);
  explicit EventCoder(std::unique_ptr<const events::Dictionaries> dicts);
  ~EventCoder();
  // Fills analysis->events; reads body, sentences, tokens, entities. Thread-safe.
  void Code(Analysis* analysis) const;
  const events::Dictionaries& dictionaries() const { return *dicts_; }

 private:
  std::unique_ptr<const events::Dictionaries> dicts_;
};

}  // namespace newsgraph
