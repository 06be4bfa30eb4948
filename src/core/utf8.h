// UTF-8 helpers shared by the stages: validation with repair, NFC normalisation (ICU),
// code point iteration and cheap ASCII case folding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph::utf8 {

// Replaces every ill-formed sequence with U+FFFD. Returns the number of replacements.
// Linear time; `out` is cleared first.
size_t Repair(std::string_view in, std::string* out);

// True when `s` is well-formed UTF-8.
bool IsValid(std::string_view s);

// Unicode NFC (ICU). Input must be valid UTF-8. Fast path: ASCII input is returned as is.
std::string ToNfc(std::string_view s);

// Decodes the code point at s[*i] and advances *i; returns U+FFFD on a bad sequence.
char32_t Next(std::string_view s, size_t* i);

// Appends the UTF-8 encoding of `c`.
void Append(char32_t c, std::string* out);

// ASCII-only lower case (other bytes unchanged); enough for matching English patterns.
std::string AsciiLower(std::string_view s);

// Unicode-aware simple lower case (ICU full case mapping).
std::string Lower(std::string_view s);

bool IsAlpha(char32_t c);   // letters of any script
bool IsUpper(char32_t c);   // upper or title case letter
bool IsDigit(char32_t c);
bool IsSpace(char32_t c);   // includes NBSP and other Unicode spaces

}  // namespace newsgraph::utf8
