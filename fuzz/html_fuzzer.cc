// libFuzzer target: HTML pages and fragments through the extractor (charset sniffing,
// nesting limiter, gumbo, block scoring, JSON-LD).
#include <cstddef>
#include <cstdint>

#include "ingest/html.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsgraph::RawDocument doc;
  doc.bytes.assign(reinterpret_cast<const char*>(data), size);
  doc.fragment = size > 0 && (data[0] & 1);
  doc.url = "https://fuzz.example/a/b";
  auto article = newsgraph::ExtractHtml(doc);
  (void)article;
  return 0;
}
