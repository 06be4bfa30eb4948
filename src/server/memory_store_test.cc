#include "server/memory_store.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "core/json.h"
#include "server/test_articles.h"

namespace newsgraph {
namespace {

std::unique_ptr<MemoryStore> Loaded() {
  auto store = std::make_unique<MemoryStore>();
  size_t inserted = 0;
  EXPECT_TRUE(store->Put(server::testing::SmallCorpus(), &inserted).ok());
  EXPECT_EQ(inserted, 3u);
  return store;
}

TEST(MemoryStoreTest, PutIsIdempotentById) {
  auto store = Loaded();
  size_t inserted = 99;
  ASSERT_TRUE(store->Put(server::testing::SmallCorpus(), &inserted).ok());
  EXPECT_EQ(inserted, 0u);
  auto stats = store->Stats();
  EXPECT_EQ(stats->articles, 3);
  EXPECT_EQ(stats->stories, 2);
  EXPECT_EQ(stats->quotes, 2);
  EXPECT_EQ(stats->events, 3);
  EXPECT_TRUE(*store->Contains("a2"));
  EXPECT_FALSE(*store->Contains("zz"));
}

TEST(MemoryStoreTest, SearchNeedsEveryWordAndMarksSnippets) {
  auto store = Loaded();
  SearchQuery q;
  q.text = "ferry TALKS";
  auto r = store->Search(q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total, 2);
  q.text = "strike fees";
  r = store->Search(q);
  ASSERT_EQ(r->total, 1);
  EXPECT_EQ(r->hits[0].article_id, "a3");
  EXPECT_NE(r->hits[0].snippet.find("[strike]"), std::string::npos) << r->hits[0].snippet;
  EXPECT_NE(r->hits[0].snippet.find("[fees]"), std::string::npos) << r->hits[0].snippet;
  q.text = "port";  // in the title and the body of a3 only
  r = store->Search(q);
  ASSERT_EQ(r->total, 1);
  q.text = "nothing";
  EXPECT_EQ(store->Search(q)->total, 0);
}

// As the SQL stores (FTS5 porter, PostgreSQL 'english'): "protest" finds "protests".
TEST(MemoryStoreTest, SearchStemsWords) {
  MemoryStore store;
  Analysis a;
  a.id = "p1";
  a.title = "Protests in the capital";
  a.body = "Thousands were protesting against pension cuts.";
  ASSERT_TRUE(store.Put({a}, nullptr).ok());
  for (const char* word : {"protest", "protests", "protested", "PENSIONS"}) {
    SearchQuery q;
    q.text = word;
    auto r = store.Search(q);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->total, 1) << word;
  }
  SearchQuery q;
  q.text = "protests";
  EXPECT_NE(store.Search(q)->hits[0].snippet.find("[protest"), std::string::npos);
}

TEST(MemoryStoreTest, FiltersAndFacets) {
  auto store = Loaded();
  SearchQuery q;
  auto all = store->Search(q);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 3);
  ASSERT_FALSE(all->entities.empty());
  // Facets count stories: a1 and a2 are one story (a repost), a3 another.
  EXPECT_EQ(all->entities[0].value, "Jonas Vik");
  EXPECT_EQ(all->entities[0].count, 2);
  EXPECT_EQ(all->stories, 2);
  ASSERT_EQ(all->speakers.size(), 1u);
  EXPECT_EQ(all->speakers[0].count, 1);
  for (const SearchHit& h : all->hits) EXPECT_EQ(h.story_articles, h.article_id == "a3" ? 1 : 2) << h.article_id;
  EXPECT_TRUE(all->timeline.empty());  // only when asked
  q.timeline = true;
  all = store->Search(q);
  ASSERT_EQ(all->timeline.size(), 3u);
  EXPECT_EQ(all->timeline[0].day, "2026-03-01");
  EXPECT_EQ(all->timeline[0].articles, 1);
  EXPECT_EQ(all->timeline[0].stories, 1);
  q.timeline = false;
  ASSERT_EQ(all->cameo_roots.size(), 2u);
  EXPECT_EQ(all->cameo_roots[0].value, "04");
  ASSERT_EQ(all->dates.size(), 3u);
  EXPECT_EQ(all->dates[0].value, "2026-03-01");  // dates in order

