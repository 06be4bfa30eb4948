#include <gtest/gtest.h>

#include <cstdio>
#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "stories/dupe_corpus.h"
#include "stories/sketch.h"
#include "stories/story_index.h"

namespace newsgraph::stories {
namespace {

const std::vector<DupeArticle>& Corpus() {
  static const auto* corpus = new std::vector<DupeArticle>(GenerateDupeCorpus({}));
  return *corpus;
}

PairScores Cluster(Method method, std::map<std::string, std::pair<int, int>>* by_kind = nullptr) {
  StoryIndex index(method);
  std::vector<std::string> stories;
  std::map<int, std::string> first_story;  // group -> story of its first article seen
  for (const DupeArticle& a : Corpus()) {
    stories.push_back(index.Add(a.id, a.body));
    if (by_kind) {
      auto [it, fresh] = first_story.emplace(a.group, stories.back());
      if (!fresh) {
        auto& [joined, total] = (*by_kind)[a.kind];
        ++total;
        joined += stories.back() == it->second;
      }
    }
  }
  // Scored on the final stories: a later article may have joined two.
  for (size_t i = 0; i < stories.size(); ++i) stories[i] = index.StoryOf(i);
  return ScorePairs(Corpus(), stories);
}

TEST(Sketch, IdenticalBodiesAgreeEverywhere) {
  std::string body = "The harbour council approved the new bridge on Monday.\nOfficials said it cost a lot.";
  Sketch a = ComputeSketch(body, true), b = ComputeSketch(body, true);
  EXPECT_EQ(EstimatedJaccard(a, b), 1.0);
  EXPECT_EQ(a.simhash, b.simhash);
  EXPECT_NE(a.simhash, 0u);
  EXPECT_EQ(BandKeys(a), BandKeys(b));
  EXPECT_GT(NearDuplicateScore(a, b), 0.99);
}

TEST(Sketch, CaseAndPunctuationDoNotMatter) {
  Sketch a = ComputeSketch("the council approved the bridge, officials said on monday");
  Sketch b = ComputeSketch("The Council approved the bridge -- officials said on Monday!");
  EXPECT_EQ(EstimatedJaccard(a, b), 1.0);
}

TEST(Sketch, UnrelatedBodiesDiffer) {
  Sketch a = ComputeSketch("the council approved the bridge after a long debate about costs and delays in the north");
  Sketch b = ComputeSketch("heavy rain flooded three villages while rescuers searched for missing fishermen at sea");
  EXPECT_LT(EstimatedJaccard(a, b), 0.1);
  EXPECT_EQ(NearDuplicateScore(a, b), 0.0);
}

TEST(Sketch, EmptyAndTinyBodies) {
  Sketch e = ComputeSketch("");
  EXPECT_EQ(e.shingles, 0u);
  Sketch t = ComputeSketch("two words");
  EXPECT_EQ(t.shingles, 1u);
  EXPECT_EQ(NearDuplicateScore(e, t), 0.0);
}

TEST(Sketch, EncodeDecodeRoundTrip) {
  Sketch a = ComputeSketch("a body of text with enough words to make several shingles for the test", true);
  std::vector<uint8_t> bytes = EncodeSketch(a);
  Sketch b;
  ASSERT_TRUE(DecodeSketch(bytes.data(), bytes.size(), &b));
  EXPECT_EQ(a.minhash, b.minhash);
  EXPECT_EQ(a.shingles, b.shingles);
  EXPECT_EQ(a.simhash, b.simhash);
  EXPECT_FALSE(DecodeSketch(bytes.data(), bytes.size() - 1, &b));
}

TEST(StoryIndex, NewArticleJoinsExistingStoryIncrementally) {
  const auto& corpus = Corpus();
  // Find a group with an original and a variant.
  std::map<int, std::vector<const DupeArticle*>> groups;
  for (const DupeArticle& a : corpus) groups[a.group].push_back(&a);
  const std::vector<const DupeArticle*>* pair = nullptr;
  for (const auto& [g, v] : groups) {
    if (v.size() >= 2) {
      pair = &v;
      break;
    }
  }
  ASSERT_NE(pair, nullptr);
  StoryIndex index;
  for (const DupeArticle& a : corpus) {
    if (a.group != (*pair)[0]->group) index.Add(a.id, a.body);
  }
  size_t stories_before = index.stories();
  std::string s1 = index.Add((*pair)[0]->id, (*pair)[0]->body);
  EXPECT_EQ(s1, (*pair)[0]->id);  // a new story, named after its first article
  EXPECT_EQ(index.stories(), stories_before + 1);
  std::string s2 = index.Add((*pair)[1]->id, (*pair)[1]->body);
  EXPECT_EQ(s2, s1);
  EXPECT_EQ(index.stories(), stories_before + 1);
  EXPECT_EQ(index.Add((*pair)[1]->id, (*pair)[1]->body), s1);  // idempotent
}

// Stories are connected groups: the same groups whatever the order articles come in.
TEST(StoryIndex, StoriesDoNotDependOnArrivalOrder) {
  auto groups = [](const std::vector<const DupeArticle*>& order) {
    StoryIndex index;
    for (const DupeArticle* a : order) index.Add(a->id, a->body);
    std::map<std::string, std::set<std::string>> by_story;
    for (size_t i = 0; i < order.size(); ++i) by_story[index.StoryOf(i)].insert(order[i]->id);
    std::set<std::set<std::string>> out;
    for (auto& [story, ids] : by_story) out.insert(std::move(ids));
    return out;
  };
  std::vector<const DupeArticle*> order;
  for (const DupeArticle& a : Corpus()) order.push_back(&a);
  auto reference = groups(order);
  EXPECT_LT(reference.size(), Corpus().size());
  std::reverse(order.begin(), order.end());
  EXPECT_EQ(groups(order), reference);
  std::mt19937 rng(5);
  for (int round = 0; round < 3; ++round) {
    std::shuffle(order.begin(), order.end(), rng);
    EXPECT_EQ(groups(order), reference) << "shuffle " << round;
  }
}

// The measurement behind the default (docs/store.md): both methods on the same corpus.
TEST(StoryIndex, PrecisionRecallFloorsOnGeneratedCorpus) {
  std::map<std::string, std::pair<int, int>> minhash_kinds, simhash_kinds;
  PairScores mh = Cluster(Method::kMinHash, &minhash_kinds);
  PairScores sh = Cluster(Method::kSimHash, &simhash_kinds);
  std::printf("corpus: %zu articles, %lld duplicate pairs\n", Corpus().size(), static_cast<long long>(mh.truth));
  std::printf("minhash: precision %.4f recall %.4f\n", mh.precision, mh.recall);
  std::printf("simhash: precision %.4f recall %.4f\n", sh.precision, sh.recall);
  for (const auto& [kind, jt] : minhash_kinds) {
    std::printf("  %-10s joined its story: minhash %d/%d simhash %d/%d\n", kind.c_str(), jt.first, jt.second,
                simhash_kinds[kind].first, simhash_kinds[kind].second);
  }
  EXPECT_GE(mh.precision, 0.98);
  EXPECT_GE(mh.recall, 0.95);
  auto f1 = [](const PairScores& s) { return 2 * s.precision * s.recall / (s.precision + s.recall + 1e-12); };
  EXPECT_GE(f1(mh), f1(sh)) << "MinHash is the default because it measures better";
}

}  // namespace
}  // namespace newsgraph::stories
