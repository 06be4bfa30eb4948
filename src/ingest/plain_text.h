// Plain-text articles: the first non-empty line is the headline, every following
// non-empty line a paragraph. Invalid UTF-8 is repaired (U+FFFD) with a warning; binary
// input (NUL bytes) and empty input are errors.
#pragma once

#include "ingest/document.h"

namespace newsgraph {

[[nodiscard]] StatusOr<Article> ExtractPlainText(const RawDocument& doc);

// Shared checks for any text input: rejects empty and binary (NUL-bearing) bytes, repairs
// invalid UTF-8 into `*text`, and appends a warning naming `source` when it did.
[[nodiscard]] Status DecodeTextInput(std::string_view bytes, std::string_view source, std::string* text,
                                     std::vector<std::string>* warnings);

}  // namespace newsgraph
