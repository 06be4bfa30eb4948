#include "ingest/jsonl.h"

#include <nlohmann/json.hpp>

#include "ingest/extract.h"
#include "ingest/json_guard.h"

namespace newsgraph {
namespace {

constexpr int kMaxJsonDepth = 64;

struct FieldNames {
  const char* field;
  std::vector<const char*> keys;
};

const std::vector<FieldNames>& DefaultKeys() {
  static const auto* keys = new std::vector<FieldNames>{
      {"title", {"title", "headline"}},
      {"text", {"text", "body", "maintext", "content", "article", "article_text", "full_text", "description"}},
      {"html", {"html", "raw_html", "content_html"}},
      {"url", {"url", "link", "source_url", "canonical_url"}},
      {"date",
       {"date_publish", "date", "published", "published_at", "publish_date", "datePublished", "pubDate",
        "date_published"}},
      {"language", {"language", "lang", "locale"}},
  };
  return *keys;
}

// The string value of `field`: the caller's key first, then the common spellings. Arrays
// of strings are joined with newlines.
std::string Lookup(const nlohmann::json& obj, const std::string& field, const FieldMap& map) {
  auto value_of = [&](const std::string& key) -> std::string {
    auto it = obj.find(key);
    if (it == obj.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_array()) {
      std::string out;
      for (const auto& e : *it) {
        if (!e.is_string()) continue;
        if (!out.empty()) out += '\n';
        out += e.get<std::string>();
      }
      return out;
    }
    return {};
  };
  if (auto m = map.find(field); m != map.end()) return value_of(m->second);
  for (const FieldNames& f : DefaultKeys()) {
    if (field != f.field) continue;
    for (const char* key : f.keys) {
      std::string v = value_of(key);
      if (!v.empty()) return v;
    }
  }
  return {};
}

}  // namespace

Status ParseFieldSpec(std::string_view spec, FieldMap* map) {
  size_t eq = spec.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == spec.size()) {
    return Status::InvalidArgument("--field '" + std::string(spec) + "': expected FIELD=KEY, e.g. text=story_text");
  }
  std::string field(spec.substr(0, eq));
  bool known = false;
  for (const FieldNames& f : DefaultKeys()) known = known || field == f.field;
  if (!known) {
    return Status::InvalidArgument("--field '" + std::string(spec) +
                                   "': FIELD must be one of title, text, html, url, date, language");
  }
  (*map)[field] = std::string(spec.substr(eq + 1));
  return Status::Ok();
}

StatusOr<RawDocument> JsonObjectToDocument(const nlohmann::json& obj, std::string_view where, const FieldMap& fields) {
  if (!obj.is_object()) return Status::InvalidArgument(std::string(where) + ": not a JSON object");
  RawDocument doc;
  doc.source = std::string(where);
  doc.title = Lookup(obj, "title", fields);
  doc.url = Lookup(obj, "url", fields);
  doc.date = Lookup(obj, "date", fields);
  doc.language = Lookup(obj, "language", fields);
  std::string text = Lookup(obj, "text", fields);
  if (!text.empty()) {
    doc.bytes = std::move(text);
    if (SniffMediaType(doc.bytes) == "text/html") {
      doc.media_type = "text/html";
      doc.fragment = true;
    } else {
      doc.media_type = "text/plain";
      doc.body_only = true;
    }
    return doc;
  }
  std::string html = Lookup(obj, "html", fields);
  if (!html.empty()) {
    doc.bytes = std::move(html);
    doc.media_type = "text/html";
    return doc;
  }
  return Status::InvalidArgument(std::string(where) + ": no article text (none of the fields " +
                                 "text, body, maintext, content, article, html" +
                                 (fields.count("text") ? ", " + fields.at("text") : std::string()) + ")");
}

StatusOr<RawDocument> JsonLineToDocument(std::string_view line, std::string_view where, const FieldMap& fields) {
  if (!JsonNestingWithin(line, kMaxJsonDepth)) {
    return Status::InvalidArgument(std::string(where) + ": JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
                                   " levels");
  }
  nlohmann::json obj = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
  if (obj.is_discarded()) return Status::InvalidArgument(std::string(where) + ": invalid JSON");
  return JsonObjectToDocument(obj, where, fields);
}

}  // namespace newsgraph
