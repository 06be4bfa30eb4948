#include "ingest/extract.h"

#include "core/utf8.h"
#include "ingest/html.h"
#include "ingest/plain_text.h"

namespace newsgraph {

std::string SniffMediaType(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 2048);
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  size_t b = head.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos || head[b] != '<') return "text/plain";
  std::string lower = utf8::AsciiLower(head.substr(b));
  if (lower.starts_with("<?xml") || lower.starts_with("<rss") || lower.starts_with("<feed") ||
      lower.starts_with("<rdf:rdf")) {
    if (lower.find("<rss") != std::string::npos || lower.find("<rdf:rdf") != std::string::npos) {
      return "application/rss+xml";
    }
    if (lower.find("<feed") != std::string::npos) return "application/atom+xml";
    if (lower.find("<html") != std::string::npos) return "text/html";  // XHTML
    return "application/xml";
  }
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<p", "<div", "<article",
                               "<!--", "<section", "<h1", "<link", "<script", "<table", "<span"}) {
    if (lower.find(tag) != std::string::npos) return "text/html";
  }
  return "text/plain";
}

StatusOr<Article> Extract(const RawDocument& doc) {
  std::string type = doc.media_type.empty() ? SniffMediaType(doc.bytes) : doc.media_type;
  if (type == "text/html" || type == "application/xhtml+xml") return ExtractHtml(doc);
  return ExtractPlainText(doc);
}

}  // namespace newsgraph
