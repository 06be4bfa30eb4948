#include "syntax/tagger.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>

#include "core/ud.h"

namespace newsgraph::syntax {

uint64_t NextRandom(uint64_t* state) {
  // splitmix64
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

void Shuffle(std::vector<size_t>* order, uint64_t* state) {
  for (size_t i = order->size(); i > 1; --i) {
    size_t j = NextRandom(state) % i;
    std::swap((*order)[i - 1], (*order)[j]);
  }
}

std::vector<Lexeme> Tagger::Lexemes(const std::vector<std::string_view>& forms) {
  std::vector<Lexeme> lex;
  lex.reserve(forms.size());
  for (std::string_view f : forms) lex.push_back(MakeLexeme(f));
  return lex;
}

void Tagger::Ambiguities(const std::vector<Lexeme>& lex, std::vector<uint32_t>* out) const {
  out->resize(lex.size());
  for (size_t i = 0; i < lex.size(); ++i) {
    auto it = tagdict_.find(lex[i].lower);
    (*out)[i] = it == tagdict_.end() ? 0 : it->second;
  }
}

void Tagger::Features(const std::vector<Lexeme>& lex, const std::vector<uint32_t>& ambiguity,
                      const std::vector<uint8_t>& tags, size_t i, FeatureList* out) const {
  out->clear();
  const Lexeme& w = lex[i];
  auto word = [&](long k) -> uint64_t {
    return k < 0 ? kNone : k >= static_cast<long>(lex.size()) ? kRootWord : lex[k].lower;
  };
  auto amb = [&](long k) -> uint64_t {
    return k < 0 || k >= static_cast<long>(lex.size()) ? 0xFFFFFFFFull : ambiguity[k];
  };
  auto tag = [&](long k) -> uint64_t { return k < 0 ? 99 : tags[k]; };
  const long n = static_cast<long>(i);
  const uint64_t t1 = tag(n - 1), t2 = tag(n - 2);
  out->push_back(F(1, 0));
  out->push_back(F(2, w.lower));
  out->push_back(F(3, w.form));
  for (int k = 0; k < 3; ++k) out->push_back(F(4 + k, w.prefix[k]));
  for (int k = 0; k < 4; ++k) out->push_back(F(7 + k, w.suffix[k]));
  out->push_back(F(11, w.shape));
  out->push_back(F(12, w.flags, n == 0));
  out->push_back(F(13, t1));
  out->push_back(F(14, t1, t2));
  out->push_back(F(15, t1, w.lower));
  out->push_back(F(16, word(n - 1)));
  out->push_back(F(17, word(n - 2)));
  out->push_back(F(18, word(n + 1)));
  out->push_back(F(19, word(n + 2)));
  out->push_back(F(20, word(n - 1), w.lower));
  out->push_back(F(21, w.lower, word(n + 1)));
  out->push_back(F(22, n > 0 ? lex[n - 1].suffix[2] : kNone));
  out->push_back(F(23, n + 1 < static_cast<long>(lex.size()) ? lex[n + 1].suffix[2] : kNone));
  out->push_back(F(24, amb(n)));
  out->push_back(F(25, amb(n + 1)));
  out->push_back(F(26, amb(n + 1), amb(n + 2)));
  out->push_back(F(27, amb(n), amb(n + 1)));
  out->push_back(F(28, t1, amb(n + 1)));
  out->push_back(F(29, w.lower, amb(n + 1)));
  out->push_back(F(30, t1, w.suffix[2]));
  out->push_back(F(31, w.shape, amb(n + 1)));
  out->push_back(F(32, n > 0 ? lex[n - 1].shape : kNone, w.shape));
  out->push_back(F(33, w.suffix[1], amb(n)));
  out->push_back(F(34, word(n - 1), word(n + 1)));
}

void Tagger::Tag(const std::vector<Lexeme>& lex, std::vector<uint8_t>* tags) const {
  tags->assign(lex.size(), 0);
  std::vector<uint32_t> amb;
  Ambiguities(lex, &amb);
  FeatureList feats;
  float scores[ud::kUposCount];
  for (size_t i = 0; i < lex.size(); ++i) {
    Features(lex, amb, *tags, i, &feats);
    std::fill(scores, scores + ud::kUposCount, 0.0f);
    model_.Score(feats, scores);
    (*tags)[i] = static_cast<uint8_t>(std::max_element(scores, scores + ud::kUposCount) - scores);
  }
}

Tagger Tagger::Train(const std::vector<TaggedSentence>& data, const TrainOptions& opt) {
  Tagger t;
  // Tag dictionary: words seen 3+ times, with every tag that took 5% or more of them.
  std::unordered_map<uint64_t, std::array<uint32_t, ud::kUposCount>> counts;
  for (const TaggedSentence& s : data) {
    for (size_t i = 0; i < s.forms.size(); ++i) counts[HashString(NormalizeWord(s.forms[i]))][s.tags[i]]++;
  }
  for (const auto& [word, c] : counts) {
    uint32_t total = 0;
    for (uint32_t v : c) total += v;
    if (total < 3) continue;
    uint32_t mask = 0;
    for (int k = 0; k < ud::kUposCount; ++k) {
      if (c[k] * 20 >= total) mask |= 1u << k;
    }
    t.tagdict_[word] = mask;
  }
  std::vector<std::vector<Lexeme>> lexes;
  lexes.reserve(data.size());
  for (const TaggedSentence& s : data) {
    std::vector<std::string_view> f(s.forms.begin(), s.forms.end());
    lexes.push_back(Lexemes(f));
  }
  PerceptronTrainer trainer(ud::kUposCount);
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t rng = opt.seed;
  std::vector<std::vector<uint32_t>> ambs(data.size());
  for (size_t si = 0; si < data.size(); ++si) t.Ambiguities(lexes[si], &ambs[si]);
  FeatureList feats;
  float scores[ud::kUposCount];
  for (int epoch = 0; epoch < opt.epochs; ++epoch) {
    Shuffle(&order, &rng);
    size_t correct = 0, total = 0;
    for (size_t si : order) {
      const TaggedSentence& s = data[si];
      std::vector<uint8_t> tags(s.tags.size(), 0);
      for (size_t i = 0; i < s.tags.size(); ++i) {
        t.Features(lexes[si], ambs[si], tags, i, &feats);
        std::fill(scores, scores + ud::kUposCount, 0.0f);
        trainer.Score(feats, scores);
        int guess = static_cast<int>(std::max_element(scores, scores + ud::kUposCount) - scores);
        trainer.Tick();
        trainer.Update(feats, s.tags[i], guess);
        correct += guess == s.tags[i];
        ++total;
        tags[i] = static_cast<uint8_t>(guess);  // train on its own history, as it will run
      }
    }
    if (opt.verbose) {
      std::fprintf(stderr, "  tagger epoch %d: %.2f%% on training data, %zu features\n", epoch + 1,
                   100.0 * correct / std::max<size_t>(total, 1), trainer.rows());
    }
  }
  t.model_ = trainer.Finish(opt.prune);
  return t;
}

void Tagger::Save(std::string* out) const {
  model_.Save(out);
  std::vector<std::pair<uint64_t, uint32_t>> dict(tagdict_.begin(), tagdict_.end());
  std::sort(dict.begin(), dict.end());
  PutVarint(dict.size(), out);
  uint64_t prev = 0;
  for (const auto& [k, mask] : dict) {
    PutVarint(k - prev, out);
    prev = k;
    PutVarint(mask, out);
  }
}

StatusOr<Tagger> Tagger::Load(std::string_view* in) {
  Tagger t;
  auto m = CompactModel::Load(in);
  if (!m.ok()) return m.status();
  t.model_ = std::move(*m);
  uint64_t n = 0;
  if (!GetVarint(in, &n)) return Status::Corrupt("tagger: truncated tag dictionary");
  t.tagdict_.reserve(n);
  uint64_t key = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t d = 0, mask = 0;
    if (!GetVarint(in, &d) || !GetVarint(in, &mask)) return Status::Corrupt("tagger: truncated tag dictionary");
    key += d;
    t.tagdict_[key] = static_cast<uint32_t>(mask);
  }
  return t;
}

}  // namespace newsgraph::syntax
