// One store test suite, run against both engines: SQLite (a temporary file) always, and
// PostgreSQL when NEWSGRAPH_TEST_PG_URL names a server (tests/e2e/store_pg_test.sh starts
// one and runs this suite with it; each test starts from an empty schema).
#include "store/store.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

#include "core/json.h"
#include "pipeline/analyzer.h"
#include "store/query.h"
#include "store/schema.h"

namespace newsgraph {
namespace {

Analysis MakeArticle(const std::string& id, const std::string& title, const std::string& body,
                     const std::string& published) {
  Analysis a;
  a.id = id;
  a.title = title;
  a.body = body;
  a.published = published;
  a.url = "https://example.test/" + id;
  a.source = id + ".txt";
  a.sentences.push_back(Sentence{Span{0, static_cast<uint32_t>(body.size())}, 0, 0, 0});
  a.tone.score = -1.25;
  return a;
}

Entity MakeEntity(const std::string& id, const std::string& name, EntityType type, std::vector<std::string> aliases,
                  const std::string& title, const std::string& country) {
  Entity e;
  e.id = id;
  e.name = name;
  e.type = type;
  e.aliases = std::move(aliases);
  e.title = title;
  e.country = country;
  e.mentions = {Span{0, 4}, Span{10, 14}};
  return e;
}

Event MakeEvent(const std::string& source, const std::string& source_code, const std::string& target,
                const std::string& target_code, const std::string& cameo) {
  Event e;
  e.source = source;
  e.source_code = source_code;
  e.target = target;
  e.target_code = target_code;
  e.cameo = cameo;
  e.root = cameo.substr(0, 2);
  e.quad_class = 1;
  e.goldstein = 1.5;
  e.location = "Geneva";
  e.sentence = 0;
  e.evidence = "met";
  e.rule = "test";
  return e;
}

// A body long enough for near-duplicate detection; different topics give unrelated text.
std::string Body(const std::string& topic, int paragraphs) {
  static const char* const kWords[] = {"harbour", "tariffs", "grain",    "quotas",  "river",   "border",  "envoys",
                                       "council", "budget",  "treaty",   "summit",  "bridge",  "protest", "court",
                                       "vaccine", "drought", "festival", "reactor", "airport", "strike"};
  uint64_t x = std::hash<std::string>{}(topic) | 1;
  std::string b;
  for (int i = 0; i < paragraphs; ++i) {
    b += topic;
    for (int w = 0; w < 30; ++w) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      b += " ";
      b += kWords[x % 20];
    }
    b += ".\n";
  }
  return b;
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres") {
      const char* url = std::getenv("NEWSGRAPH_TEST_PG_URL");
      if (url == nullptr || *url == '\0') GTEST_SKIP() << "NEWSGRAPH_TEST_PG_URL not set";
      db_ = url;
      PGconn* c = PQconnectdb(url);
      ASSERT_EQ(PQstatus(c), CONNECTION_OK) << PQerrorMessage(c);
      PGresult* r = PQexec(c, "SET client_min_messages = warning; DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
      EXPECT_EQ(PQresultStatus(r), PGRES_COMMAND_OK) << PQerrorMessage(c);
      PQclear(r);
      PQfinish(c);
    } else {
      dir_ = std::filesystem::temp_directory_path() / ("newsgraph_store_test_" + std::to_string(getpid()) + "_" +
                                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
      for (char& ch : dir_) {
        if (ch == '/' && false) ch = '_';
      }
      std::filesystem::remove_all(dir_);
      std::filesystem::create_directories(dir_);
      db_ = dir_ + "/kb.db";
    }
    auto s = Store::Open(db_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
  }
  void TearDown() override {
    store_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  size_t Put(std::vector<Analysis> batch) {
    size_t n = 0;
    Status s = store_->Put(batch, &n);
    EXPECT_TRUE(s.ok()) << s.message();
    return n;
  }
  StoreStats Stats() {
    auto st = store_->Stats();
    EXPECT_TRUE(st.ok()) << st.status().message();
    return st.ok() ? *st : StoreStats{};
  }

  std::string db_, dir_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, RoundTripKeepsTheAnalysis) {
  Analysis a = MakeArticle("a1", "Envoys meet", Body("Ruritania", 4), "2024-03-01");
  a.entities.push_back(
      MakeEntity("e1", "Antony Blinken", EntityType::kPerson, {"Blinken"}, "Secretary of State", "USA"));
  a.quotes.push_back(Quote{"We will talk again", Span{5, 23}, "Antony Blinken", "e1", "said"});
  a.events.push_back(MakeEvent("Antony Blinken", "USAGOV", "Qin Gang", "CHNGOV", "040"));
  EXPECT_EQ(Put({a}), 1u);
  auto got = store_->GetArticle("a1");
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(got->title, a.title);
  EXPECT_EQ(got->body, a.body);
  EXPECT_EQ(got->published, "2024-03-01");
  ASSERT_EQ(got->entities.size(), 1u);
  EXPECT_EQ(got->entities[0].aliases, std::vector<std::string>{"Blinken"});
  ASSERT_EQ(got->quotes.size(), 1u);
  EXPECT_EQ(got->quotes[0].speaker, "Antony Blinken");
  ASSERT_EQ(got->events.size(), 1u);
  EXPECT_EQ(got->events[0].target_code, "CHNGOV");
  EXPECT_TRUE(*store_->Contains("a1"));
  EXPECT_FALSE(*store_->Contains("nope"));
  EXPECT_EQ(store_->GetArticle("nope").status().code(), Status::Code::kNotFound);
  StoreStats st = Stats();
  EXPECT_EQ(st.articles, 1);
  EXPECT_EQ(st.entities, 1);
  EXPECT_EQ(st.quotes, 1);
  EXPECT_EQ(st.events, 1);
  EXPECT_EQ(st.schema_version, store::kSchemaVersion);
}

// Whole analyses of real articles (the golden set) come back exactly as they went in,
// although mentions, quotes and events are kept in their tables, not in the stored JSON.
TEST_P(StoreTest, AnalyzedArticlesComeBackExactly) {
  auto analyzer = Analyzer::Create();
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().message();
  std::vector<Analysis> batch;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/golden")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    RawDocument doc;
    doc.bytes = text.str();
    doc.media_type = "text/plain";
    doc.source = entry.path().filename().string();
    auto a = (*analyzer)->Analyze(doc);
    ASSERT_TRUE(a.ok()) << a.status().message();
    batch.push_back(std::move(a).value());
  }
  ASSERT_GE(batch.size(), 4u);
  size_t quotes = 0, events = 0;
  for (const Analysis& a : batch) {
    quotes += a.quotes.size();
    events += a.events.size();
  }
  EXPECT_GT(quotes, 0u);
  EXPECT_GT(events, 0u);
  EXPECT_EQ(Put(batch), batch.size());
  for (const Analysis& a : batch) {
    auto got = store_->GetArticle(a.id);
    ASSERT_TRUE(got.ok()) << got.status().message();
    EXPECT_EQ(ToJsonString(*got), ToJsonString(a)) << a.source;
  }
  size_t walked = 0;
  ASSERT_TRUE(store_
                  ->ForEachArticle([&](const Analysis& got, const std::string&) {
                    auto it = std::find_if(batch.begin(), batch.end(), [&](const Analysis& a) { return a.id == got.id; });
                    EXPECT_TRUE(it != batch.end());
                    if (it != batch.end()) EXPECT_EQ(ToJsonString(got), ToJsonString(*it));
                    ++walked;
                    return true;
                  })
                  .ok());
  EXPECT_EQ(walked, batch.size());
}

TEST_P(StoreTest, PutIsIdempotentByArticleId) {
  Analysis a = MakeArticle("a1", "One", Body("Ruritania", 3), "2024-03-01");
  a.entities.push_back(MakeEntity("e1", "Ruritania", EntityType::kLoc, {}, "", "RUR"));
  a.events.push_back(MakeEvent("Ruritania", "RUR", "Freedonia", "FRE", "043"));
  Analysis b = MakeArticle("b1", "Two", Body("Freedonia", 3), "2024-03-02");
  EXPECT_EQ(Put({a, b}), 2u);
  StoreStats before = Stats();
  EXPECT_EQ(Put({a, b, a}), 0u);
  auto reopened = Store::Open(db_);
  ASSERT_TRUE(reopened.ok()) << reopened.status().message();
  size_t n = 7;
  ASSERT_TRUE((*reopened)->Put({b, a}, &n).ok());
  EXPECT_EQ(n, 0u);
  StoreStats after = Stats();
  EXPECT_EQ(after.articles, before.articles);
  EXPECT_EQ(after.entities, before.entities);
  EXPECT_EQ(after.event_mentions, before.event_mentions);
  EXPECT_EQ(after.stories, 2);
}

TEST_P(StoreTest, FailedBatchLeavesNothingBehind) {
  Analysis good = MakeArticle("g1", "Good", Body("Ruritania", 3), "");
  Analysis bad = MakeArticle("", "No id", "text", "");
  size_t n = 0;
  EXPECT_FALSE(store_->Put({good, bad}, &n).ok());
  EXPECT_EQ(Stats().articles, 0);
  EXPECT_EQ(Put({good}), 1u);
}

TEST_P(StoreTest, EntitiesMergeAcrossTheCorpusByNormalisedNameAndType) {
  Analysis a = MakeArticle("a1", "One", Body("Ruritania", 3), "2024-03-01");
  a.entities.push_back(MakeEntity("e1", "Antony Blinken", EntityType::kPerson, {"Blinken"}, "Secretary of State", ""));
  a.entities.push_back(MakeEntity("e2", "U.S.", EntityType::kLoc, {}, "", "USA"));
  Analysis b = MakeArticle("b1", "Two", Body("Freedonia", 3), "2024-03-02");
  b.entities.push_back(MakeEntity("e1", "ANTONY  BLINKEN", EntityType::kPerson, {"Tony"}, "", "USA"));
  b.entities.push_back(MakeEntity("e2", "US", EntityType::kLoc, {}, "", ""));
  b.entities.push_back(MakeEntity("e3", "Antony Blinken", EntityType::kOrg, {}, "", ""));  // another type
  b.quotes.push_back(Quote{"Talks went well", Span{0, 10}, "Blinken", "e1", "said"});
  EXPECT_EQ(Put({a, b}), 2u);
  EXPECT_EQ(Stats().entities, 3);
  auto list = store_->ListEntities("blinken", 10, 0);
  ASSERT_TRUE(list.ok()) << list.status().message();
  ASSERT_EQ(list->size(), 2u);
  const EntitySummary& person = (*list)[0].type == "PERSON" ? (*list)[0] : (*list)[1];
  EXPECT_EQ(person.name, "Antony Blinken");
  EXPECT_EQ(person.articles, 2);
  EXPECT_EQ(person.mentions, 4);
  EXPECT_EQ(person.country, "USA");  // filled by the second article
  EXPECT_EQ(person.aliases, (std::vector<std::string>{"Blinken", "Tony"}));
  EXPECT_EQ(person.titles, std::vector<std::string>{"Secretary of State"});
  auto by_alias = store_->ListEntities("Tony", 10, 0);
  ASSERT_TRUE(by_alias.ok());
  ASSERT_EQ(by_alias->size(), 1u);
  EXPECT_EQ((*by_alias)[0].id, person.id);
  auto one = store_->GetEntity(person.id);
  ASSERT_TRUE(one.ok()) << one.status().message();
  EXPECT_EQ(one->name, "Antony Blinken");
  EXPECT_EQ(store_->GetEntity(999999).status().code(), Status::Code::kNotFound);
  auto co = store_->CoOccurring(person.id, 10);
  ASSERT_TRUE(co.ok()) << co.status().message();
  ASSERT_GE(co->size(), 1u);
  EXPECT_EQ((*co)[0].name, "U.S.");
  EXPECT_EQ((*co)[0].articles, 2);
  auto quotes = store_->Quotes("Antony Blinken", 10, 0);  // by the speaker's entity
  ASSERT_TRUE(quotes.ok()) << quotes.status().message();
  ASSERT_EQ(quotes->size(), 1u);
  EXPECT_EQ((*quotes)[0].text, "Talks went well");
  EXPECT_EQ((*quotes)[0].speaker_entity, person.id);
}

TEST_P(StoreTest, NearDuplicatesShareAStoryAndTheirEventCountsOnce) {
  std::string body = Body("Ruritania", 12);
  Analysis a = MakeArticle("a1", "Envoys meet", body, "2024-03-01");
  Analysis repost = MakeArticle("a2", "Envoys meet again, reports say",
                                "Subscribe to our newsletter.\n" + body + "Copyright the agency.", "2024-03-02");
  Analysis truncated = MakeArticle("a3", "Envoys", body.substr(0, body.size() / 2), "2024-03-02");
  Analysis other = MakeArticle("b1", "Other", Body("Freedonia", 12), "2024-03-03");
  for (Analysis* x : {&a, &repost, &truncated})
    x->events.push_back(MakeEvent("Ruritania", "RUR", "Freedonia", "FRE", "043"));
  other.events.push_back(MakeEvent("Ruritania", "RUR", "Freedonia", "FRE", "043"));
  EXPECT_EQ(Put({a}), 1u);
  EXPECT_EQ(Put({repost, other}), 2u);  // incremental: a later batch joins the stored story
  EXPECT_EQ(Put({truncated}), 1u);
  EXPECT_EQ(*store_->StoryOf("a2"), "a1");
  EXPECT_EQ(*store_->StoryOf("a3"), "a1");
  EXPECT_EQ(*store_->StoryOf("b1"), "b1");
  StoreStats st = Stats();
  EXPECT_EQ(st.stories, 2);
  EXPECT_EQ(st.events, 2);
  EXPECT_EQ(st.event_mentions, 4);
  auto stories = store_->ListStories(10, 0);
  ASSERT_TRUE(stories.ok()) << stories.status().message();
  ASSERT_EQ(stories->size(), 2u);
  EXPECT_EQ((*stories)[0].id, "a1");
  EXPECT_EQ((*stories)[0].articles, 3);
  EXPECT_EQ((*stories)[0].first_published, "2024-03-01");
  EXPECT_EQ((*stories)[0].last_published, "2024-03-02");
  auto story = store_->GetStory("a1");
  ASSERT_TRUE(story.ok());
  EXPECT_EQ(story->article_ids, (std::vector<std::string>{"a1", "a2", "a3"}));
  auto events = store_->Events(EventQuery{});
  ASSERT_TRUE(events.ok()) << events.status().message();
  ASSERT_EQ(events->size(), 2u);
  for (const EventRow& e : *events) {
    EXPECT_EQ(e.mentions, e.story_id == "a1" ? 3 : 1);
    EXPECT_EQ(e.articles, e.mentions);
    EXPECT_EQ(e.event.cameo, "043");
  }
  EventQuery q;
  q.actor = "FRE";
  q.from = "2024-03-03";
  events = store_->Events(q);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].article_id, "b1");
}

