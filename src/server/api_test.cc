#include "server/api.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/memory_store.h"
#include "server/server.h"
#include "server/test_articles.h"

namespace newsgraph::server {
namespace {

using nlohmann::json;

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = Analyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status().message();
    analyzer_ = std::move(*analyzer);
    auto store = std::make_unique<MemoryStore>();
    ASSERT_TRUE(store->Put(testing::SmallCorpus(), nullptr).ok());
    api_ = std::make_unique<Api>(MemoryStore::Share(std::move(store), 3), analyzer_.get(), ApiOptions{token_});
  }

  ApiResponse Get(const std::string& path, std::multimap<std::string, std::string> params = {}) {
    return api_->Handle(ApiRequest{"GET", path, std::move(params), "", "", ""});
  }
  ApiResponse Post(const std::string& path, const std::string& body, const std::string& type = "text/plain",
                   const std::string& auth = "") {
    return api_->Handle(ApiRequest{"POST", path, {}, body, type, auth});
  }
  static json Body(const ApiResponse& r) { return json::parse(r.body); }
  static void ExpectError(const ApiResponse& r, int status) {
    EXPECT_EQ(r.status, status) << r.body;
    json j = json::parse(r.body);
    EXPECT_EQ(j["error"]["status"], status);
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
  }

  std::string token_;
  std::unique_ptr<Analyzer> analyzer_;
  std::unique_ptr<Api> api_;
};

