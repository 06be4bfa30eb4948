// A guard for JSON parsers that recurse (nlohmann::json does): measures the bracket nesting
// of a JSON text without parsing it, so deeply nested input is refused before it can
// exhaust the stack.
#pragma once

#include <string_view>

namespace newsgraph {

// True when no '[' / '{' in `text` (outside strings) is nested deeper than `max_depth`.
inline bool JsonNestingWithin(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return false;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return true;
}

}  // namespace newsgraph
