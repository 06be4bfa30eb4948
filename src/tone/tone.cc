#include "tone/tone.h"

namespace newsgraph {

StatusOr<std::unique_ptr<ToneScorer>> ToneScorer::Create() { return std::make_unique<ToneScorer>(); }

void ToneScorer::Score(Analysis* analysis) const { analysis->tone = Tone{}; }

}  // namespace newsgraph