TEST_F(ApiTest, SearchReturnsHitsFacetsAndPaging) {
  ApiResponse r = Get("/v1/search", {{"q", "ferry"}, {"limit", "1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  json j = Body(r);
  EXPECT_EQ(j["total"], 2);
  EXPECT_EQ(j["hits"].size(), 1u);
  EXPECT_EQ(j["paging"]["limit"], 1);
  EXPECT_EQ(j["facets"]["speakers"][0]["value"], "Anna Berg");
  EXPECT_EQ(j["facets"]["cameo_roots"][0]["value"], "04");
  EXPECT_EQ(Body(Get("/v1/search", {{"speaker", "Anna Berg"}, {"cameo", "04"}}))["total"], 2);
}

TEST_F(ApiTest, BadParametersAreJsonErrors) {
  ExpectError(Get("/v1/search", {{"limit", "x"}}), 400);
  ExpectError(Get("/v1/search", {{"limit", "201"}}), 400);
  ExpectError(Get("/v1/search", {{"offset", "-3"}}), 400);
  ExpectError(Get("/v1/search", {{"from", "2026/01/01"}}), 400);
  ExpectError(Get("/v1/events", {{"to", "soon"}}), 400);
  ExpectError(Get("/v1/entities/12abc"), 400);
  ExpectError(Get("/v1/entities/0"), 400);
}

TEST_F(ApiTest, UnknownThingsAre404AndWrongMethods405) {
  ExpectError(Get("/v1/articles/nope"), 404);
  ExpectError(Get("/v1/entities/77"), 404);
  ExpectError(Get("/v1/stories/nope"), 404);
  ExpectError(Get("/v1/whatever"), 404);
  ExpectError(Get("/v1/articles/a1/extra"), 404);
  ExpectError(Get("/nothing-here.js"), 404);
  ExpectError(Get("/../etc/passwd"), 404);
  ExpectError(Post("/v1/search", ""), 405);
  ExpectError(Get("/v1/analyze"), 405);
  ExpectError(api_->Handle(ApiRequest{"DELETE", "/v1/articles/a1", {}, "", "", ""}), 405);
}

TEST_F(ApiTest, ArticleStoriesEntitiesQuotesEvents) {
  json a = Body(Get("/v1/articles/a3"));
  EXPECT_EQ(a["title"], "Port strike threatened");
  EXPECT_EQ(a["events"][0]["cameo"], "130");

  json stories = Body(Get("/v1/stories"));
  ASSERT_EQ(stories["stories"].size(), 2u);
  EXPECT_EQ(stories["stories"][0]["articles"], 2);
  json story = Body(Get("/v1/stories/" + stories["stories"][0]["id"].get<std::string>()));
  EXPECT_EQ(story["article_list"].size(), 2u);

  json entities = Body(Get("/v1/entities", {{"q", "anna"}}));
  ASSERT_EQ(entities["entities"].size(), 1u);
  int64_t id = entities["entities"][0]["id"];
  json anna = Body(Get("/v1/entities/" + std::to_string(id)));
  EXPECT_EQ(anna["name"], "Anna Berg");
  EXPECT_EQ(anna["titles"][0], "Minister");
  EXPECT_EQ(anna["quotes"].size(), 2u);
  EXPECT_EQ(anna["events"].size(), 2u);
  EXPECT_EQ(anna["co_occurring"][0]["name"], "Jonas Vik");

  EXPECT_EQ(Body(Get("/v1/quotes", {{"speaker", "Anna Berg"}}))["quotes"].size(), 2u);
  EXPECT_EQ(Body(Get("/v1/events", {{"actor", "Lena Sørlie"}}))["events"].size(), 1u);
  json net = Body(Get("/v1/network"));
  ASSERT_EQ(net["edges"].size(), 2u);
  EXPECT_EQ(net["edges"][0]["source"], "Anna Berg");
  EXPECT_EQ(net["edges"][0]["events"], 2);
  EXPECT_EQ(net["nodes"].size(), 3u);
}

TEST_F(ApiTest, AnalyzeStoresNothingArticlesStoresOnce) {
  const std::string text = "Harbour deal\nOfficials met in Riga on Tuesday to sign a harbour deal.\n";
  ApiResponse r = Post("/v1/analyze", text);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["title"], "Harbour deal");
  EXPECT_EQ(Body(Get("/healthz"))["articles"], 3);
  r = Post("/v1/articles", text);
  ASSERT_EQ(r.status, 201) << r.body;
  std::string id = Body(r)["id"];
  EXPECT_EQ(Post("/v1/articles", text).status, 200);
  EXPECT_EQ(Body(Get("/healthz"))["articles"], 4);
  EXPECT_EQ(Get("/v1/articles/" + id).status, 200);
  r = Post("/v1/analyze", R"({"text": "Harbour deal\nSigned in Riga.", "published": "2026-05-01"})",
           "application/json");
  ASSERT_EQ(r.status, 200) << r.body;
  ExpectError(Post("/v1/analyze", R"({"text": "x", "published": "May"})", "application/json"), 400);
  ExpectError(Post("/v1/analyze", "   \n"), 400);
  ExpectError(Post("/v1/analyze", "[]", "application/json"), 400);
}

// Issue 15, defect 1: impossible dates, unknown CAMEO codes and quad classes are 400s
// naming the parameter, not 200 with nothing.
TEST_F(ApiTest, ImpossibleDatesAndUnknownCodesAre400) {
  for (const char* endpoint : {"/v1/search", "/v1/events", "/v1/network", "/v1/quotes"}) {
    for (const char* day : {"2025-13-45", "2025-02-30", "2025-00-10", "2025-1-5"}) {
      ApiResponse r = Get(endpoint, {{"from", day}});
      ExpectError(r, 400);
      EXPECT_NE(r.body.find(day), std::string::npos) << r.body;
    }
  }
  EXPECT_EQ(Get("/v1/search", {{"from", "2024-02-29"}}).status, 200);  // a leap day
  ExpectError(Get("/v1/search", {{"from", "2026-05-01"}, {"to", "2026-04-01"}}), 400);
  for (const char* endpoint : {"/v1/search", "/v1/events", "/v1/network"}) {
    for (const char* code : {"999", "21", "abc", "0401x", "17311"}) {
      ApiResponse r = Get(endpoint, {{"cameo", code}});
      ExpectError(r, 400);
      EXPECT_NE(r.body.find("cameo"), std::string::npos) << r.body;
    }
    for (const char* code : {"1", "04", "040", "0241"}) EXPECT_EQ(Get(endpoint, {{"cameo", code}}).status, 200) << code;
  }
  ExpectError(Get("/v1/events", {{"quad_class", "5"}}), 400);
  ExpectError(Get("/v1/events", {{"format", "xml"}}), 400);
}

TEST_F(ApiTest, AnalyzeSaysWhatItReads) {
  ApiResponse r = Post("/v1/analyze", "%PDF-1.4", "application/pdf");
  ExpectError(r, 415);
  EXPECT_NE(r.body.find("text/plain"), std::string::npos) << r.body;
  ExpectError(Post("/v1/analyze", "a=b", "application/x-www-form-urlencoded"), 415);
  for (const char* body : {"{}", R"({"body": "Harbour deal\nSigned."})", R"({"content": "x", "title": "t"})"}) {
    r = Post("/v1/analyze", body, "application/json");
    ExpectError(r, 400);
    EXPECT_NE(r.body.find("accepted fields: text"), std::string::npos) << r.body;
  }
  EXPECT_NE(Post("/v1/analyze", R"({"body": "x"})", "application/json").body.find("'body'"), std::string::npos);
  EXPECT_EQ(Post("/v1/analyze", "Harbour deal\nSigned in Riga.", "text/plain; charset=utf-8").status, 200);
  EXPECT_EQ(Post("/v1/analyze", R"({"text": "Harbour deal\nSigned in Riga."})", "Application/JSON").status, 200);
}

TEST_F(ApiTest, ListsReturnTheirTotal) {
  json j = Body(Get("/v1/stories", {{"limit", "1"}}));
  EXPECT_EQ(j["total"], 2);
  EXPECT_EQ(j["stories"].size(), 1u);
  j = Body(Get("/v1/entities", {{"limit", "1"}}));
  EXPECT_EQ(j["total"], 3);
  EXPECT_EQ(j["entities"].size(), 1u);
  j = Body(Get("/v1/quotes", {{"limit", "1"}}));
  EXPECT_EQ(j["total"], 2);
  EXPECT_EQ(j["quotes"].size(), 1u);
  j = Body(Get("/v1/events", {{"limit", "1"}}));
  EXPECT_EQ(j["total"], 3);
  EXPECT_EQ(j["events"].size(), 1u);
  EXPECT_EQ(Body(Get("/v1/search", {{"limit", "0"}}))["total"], 3);
}

TEST_F(ApiTest, QuotesExplorerFiltersAndGivesContext) {
  json j = Body(Get("/v1/quotes", {{"q", "FERRIES"}, {"from", "2026-03-02"}}));
  ASSERT_EQ(j["total"], 1);
  EXPECT_EQ(j["quotes"][0]["article_id"], "a2");
  EXPECT_EQ(j["quotes"][0]["title"], "Ferry talks resume");
  EXPECT_EQ(j["quotes"][0]["context"], "\"We want more ferries,\" Anna Berg said.");
  EXPECT_EQ(Body(Get("/v1/quotes", {{"q", "ferries trains"}}))["total"], 0);
  EXPECT_EQ(Body(Get("/v1/quotes", {{"story", j["quotes"][0]["story_id"].get<std::string>()}}))["total"], 2);
  EXPECT_EQ(Body(Get("/v1/quotes", {{"speaker", "Jonas Vik"}}))["total"], 0);
}

// Events with CAMEO actor codes: the network keys actors by code, so a domestic event
// (police arresting protesters, both French) is an edge; downloads follow the filter.
class CodedEventsTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    auto analyzer = Analyzer::Create();
    ASSERT_TRUE(analyzer.ok());
    analyzer_ = std::move(*analyzer);
    Analysis a = testing::MakeArticle("c1", "Arrests in Paris", "2026-06-03",
                                      "Police arrested 40 protesters in Paris on Monday. Prosecutors opened an "
                                      "inquiry into the police.",
                                      {}, "", "", "");
    auto event = [&](const char* src, const char* src_code, const char* tgt, const char* tgt_code, const char* cameo,
                     int quad, const char* evidence, const char* date) {
      Event e;
      e.source = src;
      e.source_code = src_code;
      e.target = tgt;
      e.target_code = tgt_code;
      e.cameo = cameo;
      e.root = std::string(cameo).substr(0, 2);
      e.quad_class = quad;
      e.evidence = evidence;
      e.location = "Paris";
      e.date = date;
      a.events.push_back(e);
    };
    event("France", "FRACOP", "France", "FRAOPP", "173", 4, "Police arrested 40 protesters", "2026-06-01");
    event("France", "FRAJUD", "France", "FRACOP", "090", 3, "Prosecutors opened an inquiry into the police", "");
    auto store = std::make_unique<MemoryStore>();
    ASSERT_TRUE(store->Put({a}, nullptr).ok());
    api_ = std::make_unique<Api>(std::move(store), analyzer_.get(), ApiOptions{});
  }
};

