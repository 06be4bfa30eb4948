// Scores of the coreference stage against GUM's coreference layer (the MISC column's
// Entity= brackets, whose first field is the chain id), document by document, on the text
// rebuilt from the treebank and run through the pipeline's own stages (so the words, the
// parse and the entities are the pipeline's, not the treebank's).
//
// Alignment. A predicted entity is aligned to the gold chain that most of its name
// mentions fall in (the smallest gold mention holding the mention's head word; ties go to
// the chain met first). A reference is correct when the entity it resolved to is aligned
// to the reference's own gold chain. The 10 documents of the project's blind set are
// never read.
//
// Pronouns: every gold mention that is a third-person pronoun (he, she, it, they, his,
// her, its, their, him, them, the reflexives) with an earlier mention in its chain.
// Definite descriptions: every gold mention of two or more words opening with the/this/
// that/these/those/both, headed by a common noun, with an earlier mention in its chain.
// Each is reported over all such gold references, over those whose chain has a named
// earlier mention (one holding a proper noun: the only antecedents an entity-based
// resolver can reach), and as precision over the references the resolver resolved.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "syntax/conllu.h"

namespace newsgraph::mentions {

struct CorefCounts {
  size_t gold = 0;           // gold anaphoric references of the kind
  size_t gold_named = 0;     // ... whose chain has a named earlier mention
  size_t correct = 0;        // resolved to an entity aligned to the reference's chain
  size_t correct_named = 0;  // the same, among gold_named
  size_t resolved = 0;       // predicted references of the kind resolved to an entity
  size_t resolved_correct = 0;

  double Accuracy() const { return gold ? 100.0 * correct / gold : 0; }
  double AccuracyNamed() const { return gold_named ? 100.0 * correct_named / gold_named : 0; }
  double Precision() const { return resolved ? 100.0 * resolved_correct / resolved : 0; }
};

struct CorefScores {
  size_t documents = 0;
  CorefCounts pronouns, descriptions;
};


// Runs `analyze` (which must fill words, entities and mentions from body) on each
// document of `gold` and scores its references. Documents of the blind set are skipped.
CorefScores EvaluateCoref(const std::vector<syntax::ConlluSentence>& gold,
                          const std::function<void(Analysis*)>& analyze);

}  // namespace newsgraph::mentions
