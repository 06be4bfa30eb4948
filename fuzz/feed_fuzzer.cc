// libFuzzer target: RSS / Atom feeds through the lenient XML tokenizer.
#include <cstddef>
#include <cstdint>

#include "ingest/feed.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  size_t items = 0;
  auto s = newsgraph::ParseFeed(
      bytes, "fuzz.xml", "", [&](newsgraph::RawDocument&& doc) { items += doc.bytes.size() > 0; },
      [&](const newsgraph::Status&, uint64_t) {});
  (void)s;
  return 0;
}