TEST_F(CodedEventsTest, FiltersBySideCodeQuadPlaceAndDay) {
  EXPECT_EQ(Body(Get("/v1/events", {{"source", "FRACOP"}}))["total"], 1);
  EXPECT_EQ(Body(Get("/v1/events", {{"target", "FRACOP"}}))["total"], 1);
  EXPECT_EQ(Body(Get("/v1/events", {{"actor", "FRACOP"}}))["total"], 2);
  EXPECT_EQ(Body(Get("/v1/events", {{"source", "FRACOP"}, {"target", "FRAOPP"}}))["total"], 1);
  EXPECT_EQ(Body(Get("/v1/events", {{"source", "FRAOPP"}, {"target", "FRACOP"}}))["total"], 0);
  EXPECT_EQ(Body(Get("/v1/events", {{"quad_class", "3"}}))["events"][0]["cameo"], "090");
  EXPECT_EQ(Body(Get("/v1/events", {{"location", "paris"}}))["total"], 2);
  EXPECT_EQ(Body(Get("/v1/events", {{"location", "Lyon"}}))["total"], 0);
  // The arrest happened on its resolved date; the inquiry has none and is filed under publication.
  EXPECT_EQ(Body(Get("/v1/events", {{"to", "2026-06-02"}}))["total"], 1);
  EXPECT_EQ(Body(Get("/v1/events", {{"from", "2026-06-03"}}))["events"][0]["cameo"], "090");
  json e = Body(Get("/v1/events", {{"cameo", "17"}}))["events"][0];
  EXPECT_EQ(e["cameo_label"], "arrest, detain or charge");
  EXPECT_EQ(e["root_label"], "coerce");
  EXPECT_EQ(e["day"], "2026-06-01");
}