TEST_P(StoreTest, SearchRanksFiltersAndMarksSnippets) {
  Analysis a = MakeArticle("a1", "Harbour tariffs rise", Body("Ruritania", 3), "2024-03-01");
  a.entities.push_back(MakeEntity("e1", "Ruritania", EntityType::kLoc, {}, "", ""));
  a.quotes.push_back(Quote{"No comment", Span{0, 3}, "Ann Smith", "", "said"});
  a.events.push_back(MakeEvent("Ruritania", "RUR", "Freedonia", "FRE", "0431"));
  Analysis b = MakeArticle("b1", "Grain quotas", Body("Freedonia", 3), "2024-04-01");
  b.entities.push_back(MakeEntity("e1", "Freedonia", EntityType::kLoc, {"Fredonia"}, "", ""));
  Analysis c = MakeArticle("c1", "Weather", "Rain fell on the hills all week and nobody minded much.", "2024-05-01");
  EXPECT_EQ(Put({a, b, c}), 3u);

  SearchQuery q;
  q.text = "tariffs";
  auto r = store_->Search(q);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->total, 2);
  ASSERT_EQ(r->hits.size(), 2u);
  EXPECT_EQ(r->hits[0].article_id, "a1");  // the title match ranks first
  EXPECT_GT(r->hits[0].score, r->hits[1].score);
  EXPECT_NE(r->hits[0].snippet.find("[tariff"), std::string::npos) << r->hits[0].snippet;
  EXPECT_EQ(r->hits[0].url, "https://example.test/a1");
  EXPECT_FALSE(r->entities.empty());
  EXPECT_EQ(r->dates.size(), 2u);

  q.entity = "fredonia";  // by alias
  r = store_->Search(q);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].article_id, "b1");

  SearchQuery f;
  f.speaker = "ann smith";
  r = store_->Search(f);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].article_id, "a1");
  ASSERT_EQ(r->speakers.size(), 1u);
  EXPECT_EQ(r->speakers[0].value, "Ann Smith");

  f = SearchQuery{};
  f.cameo = "043";
  r = store_->Search(f);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->total, 1);
  f.cameo = "05";
  EXPECT_EQ(store_->Search(f)->total, 0);

  f = SearchQuery{};
  f.from = "2024-03-15";
  f.to = "2024-04-30";
  r = store_->Search(f);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->total, 1);
  EXPECT_EQ(r->hits[0].article_id, "b1");

  f = SearchQuery{};
  f.story = "c1";
  EXPECT_EQ(store_->Search(f)->total, 1);
  f = SearchQuery{};
  f.limit = 2;
  f.offset = 2;
  r = store_->Search(f);
  EXPECT_EQ(r->total, 3);
  EXPECT_EQ(r->hits.size(), 1u);

  q = SearchQuery{};
  q.text = "\"grain quotas\" OR weather";
  r = store_->Search(q);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->total, 3);
  q.text = "zzzunknownword";
  EXPECT_EQ(store_->Search(q)->total, 0);
}

