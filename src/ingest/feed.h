// RSS 2.0 / RSS 1.0 (RDF) and Atom feeds → one document per <item> / <entry>: title,
// link, date (pubDate, dc:date, published, updated) and text (content:encoded or Atom
// <content>, else description / summary), HTML in it extracted as an HTML fragment.
//
// The XML is read by a small lenient tokenizer of our own rather than a validating
// parser: feeds in the wild often carry undeclared entities, stray '&' and unclosed
// elements, and one such flaw should cost at most one item, not the feed. Nesting is
// tracked with an explicit stack of bounded depth. The XML declaration's encoding (or
// the charset given) is honoured.
#pragma once

#include <functional>

#include "ingest/document.h"

namespace newsgraph {

// Calls `on_item` for every item with text and `on_error` for every item without (with
// the file and offset of the item). Returns an error when `bytes` is not a feed at all.
[[nodiscard]] Status ParseFeed(std::string_view bytes, const std::string& file, const std::string& charset,
                               const std::function<void(RawDocument&&)>& on_item,
                               const std::function<void(const Status&, uint64_t offset)>& on_error);

}  // namespace newsgraph
