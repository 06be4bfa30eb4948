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

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  namespace events = newsgraph::events;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  events::Dictionaries d;
  newsgraph::Status s = newsgraph::Status::Ok();
  switch (data[0] % 6) {
    case 0:
      s = events::LoadPetrarchVerbs("fuzz.verbs.txt", text, &d);
      break;
    case 1:
      s = events::LoadPetrarchActors("fuzz.actors.txt", text, &d);
      break;
    case 2:
      s = events::LoadPetrarchAgents("fuzz.agents.txt", text, &d);
      break;
    case 3:
      s = events::LoadPetrarchDiscards("fuzz.discards.txt", text, &d);
      break;
    case 4: {
      auto p = events::ParsePattern(text);
      (void)p;
      return 0;
    }
    default: {
      auto records = events::ParsePetrarchRecords(text);
      (void)records;
      return 0;
    }
  }
  if (!s.ok() && s.message().find("fuzz.") == std::string::npos) std::abort();
  return 0;
}