TEST_P(StoreTest, SqlAndQuoteSoupIsJustText) {
  const std::string soup =
      "Robert'); DROP TABLE articles; -- said \"hello\" \\' \\\" ''; SELECT * FROM sqlite_master; $1 ?1 :name "
      "@x NEAR(a b) AND OR NOT * ^ {title}: \"unterminated\n'; TRUNCATE events CASCADE; /* comment */ %_";
  Analysis a =
      MakeArticle("x'); DROP TABLE stories; --", "Title \"with\" 'quotes'; DELETE FROM entities;", soup, "2024-01-01");
  a.entities.push_back(MakeEntity("e1", "O'Brien \"The Hammer\"; DROP TABLE entities", EntityType::kPerson, {"O'B"},
                                  "Dir. 'of' \"stuff\"", ""));
  a.quotes.push_back(Quote{"'); DELETE FROM quotes; --", Span{0, 5}, "O'Brien", "e1", "said \"loudly\""});
  a.events.push_back(MakeEvent("'; DROP", "A'B", "\"x\"", "C;D", "010"));
  EXPECT_EQ(Put({a}), 1u);
  auto got = store_->GetArticle(a.id);
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(got->body, soup);
  EXPECT_EQ(got->title, a.title);
  EXPECT_EQ(got->quotes.at(0).text, a.quotes[0].text);
  for (const char* text :
       {"DROP TABLE", "\"unterminated", "NEAR(a b)", "'); --", "*", "\"", "OR", "AND NOT", "title: x", "$1 ?1"}) {
    SearchQuery q;
    q.text = text;
    q.entity = "";
    auto r = store_->Search(q);
    EXPECT_TRUE(r.ok()) << text << ": " << r.status().message();
  }
  SearchQuery q;
  q.text = "DROP TABLE";
  auto r = store_->Search(q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total, 1);
  q = SearchQuery{};
  q.entity = "o'brien \"the hammer\"; drop table entities";
  q.speaker = "O'Brien";
  r = store_->Search(q);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->total, 1);
  StoreStats st = Stats();
  EXPECT_EQ(st.articles, 1);
  EXPECT_EQ(st.entities, 1);
  EXPECT_EQ(st.quotes, 1);
  EXPECT_EQ(st.events, 1);
  EXPECT_EQ(st.stories, 1);
}

