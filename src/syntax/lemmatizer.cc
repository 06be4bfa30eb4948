#include "syntax/lemmatizer.h"

#include <algorithm>
#include <map>

#include "core/ud.h"
#include "core/utf8.h"
#include "syntax/perceptron.h"

namespace newsgraph::syntax {
namespace {

constexpr size_t kMaxSuffix = 6;
constexpr int kMinRuleCount = 2;

// Lower case; ASCII words (nearly all) without ICU, to the same result.
std::string LowerCase(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return utf8::Lower(s);
  }
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The edit turning `lower` into `lemma`: letters stripped from the end and appended.
bool EditOf(const std::string& lower, const std::string& lemma, uint8_t* strip, std::string* append) {
  size_t common = 0;
  while (common < lower.size() && common < lemma.size() && lower[common] == lemma[common]) ++common;
  if (lower.size() - common > 255) return false;
  *strip = static_cast<uint8_t>(lower.size() - common);
  *append = lemma.substr(common);
  return true;
}

}  // namespace

std::string Lemmatizer::Key(std::string_view lower, uint8_t upos) {
  std::string k(lower);
  k.push_back('\t');
  k.push_back(static_cast<char>('A' + upos));
  return k;
}

std::string Lemmatizer::ApplyRules(std::string_view keyed, size_t lower_size) const {
  const std::string_view lower = keyed.substr(0, lower_size);
  for (size_t len = std::min(kMaxSuffix, lower.size()); len >= 1; --len) {
    const Rule* rule = rules_index_.Find(keyed.substr(lower.size() - len));
    if (rule == nullptr) continue;
    const Rule& r = *rule;
    if (r.strip > lower.size()) break;
    std::string out(lower.substr(0, lower.size() - r.strip));
    out += r.append;
    return out;
  }
  return std::string(lower);
}

std::string Lemmatizer::Lemma(std::string_view form, uint8_t upos) const {
  if (upos == ud::kPropn) return std::string(form);
  std::string lower = LowerCase(form);
  const size_t lower_size = lower.size();
  const std::string& keyed = lower.append(Key("", upos));  // Key(lower, upos)
  if (const std::string* lemma = table_index_.Find(keyed)) return *lemma;
  if (upos == ud::kPunct || upos == ud::kSym || upos == ud::kNum) return std::string(form);
  return ApplyRules(keyed, lower_size);
}

Lemmatizer Lemmatizer::Train(const std::vector<LemmaExample>& data) {
  Lemmatizer l;
  // Most frequent lemma per (form, UPOS).
  std::map<std::string, std::map<std::string, int>> seen;
  for (const LemmaExample& e : data) {
    if (e.upos == ud::kPropn || e.lemma.empty() || e.lemma == "_") continue;
    seen[Key(LowerCase(e.form), e.upos)][e.lemma]++;
  }
  // Suffix rules from the word types (not tokens), so frequent irregular words do not
  // dominate the rules for unseen words.
  std::map<std::string, std::map<std::pair<uint8_t, std::string>, int>> rule_counts;
  for (const auto& [key, lemmas] : seen) {
    auto best = std::max_element(lemmas.begin(), lemmas.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    size_t tab = key.rfind('\t');
    std::string lower = key.substr(0, tab);
    uint8_t upos = static_cast<uint8_t>(key[tab + 1] - 'A');
    l.table_[key] = best->first;
    uint8_t strip;
    std::string append;
    if (!EditOf(lower, LowerCase(best->first), &strip, &append)) continue;
    for (size_t len = 1; len <= std::min(kMaxSuffix, lower.size()); ++len) {
      rule_counts[Key(std::string_view(lower).substr(lower.size() - len), upos)][{strip, append}]++;
    }
  }
  for (const auto& [key, counts] : rule_counts) {
    auto best = std::max_element(counts.begin(), counts.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best->second < kMinRuleCount) continue;
    l.rules_[key] = Rule{best->first.first, best->first.second};
  }
  l.Index();
  // Table rows the rules already get right are not needed.
  for (auto it = l.table_.begin(); it != l.table_.end();) {
    size_t tab = it->first.rfind('\t');
    std::string lower = it->first.substr(0, tab);
    uint8_t upos = static_cast<uint8_t>(it->first[tab + 1] - 'A');
    bool verbatim = upos == ud::kPunct || upos == ud::kSym || upos == ud::kNum;
    if (!verbatim && l.ApplyRules(it->first, lower.size()) == it->second) {
      it = l.table_.erase(it);
    } else {
      ++it;
    }
  }
  l.Index();
  return l;
}

void Lemmatizer::Index() {
  table_index_ = StringTable<std::string>(table_);
  rules_index_ = StringTable<Rule>(rules_);
}

void Lemmatizer::Save(std::string* out) const {
  std::map<std::string, std::string> table(table_.begin(), table_.end());
  PutVarint(table.size(), out);
  for (const auto& [k, v] : table) {
    PutString(k, out);
    PutString(v, out);
  }
  std::map<std::string, Rule> rules(rules_.begin(), rules_.end());
  PutVarint(rules.size(), out);
  for (const auto& [k, r] : rules) {
    PutString(k, out);
    PutVarint(r.strip, out);
    PutString(r.append, out);
  }
}

StatusOr<Lemmatizer> Lemmatizer::Load(std::string_view* in) {
  Lemmatizer l;
  uint64_t n = 0;
  if (!GetVarint(in, &n)) return Status::Corrupt("lemmatizer: truncated table");
  l.table_.reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    std::string k, v;
    if (!GetString(in, &k) || !GetString(in, &v)) return Status::Corrupt("lemmatizer: truncated table");
    l.table_.emplace(std::move(k), std::move(v));
  }
  if (!GetVarint(in, &n)) return Status::Corrupt("lemmatizer: truncated rules");
  for (uint64_t i = 0; i < n; ++i) {
    std::string k;
    uint64_t strip = 0;
    Rule r;
    if (!GetString(in, &k) || !GetVarint(in, &strip) || !GetString(in, &r.append) || strip > 255) {
      return Status::Corrupt("lemmatizer: truncated rules");
    }
    r.strip = static_cast<uint8_t>(strip);
    l.rules_.emplace(std::move(k), std::move(r));
  }
  l.Index();
  return l;
}

}  // namespace newsgraph::syntax
