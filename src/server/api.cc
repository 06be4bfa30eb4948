#include "server/api.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "core/data.h"
#include "core/json.h"

namespace newsgraph::server {
namespace {

using nlohmann::json;

constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 200;
constexpr int kMaxBulkLimit = 5000;  // events and network: chart and graph input

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

ApiResponse Json(int status, const json& j) {
  ApiResponse r;
  r.status = status;
  r.body = j.dump(-1, ' ', false, json::error_handler_t::replace);
  return r;
}

int StatusToHttp(const Status& s) {
  switch (s.code()) {
    case Status::Code::kNotFound:
      return 404;
    case Status::Code::kInvalidArgument:
      return 400;
    default:
      return 500;
  }
}

ApiResponse FromStatus(const Status& s) { return Api::Error(StatusToHttp(s), s.message()); }

std::string Param(const ApiRequest& req, const std::string& name) {
  auto it = req.params.find(name);
  return it == req.params.end() ? std::string() : it->second;
}

// Reads an integer parameter in [min, max]; missing means `fallback`.
bool IntParam(const ApiRequest& req, const std::string& name, int fallback, int min, int max, int* out,
              std::string* error) {
  std::string v = Param(req, name);
  if (v.empty()) {
    *out = fallback;
    return true;
  }
  int value = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
  if (ec != std::errc() || end != v.data() + v.size() || value < min || value > max) {
    *error = name + " must be an integer from " + std::to_string(min) + " to " + std::to_string(max);
    return false;
  }
  *out = value;
  return true;
}

bool IsDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// Checks the from/to parameters; an error message, or empty.
std::string DateParams(const ApiRequest& req, std::string* from, std::string* to) {
  *from = Param(req, "from");
  *to = Param(req, "to");
  for (const std::string* d : {from, to}) {
    if (!d->empty() && !IsDate(*d)) return "from and to must be dates as YYYY-MM-DD, got '" + *d + "'";
  }
  return {};
}

json FacetsJson(const std::vector<Facet>& facets) {
  json out = json::array();
  for (const Facet& f : facets) out.push_back({{"value", f.value}, {"count", f.count}});
  return out;
}

json EntityJson(const EntitySummary& e) {
  return {{"id", e.id},           {"name", e.name},     {"type", e.type},         {"country", OrNull(e.country)},
          {"aliases", e.aliases}, {"titles", e.titles}, {"articles", e.articles}, {"mentions", e.mentions}};
}

json StoryJson(const StorySummary& s) {
  json j = {{"id", s.id},
            {"title", OrNull(s.title)},
            {"articles", s.articles},
            {"first_published", OrNull(s.first_published)},
            {"last_published", OrNull(s.last_published)}};
  if (!s.article_ids.empty()) j["article_ids"] = s.article_ids;
  return j;
}

json QuoteJson(const QuoteRow& q) {
  return {{"article_id", q.article_id},
          {"text", q.text},
          {"speaker", OrNull(q.speaker)},
          {"speaker_entity", q.speaker_entity == 0 ? json(nullptr) : json(q.speaker_entity)},
          {"cue", OrNull(q.cue)},
          {"published", OrNull(q.published)}};
}

json EventJson(const EventRow& r) {
  json j = EventToJson(r.event);
  j["article_id"] = r.article_id;
  j["story_id"] = OrNull(r.story_id);
  j["published"] = OrNull(r.published);
  j["mentions"] = r.mentions;
  return j;
}

json Paging(int limit, int offset) { return {{"limit", limit}, {"offset", offset}}; }

const char* ContentTypeOf(const std::string& name) {
  auto ends = [&](std::string_view ext) { return name.size() >= ext.size() && name.ends_with(ext); };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".json")) return "application/json";
  return "application/octet-stream";
}

// Splits "/v1/entities/12" into {"v1", "entities", "12"}.
std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    if (j > i) out.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

}  // namespace

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i % std::max<size_t>(b.size(), 1)]);
  return diff == 0 && !b.empty();
}

StorePool::StorePool(std::vector<std::unique_ptr<Store>> stores) : stores_(std::move(stores)) {}

StorePool::Lease StorePool::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  free_.wait(lock, [&] { return !stores_.empty(); });
  std::unique_ptr<Store> store = std::move(stores_.back());
  stores_.pop_back();
  return Lease(this, std::move(store));
}

void StorePool::Return(std::unique_ptr<Store> store) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stores_.push_back(std::move(store));
  }
  free_.notify_one();
}

namespace {
std::vector<std::unique_ptr<Store>> One(std::unique_ptr<Store> store) {
  std::vector<std::unique_ptr<Store>> v;
  v.push_back(std::move(store));
  return v;
}
}  // namespace

Api::Api(std::vector<std::unique_ptr<Store>> stores, const Analyzer* analyzer, ApiOptions options)
    : stores_(std::move(stores)), analyzer_(analyzer), options_(std::move(options)) {}

