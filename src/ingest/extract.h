// Extraction: RawDocument → Article, by media type (sniffed from the bytes when the
// container does not say).
#pragma once

#include "ingest/document.h"

namespace newsgraph {

// "text/html" or "text/plain" from the first bytes.
std::string SniffMediaType(std::string_view bytes);

[[nodiscard]] StatusOr<Article> Extract(const RawDocument& doc);

}  // namespace newsgraph
