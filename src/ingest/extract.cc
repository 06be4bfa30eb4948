#include "ingest/extract.h"

#include "core/utf8.h"
#include "ingest/plain_text.h"

namespace newsgraph {

std::string SniffMediaType(std::string_view bytes) {
  std::string head = utf8::AsciiLower(bytes.substr(0, 1024));
  size_t b = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (b != std::string::npos && head[b] == '<') {
    if (head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos ||
        head.find("<body") != std::string::npos || head.find("<p") != std::string::npos ||
        head.find("<head") != std::string::npos) {
      return "text/html";
    }
  }
  return "text/plain";
}

StatusOr<Article> Extract(const RawDocument& doc) {
  // Other media types (HTML, feeds, WARC) are routed here by src/ingest as they are added.
  return ExtractPlainText(doc);
}

}  // namespace newsgraph
