#include "server/api.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <set>

#include "core/data.h"
#include "core/json.h"
#include "events/cameo_codes.h"
#include "events/places.h"
#include "events/when.h"
#include "store/query.h"

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

// A day of the calendar as YYYY-MM-DD: "2025-13-45" and "2025-02-30" are not.
bool IsDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  events::Date d = events::ParseDate(s);
  return d.ok() && events::FormatDate(events::AddDays(d, 0)) == s;
}

// Checks the from/to parameters; an error message, or empty.
std::string DateParams(const ApiRequest& req, std::string* from, std::string* to) {
  *from = Param(req, "from");
  *to = Param(req, "to");
  for (const char* name : {"from", "to"}) {
    const std::string& d = name[0] == 'f' ? *from : *to;
    if (!d.empty() && !IsDate(d)) {
      return std::string(name) + " must be a day of the calendar as YYYY-MM-DD, got '" + d + "'";
    }
  }
  if (!from->empty() && !to->empty() && *from > *to) return "from (" + *from + ") is after to (" + *to + ")";
  return {};
}

// Checks the cameo parameter: a CAMEO root, code or sub-code listed in data/events/codes.tsv.
std::string CameoParam(const ApiRequest& req, std::string* cameo) {
  *cameo = Param(req, "cameo");
  if (cameo->empty() || events::CameoCodes::Get().IsKnownPrefix(*cameo)) return {};
  return "cameo must be a CAMEO event code or root such as 17 or 173 (data/events/codes.tsv), got '" + *cameo + "'";
}

// RFC 4180 field.
std::string CsvField(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

json FacetsJson(const std::vector<Facet>& facets, bool cameo = false) {
  json out = json::array();
  for (const Facet& f : facets) {
    json j = {{"value", f.value}, {"count", f.count}};
    if (cameo) j["label"] = events::CameoCodes::Get().Label(f.value);
    out.push_back(std::move(j));
  }
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
  json j = {{"article_id", q.article_id},
            {"text", q.text},
            {"speaker", OrNull(q.speaker)},
            {"speaker_entity", q.speaker_entity == 0 ? json(nullptr) : json(q.speaker_entity)},
            {"cue", OrNull(q.cue)},
            {"published", OrNull(q.published)}};
  if (!q.context.empty()) j["context"] = q.context;
  if (!q.title.empty()) j["title"] = q.title;
  if (!q.story_id.empty()) j["story_id"] = q.story_id;
  return j;
}

json EventJson(const EventRow& r) {
  const events::CameoCodes& codes = events::CameoCodes::Get();
  json j = EventToJson(r.event);
  j["article_id"] = r.article_id;
  j["story_id"] = OrNull(r.story_id);
  j["published"] = OrNull(r.published);
  j["day"] = OrNull(EventDay(r.event, r.published));
  j["mentions"] = r.mentions;
  j["articles"] = r.articles;
  j["cameo_label"] = codes.Label(r.event.cameo);
  j["root_label"] = codes.Label(r.event.root);
  if (r.event.quad_class == 0) j["quad_class"] = codes.QuadClass(r.event.cameo);
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
    if (what == "places") return Places(req);
    if (what == "openapi.json") return Asset("openapi.json");
    if (what == "cameo") return Cameo();
    if (what == "articles" || what == "analyze") return Error(405, "use POST on " + req.path);
  } else if (seg.size() == 3) {
    if (what == "articles") return Article(seg[2]);
    if (what == "stories") return Story(seg[2]);
    if (what == "entities") return Entity(seg[2]);
  }
  return Error(404, "no such endpoint: " + req.path);
}