TEST_P(StoreTest, ForEachArticleWalksEverythingInPages) {
  std::vector<Analysis> batch;
  for (int i = 0; i < 600; ++i) {
    batch.push_back(
        MakeArticle("id" + std::to_string(i), "T" + std::to_string(i), "short body " + std::to_string(i), ""));
  }
  EXPECT_EQ(Put(batch), 600u);
  std::set<std::string> seen;
  ASSERT_TRUE(store_
                  ->ForEachArticle([&](const Analysis& a, const std::string& story) {
                    EXPECT_TRUE(seen.insert(a.id).second) << a.id << " twice";
                    EXPECT_EQ(story, a.id);  // short distinct bodies: each its own story
                    return true;
                  })
                  .ok());
  EXPECT_EQ(seen.size(), 600u);
  int visited = 0;
  ASSERT_TRUE(store_->ForEachArticle([&](const Analysis&, const std::string&) { return ++visited < 10; }).ok());
  EXPECT_EQ(visited, 10);
}

TEST_P(StoreTest, ReopeningKeepsTheSchemaVersion) {
  store_.reset();
  auto again = Store::Open(db_);
  ASSERT_TRUE(again.ok()) << again.status().message();
  auto st = (*again)->Stats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->schema_version, store::kSchemaVersion);
}

