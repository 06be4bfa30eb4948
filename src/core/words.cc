#include "core/words.h"

#include <algorithm>

namespace newsgraph {

int32_t WordAt(const Analysis& a, uint32_t offset) {
  auto it = std::upper_bound(a.words.begin(), a.words.end(), offset,
                             [](uint32_t off, const Word& w) { return off < w.span.start; });
  if (it == a.words.begin()) return -1;
  --it;
  if (offset >= it->span.end && !(it->span.empty() && offset == it->span.start)) return -1;
  return static_cast<int32_t>(it - a.words.begin());
}

WordRange WordsIn(const Analysis& a, Span s) {
  auto first = std::lower_bound(a.words.begin(), a.words.end(), s.start,
                                [](const Word& w, uint32_t off) { return w.span.end <= off; });
  auto end = std::lower_bound(first, a.words.end(), s.end,
                              [](const Word& w, uint32_t off) { return w.span.start < off; });
  return WordRange{static_cast<int32_t>(first - a.words.begin()), static_cast<int32_t>(end - a.words.begin())};
}

int32_t HeadWord(const Analysis& a, Span s) {
  WordRange r = WordsIn(a, s);
  for (int32_t i = r.first; i < r.end; ++i) {
    int32_t h = a.words[i].head;
    if (h < r.first || h >= r.end) return i;
  }
  return r.empty() ? -1 : r.first;
}

}  // namespace newsgraph