ApiResponse Api::Cameo() {
  json codes = json::array();
  events::CameoCodes::Get().ForEach([&](const std::string& code, int quad_class, const std::string& label) {
    codes.push_back({{"code", code}, {"quad_class", quad_class}, {"label", label}});
  });
  return Json(200, {{"codes", std::move(codes)}});
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
  static constexpr const char* kFields =
      "text (plain text: headline, then paragraphs) or html, and optionally title, "
      "url, published (YYYY-MM-DD)";
  RawDocument doc;
  // The media type without parameters (charset=...), lower case.
  std::string type = req.content_type.substr(0, req.content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  if (type == "application/json") {
    json j = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      return Error(400, std::string("body is not a JSON object; accepted fields: ") + kFields);
    }
    std::vector<std::string> unknown;
    for (const auto& [key, value] : j.items()) {
      if (key != "text" && key != "html" && key != "title" && key != "url" && key != "published")
        unknown.push_back(key);
    }
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
    if (doc.bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
      std::string msg = "no article in the JSON body";
      if (!unknown.empty()) {
        msg += " (unknown field";
        for (size_t i = 0; i < unknown.size(); ++i) msg += (i ? ", '" : " '") + unknown[i] + "'";
        msg += ")";
      }
      return Error(400, msg + "; accepted fields: " + kFields);
    }
    if (!doc.date.empty() && !IsDate(doc.date)) {
      return Error(400, "published must be a day of the calendar as YYYY-MM-DD, got '" + doc.date + "'");
    }
  } else if (type.empty() || type == "text/plain" || type == "text/html" || type == "application/xhtml+xml") {
    doc.bytes = req.body;
    doc.media_type = type == "text/plain" || type.empty() ? "text/plain" : "text/html";
    if (doc.bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
      return Error(400, "empty article: send the article as the body (text/plain or text/html), or JSON with " +
                            std::string(kFields));
    }
  } else {
    return Error(415, "cannot read Content-Type '" + req.content_type +
                          "': send text/plain, text/html, or application/json with " + kFields);
  }
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
  if (error.empty()) error = CameoParam(req, &q.cameo);
  if (!error.empty()) return Error(400, error);
  q.text = Param(req, "q");
  q.entity = Param(req, "entity");
  q.speaker = Param(req, "speaker");
  q.timeline = Param(req, "timeline") == "1";
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
                    {"score", h.score},
                    {"story_articles", h.story_articles}});
  }
  json timeline = json::array();
  for (const DayVolume& d : result->timeline) {
    timeline.push_back({{"date", d.day}, {"articles", d.articles}, {"stories", d.stories}, {"tone", d.tone}});
  }
  return Json(200, {{"total", result->total},
                    {"stories", result->stories},
                    {"paging", Paging(q.limit, q.offset)},
                    {"hits", std::move(hits)},
                    {"facets",
                     {{"entities", FacetsJson(result->entities)},
                      {"speakers", FacetsJson(result->speakers)},
                      {"cameo_roots", FacetsJson(result->cameo_roots, /*cameo=*/true)},
                      {"dates", FacetsJson(result->dates)}}},
                    {"timeline", std::move(timeline)}});
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
  StorePool::Lease store = stores_.Acquire();
  auto rows = store->ListStories(limit, offset);
  if (!rows.ok()) return FromStatus(rows.status());
  auto stats = store->Stats();
  if (!stats.ok()) return FromStatus(stats.status());
  json out = json::array();
  for (const StorySummary& s : *rows) out.push_back(StoryJson(s));
  return Json(200, {{"total", stats->stories}, {"paging", Paging(limit, offset)}, {"stories", std::move(out)}});
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
  StorePool::Lease store = stores_.Acquire();
  auto rows = store->ListEntities(Param(req, "q"), limit, offset);
  if (!rows.ok()) return FromStatus(rows.status());
  auto total = store->CountEntities(Param(req, "q"));
  if (!total.ok()) return FromStatus(total.status());
  json out = json::array();
  for (const EntitySummary& e : *rows) out.push_back(EntityJson(e));
  return Json(200, {{"total", *total}, {"paging", Paging(limit, offset)}, {"entities", std::move(out)}});
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
  QuoteQuery q;
  std::string error;
  if (!IntParam(req, "limit", kDefaultLimit, 0, kMaxLimit, &q.limit, &error) ||
      !IntParam(req, "offset", 0, 0, 1000000, &q.offset, &error)) {
    return Error(400, error);
  }
  error = DateParams(req, &q.from, &q.to);
  if (!error.empty()) return Error(400, error);
  q.speaker = Param(req, "speaker");
  q.text = Param(req, "q");
  q.story = Param(req, "story");
  auto page = stores_.Acquire()->FindQuotes(q);
  if (!page.ok()) return FromStatus(page.status());
  json out = json::array();
  for (const QuoteRow& row : page->quotes) out.push_back(QuoteJson(row));
  return Json(200, {{"total", page->total}, {"paging", Paging(q.limit, q.offset)}, {"quotes", std::move(out)}});
}

