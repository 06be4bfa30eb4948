#include "core/words.h"

#include <algorithm>

#include "core/ud.h"

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

bool Dominates(const Analysis& a, int32_t anc, int32_t w) {
  const int32_t n = static_cast<int32_t>(a.words.size());
  // A tree is acyclic; the bound only guards against a malformed one.
  for (int32_t steps = 0; w >= 0 && w < n && steps <= n; ++steps) {
    if (w == anc) return true;
    w = a.words[w].head;
  }
  return false;
}

WordRange Subtree(const Analysis& a, int32_t w) {
  const int32_t n = static_cast<int32_t>(a.words.size());
  if (w < 0 || w >= n) return {};
  WordRange r{w, w + 1};
  while (r.first > 0 && Dominates(a, w, r.first - 1)) --r.first;
  while (r.end < n && Dominates(a, w, r.end)) ++r.end;
  return r;
}

WordRange DependentSubtree(const Analysis& a, int32_t w, int deprel, int32_t from) {
  const int32_t n = static_cast<int32_t>(a.words.size());
  if (w < 0 || w >= n) return {};
  const WordRange sub = Subtree(a, w);
  for (int32_t k = std::max(w + 1, from); k < sub.end; ++k) {
    if (a.words[k].head == w && a.words[k].deprel == deprel) return Subtree(a, k);
  }
  return {};
}

WordRange Apposition(const Analysis& a, int32_t w, int32_t from) {
  static const int appos = ud::DeprelIndex("appos");
  WordRange r = DependentSubtree(a, w, appos, from);
  while (r.end > r.first + 1 && a.words[r.end - 1].upos == ud::kPunct) --r.end;
  while (r.end > r.first + 1 && a.words[r.first].upos == ud::kPunct) ++r.first;
  return r;
}

}  // namespace newsgraph
