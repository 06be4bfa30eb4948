// libFuzzer target: JSON Lines / JSON arrays through the reader (format sniffing, field
// lookup, nesting guard).
#include <cstddef>
#include <cstdint>

#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  newsgraph::ReaderOptions options;
  options.max_record_bytes = 1 << 20;
  options.json_fields["text"] = "story";
  newsgraph::ReadBuffer(
      bytes, "fuzz.jsonl", options, [](newsgraph::RawDocument&&) { return true; },
      [](const newsgraph::RecordError&) { return true; });
  auto doc = newsgraph::JsonLineToDocument(bytes, "fuzz.jsonl:1", options.json_fields);
  (void)doc;
  return 0;
}