// The events filter of /v1/events and /v1/network; an error message, or empty.
static std::string EventParams(const ApiRequest& req, EventQuery* q) {
  std::string error = DateParams(req, &q->from, &q->to);
  if (error.empty()) error = CameoParam(req, &q->cameo);
  if (!error.empty()) return error;
  q->actor = Param(req, "actor");
  q->source = Param(req, "source");
  q->target = Param(req, "target");
  q->location = Param(req, "location");
  q->story = Param(req, "story");
  std::string quad = Param(req, "quad_class");
  if (!quad.empty()) {
    if (quad.size() != 1 || quad[0] < '1' || quad[0] > '4') {
      return "quad_class must be 1 (verbal cooperation), 2 (material cooperation), 3 (verbal conflict) or 4 "
             "(material conflict), got '" +
             quad + "'";
    }
    q->quad_class = quad[0] - '0';
  }
  return {};
}

ApiResponse Api::Events(const ApiRequest& req) {
  EventQuery q;
  std::string error;
  std::string format = Param(req, "format");
  if (format.empty()) format = "json";
  if (format != "json" && format != "csv" && format != "gdelt") {
    return Error(400, "format must be json, csv or gdelt, got '" + format + "'");
  }
  // Downloads (csv, gdelt) take every match up to kMaxBulkLimit by default.
  int fallback = format == "json" ? 50 : kMaxBulkLimit;
  if (!IntParam(req, "limit", fallback, 0, kMaxBulkLimit, &q.limit, &error) ||
      !IntParam(req, "offset", 0, 0, 1000000, &q.offset, &error)) {
    return Error(400, error);
  }
  error = EventParams(req, &q);
  if (!error.empty()) return Error(400, error);
  StorePool::Lease store = stores_.Acquire();
  auto page = store->FindEvents(q);
  if (!page.ok()) return FromStatus(page.status());
  ApiResponse r;
  if (format == "gdelt") {
    int64_t next_id = q.offset + 1;
    if (Status s = AppendGdeltRows(store.get(), page->events, &next_id, &r.body); !s.ok()) return FromStatus(s);
    r.content_type = "text/tab-separated-values; charset=utf-8";
    return r;
  }
  if (format == "csv") {
    const events::CameoCodes& codes = events::CameoCodes::Get();
    r.content_type = "text/csv; charset=utf-8";
    r.body =
        "day,source,source_code,target,target_code,cameo,cameo_label,quad_class,goldstein,location,when,mentions,"
        "articles,article_id,story_id,published,evidence\r\n";
    for (const EventRow& row : page->events) {
      const Event& e = row.event;
      char goldstein[32];
      std::snprintf(goldstein, sizeof goldstein, "%.1f", e.goldstein);
      for (const std::string& v :
           {EventDay(e, row.published), e.source, e.source_code, e.target, e.target_code, e.cameo, codes.Label(e.cameo),
            std::to_string(e.quad_class), std::string(goldstein), e.location, e.when, std::to_string(row.mentions),
            std::to_string(row.articles), row.article_id, row.story_id, row.published, e.evidence}) {
        r.body += CsvField(v);
        r.body += ',';
      }
      r.body.back() = '\r';
      r.body += '\n';
    }
    return r;
  }
  json out = json::array();
  for (const EventRow& row : page->events) out.push_back(EventJson(row));
  return Json(200, {{"total", page->total}, {"paging", Paging(q.limit, q.offset)}, {"events", std::move(out)}});
}

