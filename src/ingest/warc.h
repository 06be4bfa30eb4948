// WARC 1.0 / 1.1 archives (ISO 28500), plain or gzipped one member per record, as Common
// Crawl's CC-NEWS publishes them. Records are read one at a time from a stream, so memory
// does not grow with the archive. `response` records carry an HTTP response whose headers
// are parsed (status, Content-Type, charset, Transfer-/Content-Encoding); only HTML 200
// responses (and HTML `resource` records, WET `conversion` text) become documents, with
// WARC-Target-URI and WARC-Date kept. A bad record is reported and skipped: the reader
// resynchronises on the next gzip member or the next "WARC/1." line.
#pragma once

#include <functional>

#include "ingest/document.h"
#include "ingest/stream.h"

namespace newsgraph {

struct WarcRecord {
  uint64_t offset = 0;  // of the record (of its gzip member for .warc.gz)
  std::string version;  // "WARC/1.0"
  std::string type;     // warcinfo, request, response, resource, metadata, conversion, ...
  std::string target_uri;
  std::string date;
  std::string record_id;
  std::string content_type;
  std::string block;  // the record's content block
};

struct HttpResponse {
  int status = 0;
  std::string media_type;  // lower case, no parameters
  std::string charset;
  std::string body;  // de-chunked and decoded
};

// Parses an HTTP/1.x response message (status line, headers, body).
[[nodiscard]] StatusOr<HttpResponse> ParseHttpResponse(std::string_view message, uint64_t max_body_bytes);

class WarcReader {
 public:
  WarcReader(InputStream* in, uint64_t max_record_bytes) : in_(in), max_record_bytes_(max_record_bytes) {}

  enum class Next { kRecord, kError, kEnd };
  // Reads the next record into `*record`, or reports why it could not (and resynchronises
  // so that the following call continues after the bad record).
  Next Read(WarcRecord* record, Status* error);

 private:
  bool Resync();
  InputStream* in_;
  uint64_t max_record_bytes_;
};

// The document a record holds, if it holds one: sets *doc and returns true; returns false
// for records that are not articles (requests, metadata, non-HTML or non-200 responses).
// Errors: a malformed HTTP response.
[[nodiscard]] StatusOr<bool> WarcRecordToDocument(WarcRecord&& record, const std::string& file, RawDocument* doc,
                                                  uint64_t max_body_bytes);

}  // namespace newsgraph
