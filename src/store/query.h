// What the explorers' filters mean, written once for every Store: an event against an
// EventQuery (the SQL engines say the same in SQL; store_test.cc checks them against each
// other), and the sentence context of a quote.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "store/store.h"

namespace newsgraph {

// The day an event is filed under: its resolved date, else the article's publication date.
const std::string& EventDay(const Event& e, const std::string& published);

// True when event `e` of an article published on `published`, in story `story`, passes `q`.
bool EventMatches(const EventQuery& q, const Event& e, const std::string& published, const std::string& story);

// The sentences of `body` that hold [start, end) (a quote), joined; at most about 600 bytes
// around the quote when no sentence boundaries are known.
std::string QuoteContext(std::string_view body, const std::vector<Sentence>& sentences, uint32_t start, uint32_t end);

// True when every word of `words` (split on spaces) occurs in `text`, ASCII case folded.
bool ContainsAllWords(std::string_view text, std::string_view words);

}  // namespace newsgraph

namespace newsgraph {

// GDELT 2.0 event rows ('\n'-terminated) for `rows` appended to `out`, GLOBALEVENTID counting
// up from *next_id; each row's article is read once for its date, URL and tone.
[[nodiscard]] Status AppendGdeltRows(Store* store, const std::vector<EventRow>& rows, int64_t* next_id,
                                     std::string* out);

}  // namespace newsgraph