ApiResponse Api::Network(const ApiRequest& req) {
  EventQuery q;
  std::string error;
  int max_edges = 0;
  if (!IntParam(req, "limit", 60, 1, 500, &max_edges, &error)) return Error(400, error);
  error = EventParams(req, &q);
  if (!error.empty()) return Error(400, error);
  q.limit = kMaxBulkLimit;
  auto rows = stores_.Acquire()->Events(q);
  if (!rows.ok()) return FromStatus(rows.status());
  // Actors are keyed by their CAMEO actor code when they have one (so "police" and "the
  // protesters" of one country are two nodes, and a domestic event is an edge), else by name.
  // An edge counts events (each once per story); its roots and quad classes split that count.
  struct Edge {
    int64_t events = 0, mentions = 0;
    std::map<std::string, int64_t> roots;
    std::map<std::string, int64_t> quad;
  };
  struct Node {
    int64_t events = 0;
    std::map<std::string, int64_t> names;  // how the texts named it
    std::map<std::string, int64_t> quad;
    bool coded = false;  // keyed by its CAMEO actor code
  };
  auto key = [](const std::string& name, const std::string& code) { return code.empty() ? name : code; };
  std::map<std::pair<std::string, std::string>, Edge> edges;
  std::map<std::string, Node> actors;
  for (const EventRow& r : *rows) {
    const Event& e = r.event;
    std::string s = key(e.source, e.source_code), t = key(e.target, e.target_code);
    if (s.empty() || t.empty() || s == t) continue;
    Edge& edge = edges[{s, t}];
    edge.events += 1;
    edge.mentions += r.mentions;
    ++edge.roots[e.root];
    ++edge.quad[std::to_string(e.quad_class)];
    if (!e.source.empty()) ++actors[s].names[e.source];
    if (!e.target.empty()) ++actors[t].names[e.target];
    actors[s].coded = !e.source_code.empty();
    actors[t].coded = !e.target_code.empty();
  }
  std::vector<std::pair<std::pair<std::string, std::string>, Edge>> order(edges.begin(), edges.end());
  std::stable_sort(order.begin(), order.end(), [](auto& a, auto& b) { return a.second.events > b.second.events; });
  if (order.size() > static_cast<size_t>(max_edges)) order.resize(max_edges);
  std::map<std::string, Node*> nodes;
  json out_edges = json::array();
  for (const auto& [ends, edge] : order) {
    for (const std::string& end : {ends.first, ends.second}) {
      Node& n = actors[end];
      n.events += edge.events;
      for (const auto& [quad, count] : edge.quad) n.quad[quad] += count;
      nodes[end] = &n;
    }
    out_edges.push_back({{"source", ends.first},
                         {"target", ends.second},
                         {"events", edge.events},
                         {"mentions", edge.mentions},
                         {"roots", edge.roots},
                         {"quad_classes", edge.quad}});
  }
  json out_nodes = json::array();
  for (const auto& [id, n] : nodes) {
    std::string label = id;
    int64_t best = 0;
    for (const auto& [name, count] : n->names) {
      if (count > best) best = count, label = name;
    }
    out_nodes.push_back({{"id", id},
                         {"label", label},
                         {"code", n->coded ? json(id) : json(nullptr)},
                         {"events", n->events},
                         {"quad_classes", n->quad}});
  }
  return Json(200, {{"events_seen", rows->size()}, {"nodes", std::move(out_nodes)}, {"edges", std::move(out_edges)}});
}

ApiResponse Api::Places(const ApiRequest& req) {
  EventQuery q;
  std::string error = EventParams(req, &q);
  if (!error.empty()) return Error(400, error);
  q.limit = kMaxBulkLimit;
  auto rows = stores_.Acquire()->Events(q);
  if (!rows.ok()) return FromStatus(rows.status());
  const events::PlaceCoordinates& gazetteer = events::PlaceCoordinates::Get();
  // Event places with coordinates (the gazetteer, hinted by the actors' country), and the
  // countries of the actors (an event counts once for each country it involves).
  struct Spot {
    events::Place place;
    int64_t events = 0;
  };
  std::map<std::string, Spot> places;  // by name
  std::map<std::string, int64_t> countries, unplaced;
  int64_t located = 0;
  for (const EventRow& r : *rows) {
    const Event& e = r.event;
    if (!e.location.empty()) {
      auto where = gazetteer.Find(e.location, e.source_code.empty() ? e.target_code : e.source_code);
      if (where) {
        Spot& spot = places[e.location];
        spot.place = *where;
        ++spot.events;
        ++located;
      } else {
        ++unplaced[e.location];
      }
    }
    std::set<std::string> seen;
    for (const std::string* code : {&e.source_code, &e.target_code}) {
      const events::Country* c = gazetteer.CountryOf(*code);
      if (c != nullptr && seen.insert(c->alpha3).second) ++countries[c->alpha3];
    }
  }
  json out_places = json::array();
  for (const auto& [name, spot] : places) {
    out_places.push_back({{"name", name},
                          {"lat", spot.place.lat},
                          {"lon", spot.place.lon},
                          {"country", spot.place.country},
                          {"type", spot.place.type},
                          {"feature_id", spot.place.feature_id},
                          {"events", spot.events}});
  }
  json out_countries = json::array();
  for (const auto& [alpha3, count] : countries) {
    const events::Country* c = gazetteer.CountryOf(alpha3);
    out_countries.push_back({{"code", alpha3}, {"numeric", c->numeric}, {"name", c->name}, {"events", count}});
  }
  json out_unplaced = json::array();
  for (const auto& [name, count] : unplaced) out_unplaced.push_back(name);
  return Json(200, {{"events", rows->size()},
                    {"located", located},
                    {"gazetteer", !gazetteer.empty()},
                    {"places", std::move(out_places)},
                    {"countries", std::move(out_countries)},
                    {"unplaced", std::move(out_unplaced)}});
}

}  // namespace newsgraph::server