Api::Api(std::unique_ptr<Store> store, const Analyzer* analyzer, ApiOptions options)
    : Api(One(std::move(store)), analyzer, std::move(options)) {}

ApiResponse Api::Error(int status, std::string_view message) {
  return Json(status, {{"error", {{"status", status}, {"message", message}}}});
}

ApiResponse Api::Handle(const ApiRequest& req) {
  try {
    return Route(req);
  } catch (const std::exception& e) {
    return Error(500, std::string("internal error: ") + e.what());
  }
}

ApiResponse Api::Route(const ApiRequest& req) {
  std::vector<std::string> seg = Segments(req.path);
  bool get = req.method == "GET" || req.method == "HEAD";
  if (seg.empty() || seg[0] != "v1") {
    if (seg.size() == 1 && seg[0] == "healthz") return get ? Health() : Error(405, "use GET");
    if (!get) return Error(405, "use GET");
    return Asset(seg.empty() ? "index.html" : seg.size() == 1 ? seg[0] : std::string());
  }
  if (seg.size() < 2) return Error(404, "no such endpoint: " + req.path);
  const std::string& what = seg[1];
  if (req.method == "POST") {
    if (seg.size() != 2 || (what != "analyze" && what != "articles")) return Error(405, "no POST on " + req.path);
    if (!options_.token.empty() && !ConstantTimeEquals(req.authorization, "Bearer " + options_.token)) {
      return Error(401, "this endpoint needs 'Authorization: Bearer <token>'");
    }
    return Analyze(req, what == "articles");
  }
  if (!get) return Error(405, "method not allowed: " + req.method);
  if (seg.size() == 2) {
    if (what == "search") return Search(req);
    if (what == "stories") return Stories(req);
    if (what == "entities") return Entities(req);
    if (what == "quotes") return Quotes(req);
    if (what == "events") return Events(req);
    if (what == "network") return Network(req);
    if (what == "openapi.json") return Asset("openapi.json");
    if (what == "articles" || what == "analyze") return Error(405, "use POST on " + req.path);
  } else if (seg.size() == 3) {
    if (what == "articles") return Article(seg[2]);
    if (what == "stories") return Story(seg[2]);
    if (what == "entities") return Entity(seg[2]);
  }
  return Error(404, "no such endpoint: " + req.path);
}

ApiResponse Api::Health() {
  StorePool::Lease store = stores_.Acquire();
  auto stats = store->Stats();
  if (!stats.ok()) return Error(503, "store unavailable: " + stats.status().message());
  return Json(200, {{"status", "ok"},
                    {"version", NEWSGRAPH_VERSION},
                    {"articles", stats->articles},
                    {"stories", stats->stories},
                    {"entities", stats->entities},
                    {"quotes", stats->quotes},
                    {"events", stats->events}});
}

ApiResponse Api::Asset(const std::string& name) {
  if (name.empty() || name.find("..") != std::string::npos) return Error(404, "not found");
  auto text = ReadDataFile("web/" + name);
  if (!text.ok()) return Error(404, "not found: /" + name);
  ApiResponse r;
  r.content_type = ContentTypeOf(name);
  r.body = std::move(*text);
  return r;
}

ApiResponse Api::Analyze(const ApiRequest& req, bool store) {
  RawDocument doc;
  if (req.content_type.starts_with("application/json")) {
    json j = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) return Error(400, "body is not a JSON object");
    auto str = [&](const char* key) {
      auto it = j.find(key);
      return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    doc.bytes = str("html");
    doc.media_type = doc.bytes.empty() ? "text/plain" : "text/html";
    if (doc.bytes.empty()) doc.bytes = str("text");
    doc.title = str("title");
    doc.url = str("url");
    doc.date = str("published");
    if (!doc.date.empty() && !IsDate(doc.date)) return Error(400, "published must be YYYY-MM-DD");
  } else {
    doc.bytes = req.body;
    doc.media_type = req.content_type.starts_with("text/html") ? "text/html" : "text/plain";
  }
  if (doc.bytes.find_first_not_of(" \t\r\n") == std::string::npos) return Error(400, "empty article");
  doc.source = "http";
  auto analysis = analyzer_->Analyze(doc);
  if (!analysis.ok() && doc.media_type == "text/html") {
    // The caller says this HTML is an article: when readability finds no article-sized
    // block (a short snippet), take every text block of the page instead.
    doc.fragment = true;
    analysis = analyzer_->Analyze(doc);
  }
  if (!analysis.ok()) return Error(422, analysis.status().message());
  if (!store) return Json(200, ToJson(*analysis));
  size_t inserted = 0;
  {
    StorePool::Lease store = stores_.Acquire();
    Status s = store->Put({*analysis}, &inserted);
    if (!s.ok()) return FromStatus(s);
  }
  return Json(inserted > 0 ? 201 : 200,
              {{"id", analysis->id}, {"stored", inserted > 0}, {"analysis", ToJson(*analysis)}});
}