// A story is a connected group of near-duplicates, whatever the order articles arrive in
// and however they are batched: an article that is a near-duplicate of two stories joins
// them (here C holds all of A and all of B, which share nothing), and the events of the
// folded story count in the joined one.
TEST_P(StoreTest, StoriesAreConnectedGroupsWhateverTheOrder) {
  std::string x = Body("Ruritania", 12), y = Body("Freedonia", 12);
  auto make = [&](const std::string& id, const std::string& body) {
    Analysis a = MakeArticle(id, "T " + id, body, "2024-03-01");
    a.events.push_back(MakeEvent("Ruritania", "RUR", "Freedonia", "FRE", "043"));
    return a;
  };
  Analysis a = make("A", x), b = make("B", y), c = make("C", x + y), d = make("D", Body("Elbonia", 12));
  const std::vector<std::vector<std::vector<Analysis>>> runs = {
      {{a}, {b}, {c}, {d}}, {{c}, {a, b, d}}, {{a, b}, {d, c}}, {{b, d, a, c}}, {{d}, {b}, {a, c}}};
  for (size_t run = 0; run < runs.size(); ++run) {
    if (run > 0) SetUp();
    for (const auto& batch : runs[run]) Put(batch);
    SCOPED_TRACE("run " + std::to_string(run));
    std::string sa = *store_->StoryOf("A");
    EXPECT_EQ(*store_->StoryOf("B"), sa);
    EXPECT_EQ(*store_->StoryOf("C"), sa);
    EXPECT_EQ(*store_->StoryOf("D"), "D");
    StoreStats st = Stats();
    EXPECT_EQ(st.stories, 2);
    EXPECT_EQ(st.events, 2);  // one per story: the folded story's events moved with it
    auto stories = store_->ListStories(10, 0);
    ASSERT_TRUE(stories.ok());
    ASSERT_EQ(stories->size(), 2u);  // the folded story's row is gone
    EXPECT_EQ((*stories)[0].articles, 3);
    auto events = store_->Events(EventQuery{});
    ASSERT_TRUE(events.ok());
    for (const EventRow& e : *events) EXPECT_EQ(e.mentions, e.story_id == sa ? 3 : 1);
    TearDown();
  }
}

TEST_P(StoreTest, IngestedInputFilesAreRecordedAndReplaced) {
  auto none = store_->IngestedInputs();
  ASSERT_TRUE(none.ok()) << none.status().message();
  EXPECT_TRUE(none->empty());
  ASSERT_TRUE(store_->RecordInputs({{"crawl/a.warc.gz", 100, 5, 4, 1, "2026-01-01T00:00:00Z"},
                                    {"crawl/b.warc.gz", 200, 5, 4, 1, "2026-01-01T00:00:00Z"}})
                  .ok());
  ASSERT_TRUE(store_->RecordInputs({{"crawl/a.warc.gz", 150, 7, 7, 0, "2026-01-02T00:00:00Z"}}).ok());
  auto files = store_->IngestedInputs();
  ASSERT_TRUE(files.ok()) << files.status().message();
  ASSERT_EQ(files->size(), 2u);
  EXPECT_EQ((*files)[0].path, "crawl/a.warc.gz");
  EXPECT_EQ((*files)[0].bytes, 150);
  EXPECT_EQ((*files)[0].inserted, 7);
  EXPECT_EQ((*files)[0].finished, "2026-01-02T00:00:00Z");
  EXPECT_EQ((*files)[1].bytes, 200);
}

