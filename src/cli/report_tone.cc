// Tone: GDELT-style lexicon tone, with a plain-words reading of the score.
#include <cstdio>

#include "cli/report.h"

namespace newsgraph::cli {

void PrintToneSection(const Analysis& a, const ReportStyle& style, std::ostream& out) {
  const Tone& t = a.tone;
  char line[160];
  std::snprintf(line, sizeof line,
                "  score %+.2f  (positive %.2f, negative %.2f, polarity %.2f per 100 words; %u words)", t.score,
                t.positive, t.negative, t.polarity, t.word_count);
  const char* reading = t.word_count == 0 ? "no words"
                        : t.score <= -2.0 ? "negative"
                        : t.score < -0.5  ? "somewhat negative"
                        : t.score <= 0.5  ? "neutral"
                        : t.score < 2.0   ? "somewhat positive"
                                          : "positive";
  out << "\n" << style.Heading("Tone") << " " << style.Dim(std::string("(") + reading + ")") << "\n" << line << "\n";
}

}  // namespace newsgraph::cli