ApiResponse Api::Search(const ApiRequest& req) {
  SearchQuery q;
  std::string error;
  if (!IntParam(req, "limit", kDefaultLimit, 0, kMaxLimit, &q.limit, &error) ||
      !IntParam(req, "offset", 0, 0, 1000000, &q.offset, &error)) {
    return Error(400, error);
  }
  error = DateParams(req, &q.from, &q.to);
  if (!error.empty()) return Error(400, error);
  q.text = Param(req, "q");
  q.entity = Param(req, "entity");
  q.speaker = Param(req, "speaker");
  q.cameo = Param(req, "cameo");
  q.story = Param(req, "story");
  auto result = stores_.Acquire()->Search(q);
  if (!result.ok()) return FromStatus(result.status());
  json hits = json::array();
  for (const SearchHit& h : result->hits) {
    hits.push_back({{"id", h.article_id},
                    {"title", OrNull(h.title)},
                    {"url", OrNull(h.url)},
                    {"published", OrNull(h.published)},
                    {"story_id", OrNull(h.story_id)},
                    {"snippet", h.snippet},
                    {"score", h.score}});
  }
  return Json(200, {{"total", result->total},
                    {"paging", Paging(q.limit, q.offset)},
                    {"hits", std::move(hits)},
                    {"facets",
                     {{"entities", FacetsJson(result->entities)},
                      {"speakers", FacetsJson(result->speakers)},
                      {"cameo_roots", FacetsJson(result->cameo_roots)},
                      {"dates", FacetsJson(result->dates)}}}});
}

ApiResponse Api::Article(const std::string& id) {
  auto a = stores_.Acquire()->GetArticle(id);
  if (!a.ok()) return FromStatus(a.status());
  return Json(200, ToJson(*a));
}

ApiResponse Api::Stories(const ApiRequest& req) {
  int limit = 0, offset = 0;
  std::string error;
  if (!IntParam(req, "limit", kDefaultLimit, 0, kMaxLimit, &limit, &error) ||
      !IntParam(req, "offset", 0, 0, 1000000, &offset, &error)) {
    return Error(400, error);
  }
  auto rows = stores_.Acquire()->ListStories(limit, offset);
  if (!rows.ok()) return FromStatus(rows.status());
  json out = json::array();
  for (const StorySummary& s : *rows) out.push_back(StoryJson(s));
  return Json(200, {{"paging", Paging(limit, offset)}, {"stories", std::move(out)}});
}

ApiResponse Api::Story(const std::string& id) {
  StorePool::Lease store = stores_.Acquire();
  auto story = store->GetStory(id);
  if (!story.ok()) return FromStatus(story.status());
  json j = StoryJson(*story);
  json articles = json::array();
  // The first kMaxLimit articles in full; all ids are in article_ids.
  for (size_t i = 0; i < story->article_ids.size() && i < static_cast<size_t>(kMaxLimit); ++i) {
    const std::string& article_id = story->article_ids[i];
    auto a = store->GetArticle(article_id);
    if (!a.ok()) continue;
    articles.push_back({{"id", a->id},
                        {"title", OrNull(a->title)},
                        {"url", OrNull(a->url)},
                        {"published", OrNull(a->published)},
                        {"source", OrNull(a->source)},
                        {"bytes", a->body.size()},
                        {"lead", a->body.substr(0, std::min<size_t>(a->body.find('\n'), 300))}});
  }
  j["article_list"] = std::move(articles);
  return Json(200, j);
}

ApiResponse Api::Entities(const ApiRequest& req) {
  int limit = 0, offset = 0;
  std::string error;
  if (!IntParam(req, "limit", kDefaultLimit, 0, kMaxLimit, &limit, &error) ||
      !IntParam(req, "offset", 0, 0, 1000000, &offset, &error)) {
    return Error(400, error);
  }
  auto rows = stores_.Acquire()->ListEntities(Param(req, "q"), limit, offset);
  if (!rows.ok()) return FromStatus(rows.status());
  json out = json::array();
  for (const EntitySummary& e : *rows) out.push_back(EntityJson(e));
  return Json(200, {{"paging", Paging(limit, offset)}, {"entities", std::move(out)}});
}