  q.entity = "lena sørlie";  // ASCII case folding
  EXPECT_EQ(store->Search(q)->total, 1);
  q = {};
  q.speaker = "Anna Berg";
  EXPECT_EQ(store->Search(q)->total, 2);
  q = {};
  q.cameo = "13";
  EXPECT_EQ(store->Search(q)->total, 1);
  q = {};
  q.from = "2026-03-02";
  q.to = "2026-03-31";
  auto r = store->Search(q);
  ASSERT_EQ(r->total, 1);
  EXPECT_EQ(r->hits[0].article_id, "a2");
  q = {};
  q.limit = 2;
  q.offset = 2;
  r = store->Search(q);
  EXPECT_EQ(r->total, 3);
  EXPECT_EQ(r->hits.size(), 1u);
}

TEST(MemoryStoreTest, StoriesGroupSameTitle) {
  auto store = Loaded();
  auto stories = store->ListStories(10, 0);
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 2u);
  EXPECT_EQ((*stories)[0].articles, 2);
  EXPECT_EQ((*stories)[0].first_published, "2026-03-01");
  EXPECT_EQ((*stories)[0].last_published, "2026-03-02");
  auto story = store->GetStory((*stories)[0].id);
  ASSERT_TRUE(story.ok());
  EXPECT_EQ(story->article_ids, (std::vector<std::string>{"a1", "a2"}));
  EXPECT_EQ(store->GetStory("nope").status().code(), Status::Code::kNotFound);
}

TEST(MemoryStoreTest, EntitiesMergeAcrossArticles) {
  auto store = Loaded();
  auto list = store->ListEntities("vik", 10, 0);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  const EntitySummary& jonas = (*list)[0];
  EXPECT_EQ(jonas.articles, 3);
  EXPECT_EQ(jonas.mentions, 3);
  auto anna = store->ListEntities("anna", 10, 0);
  ASSERT_EQ(anna->size(), 1u);
  EXPECT_EQ((*anna)[0].titles, std::vector<std::string>{"Minister"});
  auto co = store->CoOccurring(jonas.id, 10);
  ASSERT_TRUE(co.ok());
  ASSERT_EQ(co->size(), 2u);
  EXPECT_EQ((*co)[0].name, "Anna Berg");
  EXPECT_EQ((*co)[0].articles, 2);
  EXPECT_EQ(store->GetEntity(999).status().code(), Status::Code::kNotFound);
}

TEST(MemoryStoreTest, QuotesAndEvents) {
  auto store = Loaded();
  auto quotes = store->Quotes("Anna Berg", 10, 0);
  ASSERT_TRUE(quotes.ok());
  ASSERT_EQ(quotes->size(), 2u);
  EXPECT_EQ((*quotes)[0].published, "2026-03-02");  // newest first
  EXPECT_GT((*quotes)[0].speaker_entity, 0);
  EventQuery q;
  q.actor = "Jonas Vik";
  EXPECT_EQ(store->Events(q)->size(), 3u);
  q.cameo = "13";
  EXPECT_EQ(store->Events(q)->size(), 1u);
  q = {};
  q.to = "2026-03-01";
  EXPECT_EQ(store->Events(q)->size(), 1u);
}

TEST(MemoryStoreTest, LoadsJsonLinesAndNamesBadLines) {
  std::string path = ::testing::TempDir() + "/memory_store_test.jsonl";
  {
    std::ofstream out(path);
    for (const Analysis& a : server::testing::SmallCorpus()) out << ToJsonString(a) << "\n\n";
  }
  auto store = MemoryStore::LoadJsonl(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ((*store)->Stats()->articles, 3);
  auto a = (*store)->GetArticle("a3");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->Text(a->entities[1].mentions[0]), "Lena Sørlie");
  {
    std::ofstream out(path, std::ios::app);
    out << "{broken\n";
  }
  auto bad = MemoryStore::LoadJsonl(path);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(":7:"), std::string::npos) << bad.status().message();
  std::remove(path.c_str());
  EXPECT_EQ(MemoryStore::LoadJsonl(path).status().code(), Status::Code::kIoError);
}

}  // namespace
}  // namespace newsgraph
