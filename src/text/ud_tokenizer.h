// Word segmentation as Universal Dependencies English (EWT, GUM) does it, for the parser:
// clitics split off ("don't" -> "do" "n't", "can't" -> "ca" "n't", "Xi's" -> "Xi" "'s",
// "states'" -> "states" "'"), hyphenated words split ("Al-Zaman" -> "Al" "-" "Zaman") but not
// after the prefixes UD keeps ("e-mail", "re-elected", "non-profit") nor inside phone
// numbers, abbreviations keep their dots ("U.S.", "Dr.", "a.m."), runs of the same
// punctuation ("...", "!!") stay one word, URLs and e-mail addresses stay whole, numbers keep
// their separators ("1,200.5", "3:30", "11/28/2000"). Each word carries the byte span it
// covers; the words of a span partition its non-space bytes.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"

namespace newsgraph::text {

// Appends the UD words of `text` to `out` as spans offset by `base`.
void TokenizeUd(std::string_view text, uint32_t base, std::vector<Span>* out);

}  // namespace newsgraph::text
