// The entities stage: PERSON / ORG / LOC mentions in Analysis::body, resolved into one
// Entity per real-world referent, with titles, aliases and countries.
//
// Mentions are found by mentions.h (capitalised runs, gazetteers, cue words, titles) and
// resolved within the article by entities.cc; the gazetteers are generated at build time
// from Debian's iso-codes, WordNet, wamerican-huge and tzdata (docs/entities.md).
// Linear in the article's length.
#pragma once

#include <memory>

#include "core/analysis.h"
#include "core/status.h"

namespace newsgraph {

namespace entities {
class Gazetteer;
class NerModel;
}

class EntityRecognizer {
 public:
  // Loads the gazetteers and word lists embedded from data/ (about 0.2 s).
  static StatusOr<std::unique_ptr<EntityRecognizer>> Create();
  ~EntityRecognizer();
  EntityRecognizer(const EntityRecognizer&) = delete;
  EntityRecognizer& operator=(const EntityRecognizer&) = delete;

  // Fills analysis->entities from body, sentences and tokens, and analysis->mentions with
  // one name mention per entity mention (FillNameMentions). Thread-safe.
  void Recognize(Analysis* analysis) const;

 private:
  EntityRecognizer();
  std::unique_ptr<entities::Gazetteer> gaz_;
  const entities::NerModel* ner_ = nullptr;  // null when data/ner/en.model is absent
};

// Rebuilds analysis->mentions as the name mentions of analysis->entities, in text order,
// each with its entity and (when the syntax stage ran) its head word.
void FillNameMentions(Analysis* analysis);

}  // namespace newsgraph
