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
// Writes the NFC form of `s` to *out and returns true when it differs from `s`; returns
// false (leaving *out alone) when `s` is already NFC.
bool NfcIfNeeded(std::string_view s, std::string* out);

// Decodes the code point at s[*i] and advances *i; returns U+FFFD on a bad sequence.
char32_t NextMultiByte(std::string_view s, size_t* i);
inline char32_t Next(std::string_view s, size_t* i) {
  unsigned char b = static_cast<unsigned char>(s[*i]);
  if (b < 0x80) {
    ++*i;
    return b;
  }
  return NextMultiByte(s, i);
}

// Appends the UTF-8 encoding of `c`.
void Append(char32_t c, std::string* out);

// ASCII-only lower case (other bytes unchanged); enough for matching English patterns.
std::string AsciiLower(std::string_view s);

// Unicode-aware simple lower case (ICU full case mapping).
std::string Lower(std::string_view s);

bool IsAlphaSlow(char32_t c);
bool IsUpperSlow(char32_t c);
bool IsDigitSlow(char32_t c);
bool IsSpaceSlow(char32_t c);

// Letters of any script.
inline bool IsAlpha(char32_t c) { return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : IsAlphaSlow(c); }
// Upper or title case letters.
inline bool IsUpper(char32_t c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : IsUpperSlow(c); }
inline bool IsDigit(char32_t c) { return c < 0x80 ? (c >= '0' && c <= '9') : IsDigitSlow(c); }
// Includes NBSP and the other Unicode spaces.
inline bool IsSpace(char32_t c) {
  return c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : IsSpaceSlow(c);
}

}  // namespace newsgraph::utf8
