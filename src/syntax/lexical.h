// What the syntax models know of a word before context: hashes of its form, lower case,
// affixes and shape, computed once per word and shared by the tagger and the parser.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::syntax {

struct Lexeme {
  uint64_t form = 0;   // exact form
  uint64_t lower = 0;  // lower-cased form (digits collapsed to 0)
  uint64_t prefix[3] = {};  // lower-case prefixes of 1..3 characters
  uint64_t suffix[4] = {};  // lower-case suffixes of 1..4 characters
  uint64_t shape = 0;  // "Xx", "d", "X.X." ... (runs collapsed)
  uint8_t flags = 0;   // kHasUpper | kHasDigit | kHasHyphen | kAllUpper | kFirstUpper
};

enum LexemeFlags : uint8_t { kHasUpper = 1, kHasDigit = 2, kHasHyphen = 4, kAllUpper = 8, kFirstUpper = 16 };

// Lower case (ASCII and Latin-1/Unicode letters via ICU) with every digit replaced by '0'.
std::string NormalizeWord(std::string_view form);
Lexeme MakeLexeme(std::string_view form);

// Hash values for "no word" positions (before the start, after the end, no child).
inline constexpr uint64_t kNone = 0x6e6f6e65ull;
inline constexpr uint64_t kRootWord = 0x726f6f74ull;

}  // namespace newsgraph::syntax
