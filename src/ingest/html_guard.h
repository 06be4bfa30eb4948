// Bounds on the work gumbo does for one page, whatever the page holds.
//
// gumbo 0.10 checks every new attribute of a tag against all earlier ones, so one element
// with n attributes costs n²/2 string comparisons: 80,000 attributes took 16 s (64 s under
// load) and a million never finished. CapAttributes is a pre-pass that keeps the first
// kMaxAttributes attributes of every tag and drops the rest. It follows the tokenizer of
// the HTML standard (tag, attribute and quoted-value states, comments, doctype, and the
// raw text of script, style, title, textarea, xmp, iframe, noembed, noframes and
// plaintext), so that it sees the tags gumbo will see. Real pages rarely give an element
// more than 30 attributes.
//
// ParseWithDeadline is the backstop for whatever else makes a parse run long: it runs gumbo
// with the caller's allocator wrapped in one that checks the thread's record deadline
// (deadline.h) and, once it has passed, abandons the parse. REQUIRES: the caller's
// allocator is an arena that is released in one step, since an abandoned parse frees
// nothing through gumbo.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace newsgraph {

inline constexpr size_t kMaxAttributes = 256;

// Writes `html` to `*out` with every tag's attributes after the first `max_attributes`
// removed. Returns the number of attributes removed (0: *out is a copy of html).
size_t CapAttributes(std::string_view html, size_t max_attributes, std::string* out);

// Caps the attributes of `*html` in place (adding a warning naming `where` when it did),
// then parses it with `options`. Errors: the record's deadline passed during the parse.
[[nodiscard]] StatusOr<GumboOutput*> ParseWithDeadline(const GumboOptions& options, std::string* html,
                                                       const std::string& where, std::vector<std::string>* warnings);

}  // namespace newsgraph