// PostgreSQL: an article left queued with the wrong story (as when two writers committed
// near-duplicates at the same moment, or a writer was killed before settling) is put back
// into its story by the next settling, and the stray story's row goes.
TEST_P(StoreTest, SettlingJoinsWhatConcurrentWritersMissed) {
  if (GetParam() != "postgres") GTEST_SKIP() << "SQLite writers are serialised";
  std::string body = Body("Ruritania", 12);
  Analysis a = MakeArticle("a1", "One", body, "2024-03-01");
  Analysis b = MakeArticle("a2", "Two", "Read more.\n" + body, "2024-03-01");
  b.events.push_back(MakeEvent("Ruritania", "RUR", "Freedonia", "FRE", "043"));
  Put({a, b});
  ASSERT_EQ(*store_->StoryOf("a2"), "a1");
  PGconn* c = PQconnectdb(db_.c_str());
  PGresult* r = PQexec(c,
                       "INSERT INTO stories VALUES('a2', 'Two', 'a2'); "
                       "UPDATE articles SET story_id = 'a2' WHERE id = 'a2'; "
                       "UPDATE events SET story_id = 'a2'; "
                       "UPDATE sketches SET story_id = 'a2' WHERE article = (SELECT rid FROM articles WHERE id = 'a2'); "
                       "INSERT INTO story_pending SELECT rid FROM articles WHERE id = 'a2';");
  EXPECT_EQ(PQresultStatus(r), PGRES_COMMAND_OK) << PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  EXPECT_EQ(Stats().stories, 2);
  ASSERT_TRUE(store_->SettleStories().ok());
  EXPECT_EQ(*store_->StoryOf("a2"), "a1");
  EXPECT_EQ(Stats().stories, 1);
  auto events = store_->Events(EventQuery{});
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].story_id, "a1");
  auto stories = store_->ListStories(10, 0);
  ASSERT_TRUE(stories.ok());
  EXPECT_EQ(stories->size(), 1u);
  EXPECT_FALSE(store_->GetStory("a2").ok());
}

// Issue 15: search stems ("protest" finds "protests"; FTS5 porter, PostgreSQL 'english').
TEST_P(StoreTest, SearchStemsWords) {
  Put({MakeArticle("p1", "Protests in the capital", "Thousands were protesting against pension cuts.\n", "2026-01-05"),
       MakeArticle("p2", "Harbour fees", "The council debated harbour fees.\n", "2026-01-06")});
  for (const char* word : {"protest", "protests", "protested", "pension"}) {
    SearchQuery q;
    q.text = word;
    auto r = store_->Search(q);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r->total, 1) << word;
    ASSERT_EQ(r->hits.size(), 1u) << word;
    EXPECT_EQ(r->hits[0].article_id, "p1");
  }
}

// Issue 15: facets count a story once, hits say how big their story is, and the timeline
// gives volume and mean tone per day.
TEST_P(StoreTest, FacetsCountStoriesAndTimelineGivesVolumeAndTone) {
  Analysis a = MakeArticle("r1", "Envoys meet", Body("Ruritania", 6), "2026-01-05");
  a.entities.push_back(MakeEntity("e1", "Anna Berg", EntityType::kPerson, {}, "", ""));
  Analysis repost = a;
  repost.id = "r2";
  repost.title = "Envoys meet again";
  repost.tone.score = 0.75;
  Analysis other = MakeArticle("o1", "Harbour", Body("Freedonia", 6), "2026-01-06");
  other.entities.push_back(MakeEntity("e1", "Anna Berg", EntityType::kPerson, {}, "", ""));
  Put({a, repost, other});
  SearchQuery q;
  q.timeline = true;
  auto r = store_->Search(q);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->total, 3);
  EXPECT_EQ(r->stories, 2);
  ASSERT_FALSE(r->entities.empty());
  EXPECT_EQ(r->entities[0].value, "Anna Berg");
  EXPECT_EQ(r->entities[0].count, 2);
  for (const SearchHit& h : r->hits) EXPECT_EQ(h.story_articles, h.article_id == "o1" ? 1 : 2) << h.article_id;
  ASSERT_EQ(r->timeline.size(), 2u);
  EXPECT_EQ(r->timeline[0].day, "2026-01-05");
  EXPECT_EQ(r->timeline[0].articles, 2);
  EXPECT_EQ(r->timeline[0].stories, 1);
  EXPECT_DOUBLE_EQ(r->timeline[0].tone, (-1.25 + 0.75) / 2);
  EXPECT_EQ(r->timeline[1].articles, 1);
}