TEST_F(CodedEventsTest, NetworkIsKeyedByActorCode) {
  json net = Body(Get("/v1/network"));
  ASSERT_EQ(net["edges"].size(), 2u) << net.dump();
  ASSERT_EQ(net["nodes"].size(), 3u) << net.dump();
  int64_t edge_events = 0, node_events = 0;
  for (const json& edge : net["edges"]) {
    int64_t roots = 0, quads = 0;
    for (const auto& [k, v] : edge["roots"].items()) roots += v.get<int64_t>();
    for (const auto& [k, v] : edge["quad_classes"].items()) quads += v.get<int64_t>();
    EXPECT_EQ(roots, edge["events"]);
    EXPECT_EQ(quads, edge["events"]);
    edge_events += edge["events"].get<int64_t>();
    if (edge["source"] == "FRAJUD") EXPECT_EQ(edge["quad_classes"]["3"], 1);  // investigate: verbal conflict
  }
  for (const json& node : net["nodes"]) {
    EXPECT_EQ(node["label"], "France");
    EXPECT_EQ(node["code"], node["id"]);
    node_events += node["events"].get<int64_t>();
  }
  EXPECT_EQ(node_events, 2 * edge_events);  // each event counted at both of its ends
}

TEST_F(CodedEventsTest, PlacesForTheMap) {
  json j = Body(Get("/v1/places"));
  EXPECT_EQ(j["events"], 2);
  ASSERT_EQ(j["countries"].size(), 1u) << j.dump();  // both events are French on both sides
  EXPECT_EQ(j["countries"][0]["code"], "FRA");
  EXPECT_EQ(j["countries"][0]["numeric"], "250");
  EXPECT_EQ(j["countries"][0]["events"], 2);
  if (j["gazetteer"]) {
    ASSERT_EQ(j["places"].size(), 1u);
    EXPECT_EQ(j["places"][0]["name"], "Paris");
    EXPECT_EQ(j["places"][0]["country"], "FR");  // not Paris, Texas: the actors are French
    EXPECT_NEAR(j["places"][0]["lat"].get<double>(), 48.85, 0.1);
    EXPECT_EQ(j["located"], 2);
  }
  EXPECT_EQ(Body(Get("/v1/places", {{"quad_class", "3"}}))["events"], 1);
  ExpectError(Get("/v1/places", {{"cameo", "999"}}), 400);
}