ApiResponse Api::Entity(const std::string& id_text) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (ec != std::errc() || end != id_text.data() + id_text.size() || id < 1) {
    return Error(400, "entity id must be a positive integer");
  }
  StorePool::Lease store = stores_.Acquire();
  auto e = store->GetEntity(id);
  if (!e.ok()) return FromStatus(e.status());
  json j = EntityJson(*e);
  auto quotes = store->Quotes(e->name, 100, 0);
  if (!quotes.ok()) return FromStatus(quotes.status());
  json qs = json::array();
  for (const QuoteRow& q : *quotes) qs.push_back(QuoteJson(q));
  j["quotes"] = std::move(qs);
  EventQuery eq;
  eq.actor = e->name;
  eq.limit = kMaxBulkLimit;
  auto events = store->Events(eq);
  if (!events.ok()) return FromStatus(events.status());
  json es = json::array();
  for (const EventRow& r : *events) es.push_back(EventJson(r));
  j["events"] = std::move(es);
  auto co = store->CoOccurring(id, 20);
  if (!co.ok()) return FromStatus(co.status());
  json cs = json::array();
  for (const EntitySummary& c : *co) cs.push_back(EntityJson(c));
  j["co_occurring"] = std::move(cs);
  return Json(200, j);
}

ApiResponse Api::Quotes(const ApiRequest& req) {
  int limit = 0, offset = 0;
  std::string error;
  if (!IntParam(req, "limit", kDefaultLimit, 0, kMaxLimit, &limit, &error) ||
      !IntParam(req, "offset", 0, 0, 1000000, &offset, &error)) {
    return Error(400, error);
  }
  auto rows = stores_.Acquire()->Quotes(Param(req, "speaker"), limit, offset);
  if (!rows.ok()) return FromStatus(rows.status());
  json out = json::array();
  for (const QuoteRow& q : *rows) out.push_back(QuoteJson(q));
  return Json(200, {{"paging", Paging(limit, offset)}, {"quotes", std::move(out)}});
}

ApiResponse Api::Events(const ApiRequest& req) {
  EventQuery q;
  std::string error;
  if (!IntParam(req, "limit", 50, 0, kMaxBulkLimit, &q.limit, &error) ||
      !IntParam(req, "offset", 0, 0, 1000000, &q.offset, &error)) {
    return Error(400, error);
  }
  error = DateParams(req, &q.from, &q.to);
  if (!error.empty()) return Error(400, error);
  q.actor = Param(req, "actor");
  q.cameo = Param(req, "cameo");
  auto rows = stores_.Acquire()->Events(q);
  if (!rows.ok()) return FromStatus(rows.status());
  json out = json::array();
  for (const EventRow& r : *rows) out.push_back(EventJson(r));
  return Json(200, {{"paging", Paging(q.limit, q.offset)}, {"events", std::move(out)}});
}

ApiResponse Api::Network(const ApiRequest& req) {
  EventQuery q;
  std::string error;
  int max_edges = 0;
  if (!IntParam(req, "limit", 60, 1, 500, &max_edges, &error)) return Error(400, error);
  error = DateParams(req, &q.from, &q.to);
  if (!error.empty()) return Error(400, error);
  q.actor = Param(req, "actor");
  q.cameo = Param(req, "cameo");
  q.limit = kMaxBulkLimit;
  auto rows = stores_.Acquire()->Events(q);
  if (!rows.ok()) return FromStatus(rows.status());
  struct Edge {
    int64_t events = 0;
    std::map<std::string, int64_t> roots;
  };
  std::map<std::pair<std::string, std::string>, Edge> edges;
  std::map<std::string, std::string> codes;
  for (const EventRow& r : *rows) {
    const Event& e = r.event;
    if (e.source.empty() || e.target.empty()) continue;
    Edge& edge = edges[{e.source, e.target}];
    edge.events += r.mentions;
    ++edge.roots[e.root];
    if (!e.source_code.empty()) codes[e.source] = e.source_code;
    if (!e.target_code.empty()) codes[e.target] = e.target_code;
  }
  std::vector<std::pair<std::pair<std::string, std::string>, Edge>> order(edges.begin(), edges.end());
  std::stable_sort(order.begin(), order.end(), [](auto& a, auto& b) { return a.second.events > b.second.events; });
  if (order.size() > static_cast<size_t>(max_edges)) order.resize(max_edges);
  std::map<std::string, int64_t> nodes;
  json out_edges = json::array();
  for (const auto& [ends, edge] : order) {
    nodes[ends.first] += edge.events;
    nodes[ends.second] += edge.events;
    out_edges.push_back(
        {{"source", ends.first}, {"target", ends.second}, {"events", edge.events}, {"roots", edge.roots}});
  }
  json out_nodes = json::array();
  for (const auto& [name, count] : nodes) {
    auto code = codes.find(name);
    out_nodes.push_back(
        {{"id", name}, {"code", code == codes.end() ? json(nullptr) : json(code->second)}, {"events", count}});
  }
  return Json(200, {{"events_seen", rows->size()}, {"nodes", std::move(out_nodes)}, {"edges", std::move(out_edges)}});
}

}  // namespace newsgraph::server
