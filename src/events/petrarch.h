// Loader for the Open Event Data Alliance dictionaries in PETRARCH's formats (the CAMEO
// verb dictionary CAMEO.2.0.txt, *.actors.txt, *.agents.txt, *.discards.txt) into the
// coder's Dictionaries, and a reader for PETRARCH's unit-test records.
//
// Verb patterns are approximated without a parse tree: "- * DIPLOMATIC TIES [064]" becomes
// anchor (the verb's forms) followed by the words within a few tokens; words joined by '_'
// must be adjacent; `$`/`+` are actor slots; `{}`/`()` phrase brackets are dropped; `&SYN`
// synsets expand to their members. Regular verb forms are generated (-s, -ed, -ing), and
// irregular ones come from `{...}`. Actors keep their dated codes. A malformed line is an
// error naming the file and line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "events/dictionary.h"

namespace newsgraph::events {

Status LoadPetrarchVerbs(std::string_view path, std::string_view text, Dictionaries* d);
Status LoadPetrarchActors(std::string_view path, std::string_view text, Dictionaries* d);
Status LoadPetrarchAgents(std::string_view path, std::string_view text, Dictionaries* d);
Status LoadPetrarchDiscards(std::string_view path, std::string_view text, Dictionaries* d);

// Loads every dictionary of a folder by name: *verbs*.txt or CAMEO*.txt (verbs),
// *actors*.txt, *agents*.txt, *discards*.txt. Errors: unreadable folder or file, malformed
// line.
Status LoadPetrarchDirectory(const std::string& dir, Dictionaries* d);

// Loads the files a unit-test set names (PETR.Validate.*).
Status LoadPetrarchFiles(const std::string& verbs, const std::string& actors, const std::string& agents,
                         const std::string& discards, Dictionaries* d);

// One <Sentence> of PETR.UnitTest.records.xml.
struct PetrarchRecord {
  std::string id;
  std::string date;  // YYYYMMDD
  std::string text;
  struct Coding {
    std::string source, target, code;
  };
  std::vector<Coding> expected;
  bool no_events = false;
  bool error = false;
};

StatusOr<std::vector<PetrarchRecord>> ParsePetrarchRecords(std::string_view xml);

}  // namespace newsgraph::events
