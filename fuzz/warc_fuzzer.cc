// libFuzzer target: WARC records (plain or gzip members), HTTP responses inside them.
#include <cstddef>
#include <cstdint>

#include "ingest/stream.h"
#include "ingest/warc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  newsgraph::InputStream in(newsgraph::MemorySource(bytes), "fuzz.warc", 1 << 20);
  newsgraph::WarcReader reader(&in, 1 << 20);
  newsgraph::WarcRecord record;
  newsgraph::Status error;
  for (int i = 0; i < 1000; ++i) {
    auto next = reader.Read(&record, &error);
    if (next == newsgraph::WarcReader::Next::kEnd) break;
    if (next == newsgraph::WarcReader::Next::kRecord) {
      newsgraph::RawDocument doc;
      auto is_doc = newsgraph::WarcRecordToDocument(std::move(record), "fuzz.warc", &doc, 1 << 20);
      (void)is_doc;
    }
  }
  auto http = newsgraph::ParseHttpResponse(bytes, 1 << 20);
  (void)http;
  return 0;
}
