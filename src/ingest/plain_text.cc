#include "ingest/plain_text.h"

#include <cstring>

#include "core/utf8.h"
#include "ingest/charset.h"
#include "ingest/date.h"

namespace newsgraph {

Status DecodeTextInput(std::string_view bytes, std::string_view source, std::string* text,
                       std::vector<std::string>* warnings) {
  std::string where = source.empty() ? std::string("input") : std::string(source);
  size_t first = bytes.find_first_not_of(" \t\r\n\f\v");
  if (first == std::string_view::npos) return Status::InvalidArgument(where + ": empty input");
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size()); nul != nullptr) {
    size_t off = static_cast<const char*>(nul) - bytes.data();
    return Status::InvalidArgument(where + ": binary data (NUL byte at offset " + std::to_string(off) +
                                   "), not a text article");
  }
  std::string_view b = bytes;
  if (b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);  // BOM
  size_t bad = utf8::Repair(b, text);
  if (bad > 0) {
    warnings->push_back(where + ": repaired " + std::to_string(bad) + " invalid UTF-8 sequence" +
                        (bad == 1 ? "" : "s") + " (replaced with U+FFFD)");
  }
  return Status::Ok();
}

namespace {

// A line that is only a publication date, as text copies of news carry under the headline:
// "2025-03-04", "March 4, 2025", "Tuesday, 4 March 2025", optionally after "Published" or
// "Published:". The date, or empty when the line is anything else.
std::string DateLine(std::string_view line) {
  for (std::string_view prefix : {"Published:", "Published"}) {
    if (line.starts_with(prefix)) {
      line.remove_prefix(prefix.size());
      break;
    }
  }
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  if (line.empty() || line.size() > 32) return {};
  int words = 1;
  for (char c : line) {
    bool ok = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == ' ' || c == ',' || c == '.' ||
              c == '-' || c == '/';
    if (!ok) return {};
    words += c == ' ';
  }
  return words <= 4 ? NormalizeDate(line) : std::string();
}

}  // namespace

StatusOr<Article> ExtractPlainText(const RawDocument& doc) {
  Article article;
  std::string text;
  if (Status s = DecodeTextInput(doc.bytes, doc.source, &text, &article.warnings); !s.ok()) return s;
  if (!doc.charset.empty() && CharsetFromContentType("charset=" + doc.charset) != "utf-8") {
    // A declared legacy charset (HTTP header, feed encoding): convert from it instead.
    article.warnings.clear();
    ConvertToUtf8(doc.bytes, doc.charset, doc.source, &text, &article.warnings);
  }
  size_t pos = 0;
  bool have_title = !doc.title.empty() || doc.body_only;
  if (have_title) article.title = doc.title;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    size_t b = line.find_first_not_of(" \t\r\f\v");
    if (b == std::string_view::npos) continue;
    size_t e = line.find_last_not_of(" \t\r\f\v");
    line = line.substr(b, e - b + 1);
    if (!have_title) {
      article.title = std::string(line);
      have_title = true;
    } else if (article.paragraphs.empty() && doc.date.empty() && article.published.empty() &&
               !(article.published = DateLine(line)).empty()) {
      continue;  // the date line under the headline
    } else {
      article.paragraphs.emplace_back(line);
    }
  }
  // A lone long line is a body without a headline, not a 100 KB title.
  if (article.paragraphs.empty() && article.title.size() > 300 && doc.title.empty() && !doc.body_only) {
    article.paragraphs.push_back(std::move(article.title));
    article.title.clear();
  }
  article.url = doc.url;
  article.source = doc.source;
  article.language = doc.language;
  if (!doc.date.empty()) article.published = NormalizeDate(doc.date);
  return article;
}

}  // namespace newsgraph