// The explorers' filters: the SQL engines agree with the rules of store/query.cc.
TEST_P(StoreTest, EventAndQuoteExplorersFilter) {
  std::vector<Analysis> batch;
  const char* topics[] = {"Ruritania", "Freedonia", "Sylvania"};
  for (int i = 0; i < 3; ++i) {
    Analysis a = MakeArticle("x" + std::to_string(i), std::string("News of ") + topics[i], Body(topics[i], 4),
                             "2026-02-0" + std::to_string(i + 1));
    a.quotes.push_back(Quote{"We want more ferries now", Span{0, 10}, i == 2 ? "Jonas Vik" : "Anna Berg", "", "said"});
    Event arrest = MakeEvent("France", "FRACOP", "France", "FRAOPP", "173");
    arrest.quad_class = 4;
    arrest.location = "Paris";
    arrest.date = i == 0 ? "2026-01-20" : "";
    a.events.push_back(arrest);
    Event probe = MakeEvent("France", "FRAJUD", "France", "FRACOP", i == 1 ? "090" : "0241");
    probe.quad_class = i == 1 ? 3 : 1;
    a.events.push_back(probe);
    batch.push_back(a);
  }
  Put(batch);
  std::vector<EventQuery> queries(9);
  queries[0].source = "FRACOP";
  queries[1].target = "FRACOP";
  queries[2].actor = "fracop";  // codes are exact: nothing
  queries[3].actor = "france";  // names are not
  queries[4].cameo = "09";
  queries[5].quad_class = 4;
  queries[6].location = "PARIS";
  queries[7].from = "2026-02-01";
  queries[7].to = "2026-02-02";
  queries[8].source = "FRAJUD";
  queries[8].target = "FRACOP";
  queries[8].cameo = "02";
  for (size_t k = 0; k < queries.size(); ++k) {
    int64_t expected = 0;
    for (const Analysis& a : batch) {
      for (const Event& e : a.events) expected += EventMatches(queries[k], e, a.published, "") ? 1 : 0;
    }
    queries[k].limit = 2;
    auto page = store_->FindEvents(queries[k]);
    ASSERT_TRUE(page.ok()) << page.status().message();
    EXPECT_EQ(page->total, expected) << "query " << k;
    EXPECT_EQ(page->events.size(), std::min<size_t>(2, expected)) << "query " << k;
  }
  QuoteQuery qq;
  qq.text = "FERRIES now";
  auto quotes = store_->FindQuotes(qq);
  ASSERT_TRUE(quotes.ok()) << quotes.status().message();
  EXPECT_EQ(quotes->total, 3);
  ASSERT_EQ(quotes->quotes.size(), 3u);
  EXPECT_EQ(quotes->quotes[0].article_id, "x2");  // newest first
  EXPECT_EQ(quotes->quotes[0].title, "News of Sylvania");
  EXPECT_FALSE(quotes->quotes[0].context.empty());
  qq.speaker = "Anna Berg";
  qq.to = "2026-02-01";
  quotes = store_->FindQuotes(qq);
  ASSERT_TRUE(quotes.ok());
  EXPECT_EQ(quotes->total, 1);
  qq = QuoteQuery{};
  qq.text = "50%_off";  // LIKE wildcards are literal
  quotes = store_->FindQuotes(qq);
  ASSERT_TRUE(quotes.ok());
  EXPECT_EQ(quotes->total, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param == "sqlite" ? "Sqlite" : "Postgres"; });

// A SQLite database file in the temp folder, removed (with its log) before and after.
struct TempSqlite {
  explicit TempSqlite(const std::string& name)
      : path((std::filesystem::temp_directory_path() / (name + "_" + std::to_string(getpid()) + ".db")).string()) {
    Remove();
  }
  ~TempSqlite() { Remove(); }
  void Remove() const {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
  // Runs one statement on its own connection (with `param` bound to ?1 when given) and
  // returns the first column of its first row, or "" when it returns none.
  std::string Run(const char* sql, const std::string* param = nullptr) const {
    sqlite3* db = nullptr;
    sqlite3_stmt* stmt = nullptr;
    std::string out;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK || sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
    } else {
      if (param) sqlite3_bind_text(stmt, 1, param->c_str(), static_cast<int>(param->size()), SQLITE_TRANSIENT);
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_ROW) out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
      EXPECT_TRUE(rc == SQLITE_ROW || rc == SQLITE_DONE) << sql << ": " << sqlite3_errmsg(db);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
  }
  std::string path;
};

