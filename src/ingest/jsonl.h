// JSON records: one article per line (JSON Lines, as news-please and most scrapers write
// them) or a JSON array of article objects. Field names are looked up in a list of common
// spellings; a FieldMap puts the caller's own names first (`--field text=story_text`).
//   title     title, headline
//   text      text, body, maintext, content, article, article_text, full_text, description
//   html      html, raw_html, content_html (a whole page: extracted as HTML)
//   url       url, link, source_url, canonical_url
//   date      date_publish, date, published, published_at, publish_date, datePublished,
//             pubDate, date_published
//   language  language, lang, locale
// A text field that holds HTML is extracted as an HTML fragment; an array of strings is
// read as paragraphs.
#pragma once

#include <map>
#include <nlohmann/json_fwd.hpp>

#include "ingest/document.h"

namespace newsgraph {

// Contract field ("title", "text", "html", "url", "date", "language") → the caller's key.
using FieldMap = std::map<std::string, std::string>;

// Parses "text=story_text" into `*map`. Errors name the bad spec.
[[nodiscard]] Status ParseFieldSpec(std::string_view spec, FieldMap* map);

// One JSON line → document. `where` ("file.jsonl:17") prefixes error messages.
[[nodiscard]] StatusOr<RawDocument> JsonLineToDocument(std::string_view line, std::string_view where,
                                                       const FieldMap& fields);
// An already parsed object → document.
[[nodiscard]] StatusOr<RawDocument> JsonObjectToDocument(const nlohmann::json& object, std::string_view where,
                                                         const FieldMap& fields);

}  // namespace newsgraph