TEST_F(CodedEventsTest, DownloadsCsvAndGdeltOfTheFilter) {
  ApiResponse csv = Get("/v1/events", {{"format", "csv"}, {"quad_class", "4"}});
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(csv.content_type.starts_with("text/csv"));
  EXPECT_TRUE(csv.body.starts_with("day,source,source_code,"));
  EXPECT_NE(csv.body.find("2026-06-01,France,FRACOP,France,FRAOPP,173,\"arrest, detain or charge\",4,"),
            std::string::npos)
      << csv.body;
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 2);
  ApiResponse gdelt = Get("/v1/events", {{"format", "gdelt"}});
  ASSERT_EQ(gdelt.status, 200) << gdelt.body;
  EXPECT_EQ(std::count(gdelt.body.begin(), gdelt.body.end(), '\n'), 2);
  EXPECT_NE(gdelt.body.find("\t20260601\t202606\t2026\t"), std::string::npos) << gdelt.body;
}

TEST_F(ApiTest, TokenGuardsPosts) {
  auto store = std::make_unique<MemoryStore>();
  Api guarded(std::move(store), analyzer_.get(), ApiOptions{"t0ken"});
  auto post = [&](const std::string& auth) {
    return guarded.Handle(ApiRequest{"POST", "/v1/articles", {}, "Title\nBody text here.", "text/plain", auth});
  };
  ExpectError(post(""), 401);
  ExpectError(post("Bearer t0ke"), 401);
  ExpectError(post("Bearer t0ken2"), 401);
  ExpectError(post("t0ken"), 401);
  EXPECT_EQ(post("Bearer t0ken").status, 201);
  EXPECT_EQ(guarded.Handle(ApiRequest{"GET", "/healthz", {}, "", "", ""}).status, 200);
}

TEST_F(ApiTest, ServesTheWebUiAndOpenApi) {
  ApiResponse page = Get("/");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(page.content_type.starts_with("text/html"));
  EXPECT_NE(page.body.find("/app.js"), std::string::npos);
  EXPECT_TRUE(Get("/app.js").content_type.starts_with("text/javascript"));
  json spec = Body(Get("/v1/openapi.json"));
  EXPECT_EQ(spec["openapi"], "3.0.3");
  EXPECT_TRUE(spec["paths"].contains("/v1/search"));
}

TEST_F(ApiTest, ParallelRequestsShareTheStore) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        if (t == 0 && i % 10 == 0) {
          Post("/v1/articles", "Title " + std::to_string(i) + "\nFerry news number " + std::to_string(i) + ".");
        }
        if (Get("/v1/search", {{"q", "ferry"}}).status == 200) ++ok;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, 300);
  EXPECT_EQ(Body(Get("/healthz"))["articles"], 8);
}

TEST(ServerTest, LoopbackAndTokenRules) {
  EXPECT_TRUE(IsLoopback("127.0.0.1"));
  EXPECT_TRUE(IsLoopback("::1"));
  EXPECT_TRUE(IsLoopback("localhost"));
  EXPECT_FALSE(IsLoopback("0.0.0.0"));
  EXPECT_FALSE(IsLoopback("192.168.1.4"));
  auto analyzer = Analyzer::Create();
  ASSERT_TRUE(analyzer.ok());
  ServerOptions open;
  open.host = "0.0.0.0";
  EXPECT_FALSE(Server::Create(MemoryStore::Share(std::make_unique<MemoryStore>(), 2), analyzer->get(), open).ok());
  open.token = "secret";
  EXPECT_TRUE(Server::Create(MemoryStore::Share(std::make_unique<MemoryStore>(), 2), analyzer->get(), open).ok());
}

}  // namespace
}  // namespace newsgraph::server
