#include "core/words.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

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

WordRange Apposition(const Analysis& a, int32_t w, int32_t from) {
  static const int appos = ud::DeprelIndex("appos");
  const int32_t n = static_cast<int32_t>(a.words.size());
  if (w < 0 || w >= n) return {};
  WordRange sub = Subtree(a, w);
  for (int32_t k = std::max(w + 1, from); k < sub.end; ++k) {
    if (a.words[k].head != w || a.words[k].deprel != appos) continue;
    WordRange r = Subtree(a, k);
    while (r.end > r.first + 1 && a.words[r.end - 1].upos == ud::kPunct) --r.end;
    while (r.end > r.first + 1 && a.words[r.first].upos == ud::kPunct) ++r.first;
    return r;
  }
  return {};
}

std::vector<Mention> UnmarkedNameRepeats(const Analysis& a) {
  constexpr int32_t kShared = -1;
  std::unordered_map<std::string_view, int32_t> word_entity;  // name word -> entity, kShared
  for (size_t e = 0; e < a.entities.size(); ++e) {
    const Entity& ent = a.entities[e];
    std::string_view name = ent.name;
    if (ent.type != EntityType::kPerson && name.find(' ') != std::string_view::npos) continue;
    for (size_t pos = 0; pos < name.size();) {
      const size_t sp = std::min(name.find(' ', pos), name.size());
      std::string_view w = name.substr(pos, sp - pos);
      pos = sp + 1;
      if (w.size() < 2 || w[0] < 'A' || w[0] > 'Z' || w.back() == '.') continue;
      auto [it, fresh] = word_entity.emplace(w, static_cast<int32_t>(e));
      if (!fresh && it->second != static_cast<int32_t>(e)) it->second = kShared;
    }
  }
  std::vector<Mention> out;
  if (word_entity.empty()) return out;
  std::vector<uint32_t> first(a.entities.size(), UINT32_MAX);  // each entity's first mention
  for (const Mention& m : a.mentions)
    if (m.entity >= 0 && static_cast<size_t>(m.entity) < first.size())
      first[m.entity] = std::min(first[m.entity], m.span.start);
  size_t next = 0;  // Analysis::mentions are in text order
  for (const Token& t : a.tokens) {
    if (t.kind != TokenKind::kWord || !t.capitalized || t.span.end > a.body.size()) continue;
    while (next < a.mentions.size() && a.mentions[next].span.end <= t.span.start) ++next;
    bool inside = false;  // a mention (of any kind, possibly long) overlaps the token
    for (size_t k = next; k < a.mentions.size() && a.mentions[k].span.start < t.span.end && !inside; ++k)
      inside = a.mentions[k].span.end > t.span.start;
    if (inside) continue;
    auto it = word_entity.find(a.Text(t.span));
    if (it == word_entity.end() || it->second == kShared || first[it->second] > t.span.start) continue;
    Mention m;
    m.span = t.span;
    m.entity = it->second;
    m.head_word = HeadWord(a, t.span);
    out.push_back(m);
  }
  return out;
}

}  // namespace newsgraph
