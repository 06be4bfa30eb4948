// libFuzzer target: the event coder's dictionary readers on arbitrary text: PETRARCH's
// verb, actor, agent and discard formats (events/petrarch.h), newsgraph's own pattern
// syntax (events/dictionary.h) and PETRARCH's unit-test records. Byte 0 picks the reader
// (its value modulo 6; seeds start with the digits '0'..'5'). A malformed line must be an
// error that names the file and line, never a crash or a hang.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "events/dictionary.h"
#include "events/petrarch.h"

namespace {

namespace events = newsgraph::events;
using Loader = newsgraph::Status (*)(std::string_view path, std::string_view text, events::Dictionaries* d);
struct Reader {
  const char* path;
  Loader load;
};
const Reader kReaders[] = {{"fuzz.verbs.txt", events::LoadPetrarchVerbs},
                           {"fuzz.actors.txt", events::LoadPetrarchActors},
                           {"fuzz.agents.txt", events::LoadPetrarchAgents},
                           {"fuzz.discards.txt", events::LoadPetrarchDiscards}};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  unsigned which = data[0] % 6;
  if (which == 4) {
    auto pattern = events::ParsePattern(text);
    (void)pattern;
  } else if (which == 5) {
    auto records = events::ParsePetrarchRecords(text);
    (void)records;
  } else {
    events::Dictionaries d;
    newsgraph::Status s = kReaders[which].load(kReaders[which].path, text, &d);
    // A malformed line is an error naming the file (and line).
    if (!s.ok() && s.message().find(kReaders[which].path) == std::string::npos) std::abort();
  }
  return 0;
}