// A row written by schema version 2 holds the whole analysis in its JSON; it is read as it
// is, without adding the rows of the tables a second time.
TEST(SqliteStoreTest, ReadsVersion2RowsWithTheirWholeJson) {
  TempSqlite file("newsgraph_store_v2");
  auto store = Store::Open(file.path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  Analysis a = MakeArticle("a1", "Envoys meet", Body("Ruritania", 4), "2024-03-01");
  a.entities.push_back(
      MakeEntity("e1", "Antony Blinken", EntityType::kPerson, {"Blinken"}, "Secretary of State", "USA"));
  a.quotes.push_back(Quote{"We will talk again", Span{5, 23}, "Antony Blinken", "e1", "said"});
  a.events.push_back(MakeEvent("Antony Blinken", "USAGOV", "Qin Gang", "CHNGOV", "040"));
  size_t n = 0;
  ASSERT_TRUE((*store)->Put({a}, &n).ok());
  EXPECT_EQ(n, 1u);
  nlohmann::json whole = ToJson(a);
  whole.erase("body");
  std::string text = whole.dump();
  file.Run("UPDATE articles SET analysis = ?1", &text);
  auto got = (*store)->GetArticle("a1");
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(ToJsonString(*got), ToJsonString(a));
  store->reset();
}

// A version 3 database (full-text index without stemming) is upgraded in place: every
// article is kept and search stems afterwards.
TEST(SqliteStoreTest, UpgradesVersion3ToStemmedSearch) {
  TempSqlite file("newsgraph_store_v3");
  {
    auto store = Store::Open(file.path);
    ASSERT_TRUE(store.ok()) << store.status().message();
    Analysis a = MakeArticle("p1", "Protests", "Crowds were protesting downtown.\n", "2026-01-05");
    a.events.push_back(MakeEvent("Police", "FRACOP", "Crowds", "FRAOPP", "173"));
    ASSERT_TRUE((*store)->Put({a}, nullptr).ok());
  }
  // Back to what version 3 wrote.
  file.Run("DROP TABLE articles_fts");
  file.Run(
      "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='rid', "
      "tokenize='unicode61 remove_diacritics 2')");
  file.Run("INSERT INTO articles_fts(articles_fts) VALUES('rebuild')");
  for (const char* index : {"events_source_code", "events_target_code", "events_source_name", "events_target_name",
                            "events_day", "events_root_day", "events_location"}) {
    file.Run((std::string("DROP INDEX ") + index).c_str());
  }
  file.Run("ALTER TABLE events DROP COLUMN day");
  file.Run("UPDATE meta SET value = '3' WHERE key = 'schema_version'");
  EXPECT_EQ(file.Run("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'protest'"), "0");

  auto store = Store::Open(file.path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto st = (*store)->Stats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->schema_version, 4);
  EXPECT_EQ(st->articles, 1);
  SearchQuery q;
  q.text = "protest";
  auto r = (*store)->Search(q);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->total, 1);
  EXPECT_EQ(file.Run("SELECT COUNT(*) FROM sqlite_master WHERE name = 'events_source_name'"), "1");
  EXPECT_EQ(file.Run("SELECT day FROM events"), "2026-01-05");  // the article's date: the event has none
  EventQuery eq;
  eq.from = "2026-01-05";
  auto page = (*store)->FindEvents(eq);
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->total, 1);
}

TEST(StoreOpen, RefusesANewerSchemaAndBadPaths) {
  std::string dir = std::filesystem::temp_directory_path() / ("newsgraph_store_open_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  {
    auto s = Store::Open(dir + "/kb.db");
    ASSERT_TRUE(s.ok());
  }
  // A database written by a future newsgraph.
  auto db = Store::Open(dir + "/kb.db");
  ASSERT_TRUE(db.ok());
  db->reset();
  {
    std::string cmd = "sqlite3 '" + dir + "/kb.db' \"UPDATE meta SET value = '999' WHERE key = 'schema_version'\"";
    if (std::system(cmd.c_str()) == 0) {
      auto newer = Store::Open(dir + "/kb.db");
      EXPECT_FALSE(newer.ok());
      EXPECT_NE(newer.status().message().find("newer"), std::string::npos);
    }
  }
  EXPECT_FALSE(Store::Open(dir + "/no/such/dir/kb.db").ok());
  EXPECT_FALSE(Store::Open("").ok());
  EXPECT_FALSE(Store::Open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2").ok());
  std::filesystem::remove_all(dir);
}

TEST(NormalizeName, FoldsCaseDotsAndPunctuation) {
  EXPECT_EQ(NormalizeName("U.S."), "us");
  EXPECT_EQ(NormalizeName("  Antony   BLINKEN "), "antony blinken");
  EXPECT_EQ(NormalizeName("O'Brien-Smith"), "o brien smith");
  EXPECT_EQ(NormalizeName("Élysée Palace"), "élysée palace");
  EXPECT_EQ(NormalizeName(""), "");
}

// Enough writes to cross SQLite's checkpoint threshold many times over: everything is
// there after reopening, the file is sound, and closing the last connection folds the
// write-ahead log into the database.
TEST(SqliteStoreTest, ManyBatchesKeepTheDatabaseWhole) {
  TempSqlite file("newsgraph_store_ckpt");
  {
    auto store = Store::Open(file.path);
    ASSERT_TRUE(store.ok()) << store.status().message();
    for (int b = 0; b < 40; ++b) {
      std::vector<Analysis> batch;
      for (int i = 0; i < 50; ++i) {
        std::string id = "c" + std::to_string(b) + "_" + std::to_string(i);
        batch.push_back(MakeArticle(id, "T " + id, Body(id, 12), "2024-01-01"));
      }
      size_t n = 0;
      ASSERT_TRUE((*store)->Put(batch, &n).ok());
      ASSERT_EQ(n, 50u);
    }
  }
  EXPECT_FALSE(std::filesystem::exists(file.path + "-wal"));
  auto store = Store::Open(file.path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ((*store)->Stats()->articles, 2000);
  store->reset();
  EXPECT_EQ(file.Run("PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace newsgraph
