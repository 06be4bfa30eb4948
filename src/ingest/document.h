// The ingest stage's types: RawDocument (bytes as found: a file, a WARC record, a feed
// item, a JSON line) and Article (what extraction made of it: headline, metadata and body
// paragraphs, not yet cleaned).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace newsgraph {

struct RawDocument {
  std::string bytes;
  std::string media_type;  // "text/plain", "text/html", ... ; empty: sniff from content
  std::string charset;     // declared charset (HTTP header, WARC), or empty
  std::string url;
  std::string date;    // as found (WARC-Date, feed pubDate, JSON date), or empty
  std::string source;  // where it came from, for messages: "file.warc.gz@1234"
  std::string title;   // a headline known from the container (feed item, JSON), or empty
  std::string language;
  // Where the record starts: the input file (or "<stdin>") and the byte offset in it (of
  // the gzip member for compressed archives), for error messages and resumption.
  std::string file;
  uint64_t offset = 0;
  bool fragment = false;   // HTML is a fragment (feed item description), not a page
  bool body_only = false;  // text is the body alone, no headline line (JSON, feed text)
};

struct Article {
  std::string title;
  std::string byline;
  std::string published;  // YYYY-MM-DD or empty
  std::string dateline;   // filled by the cleaner when the body opens with one
  std::string url;
  std::string language;
  std::string source;
  std::vector<std::string> paragraphs;  // body paragraphs, in order
  std::vector<std::string> warnings;    // repaired input and the like
};

}  // namespace newsgraph
