// A generated corpus with known near-duplicates, for measuring story clustering: base
// articles on invented topics (several independent articles share a topic's names and
// places: hard negatives), and variants of them as reposts with other boilerplate and
// headlines, edited (sentences changed, dropped, added), truncated, and with paragraphs
// reordered. Deterministic for a seed. Every word is invented by the generator.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace newsgraph::stories {

struct DupeArticle {
  std::string id;
  std::string title;
  std::string body;  // paragraphs separated by '\n'
  int group = 0;     // articles of one group are near-duplicates of each other
  std::string kind;  // "original" | "repost" | "edited" | "truncated" | "reordered" | "mixed"
};

struct DupeCorpusOptions {
  size_t originals = 200;   // distinct base articles
  size_t topics_per = 3;    // base articles per topic (share names and places)
  size_t max_variants = 4;  // 0..max variants per original
  size_t paragraphs = 10;   // per base article (about 5 KB at the default)
  uint64_t seed = 7;
};

std::vector<DupeArticle> GenerateDupeCorpus(const DupeCorpusOptions& options);

// Pairwise precision and recall of a clustering (story label per article) against the
// groups: a pair is predicted when both articles share a story, true when they share a group.
struct PairScores {
  double precision = 0.0, recall = 0.0;
  int64_t predicted = 0, truth = 0, correct = 0;
};
PairScores ScorePairs(const std::vector<DupeArticle>& corpus, const std::vector<std::string>& stories);

}  // namespace newsgraph::stories
