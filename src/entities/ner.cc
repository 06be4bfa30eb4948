#include "entities/ner.h"

#include <algorithm>
#include <cstdio>

#include "core/data.h"
#include "core/ud.h"
#include "syntax/lexical.h"
#include "syntax/tagger.h"

namespace newsgraph::entities {

using syntax::F;
using syntax::Feature;
using syntax::kNone;
using syntax::Lexeme;

namespace {

constexpr std::string_view kMagic = "newsgraph-ner-model-1\n";

// Lexicon classes that tell names apart; the others stay out of the features.
constexpr uint32_t kNameClasses = kHead | kHonorific | kOrgSuffix | kOrgHead | kLocSuffix | kLocHead | kCompass |
                                  kParticle | kNameSuffix | kTime | kPronoun | kLocative | kAdminSuffix | kNatural |
                                  kGov | kSupranational | kOrgNoun | kPlaceNoun | kSpeechVerb;

enum NameBits : uint8_t { kGiven = 1, kSurname = 2, kCommon = 4, kDemonym = 8, kAdjective = 16 };

// What the tagger knows of a sentence before tagging it.
struct Context {
  const std::vector<NerWord>* words = nullptr;
  std::vector<Lexeme> lex;
  std::vector<uint8_t> gaz;  // 0, or 1 + (type * 5 + kind) * 2 + inside: a gazetteer name
  std::vector<uint32_t> classes;
  std::vector<uint8_t> bits;    // NameBits
  std::vector<uint64_t> lemma;  // hashes
  std::vector<Gazetteer::WordFacts> facts;
  bool all_caps = false;  // a headline or dateline written in capitals
};

void Prepare(const Gazetteer& gaz, const std::vector<NerWord>& words, Context* c) {
  const size_t n = words.size();
  c->words = &words;
  c->lex.clear();
  c->gaz.assign(n, 0);
  c->classes.assign(n, 0);
  c->bits.assign(n, 0);
  c->lemma.assign(n, 0);
  c->facts.resize(n);
  size_t letters = 0, upper = 0;
  std::string joined;
  for (size_t i = 0; i < n; ++i) {
    std::string_view f = words[i].form;
    c->lex.push_back(syntax::MakeLexeme(f));
    c->lemma[i] = syntax::HashString(words[i].lemma);
    if (c->lex.back().flags & syntax::kHasUpper) ++letters, upper += (c->lex.back().flags & syntax::kAllUpper) != 0;
    const Gazetteer::WordFacts& facts = c->facts[i] = gaz.Facts(f);
    c->classes[i] = facts.classes & kNameClasses;
    uint8_t b = 0;
    if (facts.given) b |= kGiven;
    if (facts.surname) b |= kSurname;
    if (facts.common) b |= kCommon;
    if (facts.demonym) b |= kDemonym;
    if (facts.adjective) b |= kAdjective;
    c->bits[i] = b;
  }
  c->all_caps = letters >= 3 && upper * 10 >= letters * 8;
  // Longest gazetteer names, left to right.
  for (size_t i = 0; i < n;) {
    size_t most = std::min(c->facts[i].max_words, n - i);
    size_t len = 0;
    const GazEntry* hit = nullptr;
    for (size_t k = most; k >= 1 && hit == nullptr; --k) {
      if (k == 1) {
        hit = c->facts[i].entry;
      } else {
        joined.assign(words[i].form);
        for (size_t j = i + 1; j < i + k; ++j) joined.append(" ").append(words[j].form);
        hit = gaz.Find(joined);
      }
      if (hit != nullptr) len = k;
    }
    if (hit == nullptr) {
      ++i;
      continue;
    }
    const uint8_t code = static_cast<uint8_t>(1 + (static_cast<int>(hit->type) * 6 + static_cast<int>(hit->kind)) * 2);
    for (size_t j = i; j < i + len; ++j) c->gaz[j] = static_cast<uint8_t>(code + (j > i));
    i += len;
  }
}

void Features(const Context& c, size_t i, const uint8_t* tags, std::vector<Feature>* out) {
  out->clear();
  const std::vector<NerWord>& words = *c.words;
  const long n = static_cast<long>(i), size = static_cast<long>(words.size());
  const Lexeme& w = c.lex[i];
  auto in = [&](long k) { return k >= 0 && k < size; };
  auto lower = [&](long k) -> uint64_t { return in(k) ? c.lex[k].lower : kNone + (k < 0); };
  auto shape = [&](long k) -> uint64_t { return in(k) ? c.lex[k].shape : kNone + (k < 0); };
  auto upos = [&](long k) -> uint64_t { return in(k) ? words[k].upos : 99 + (k < 0); };
  auto gazc = [&](long k) -> uint64_t { return in(k) ? c.gaz[k] : 255; };
  auto cls = [&](long k) -> uint64_t { return in(k) ? c.classes[k] : 0xFFFFFFFFull; };
  auto tag = [&](long k) -> uint64_t { return k < 0 ? 99 : tags[k]; };
  const uint64_t t1 = tag(n - 1), t2 = tag(n - 2);
  const NerWord& word = words[i];
  const uint64_t head_lemma = word.head >= 0 && word.head < size ? c.lemma[word.head] : kNone;
  const uint64_t head_upos = word.head >= 0 && word.head < size ? words[word.head].upos : 99;
  const uint64_t caps = c.all_caps;
  out->push_back(F(1, 0));
  out->push_back(F(2, w.lower));
  out->push_back(F(3, w.form, caps));
  for (int k = 0; k < 3; ++k) out->push_back(F(4 + k, w.prefix[k]));
  for (int k = 0; k < 4; ++k) out->push_back(F(7 + k, w.suffix[k]));
  out->push_back(F(11, w.shape, caps));
  out->push_back(F(12, w.flags, n == 0, caps));
  out->push_back(F(13, t1));
  out->push_back(F(14, t1, t2));
  out->push_back(F(15, t1, w.lower));
  out->push_back(F(16, t1, w.shape));
  out->push_back(F(17, t1, word.upos));
  out->push_back(F(18, lower(n - 1)));
  out->push_back(F(19, lower(n - 2)));
  out->push_back(F(20, lower(n + 1)));
  out->push_back(F(21, lower(n + 2)));
  out->push_back(F(22, lower(n - 1), w.lower));
  out->push_back(F(23, w.lower, lower(n + 1)));
  out->push_back(F(24, shape(n - 1), w.shape, shape(n + 1)));
  out->push_back(F(25, shape(n + 1), t1));
  out->push_back(F(26, word.upos));
  out->push_back(F(27, upos(n - 1), word.upos));
  out->push_back(F(28, word.upos, upos(n + 1)));
  out->push_back(F(29, upos(n - 1), word.upos, upos(n + 1)));
  out->push_back(F(30, c.lemma[i]));
  out->push_back(F(31, word.deprel));
  out->push_back(F(32, word.deprel, head_lemma));
  out->push_back(F(33, word.deprel, head_upos, word.upos));
  out->push_back(F(34, word.deprel, w.shape));
  out->push_back(F(35, gazc(n)));
  out->push_back(F(36, gazc(n), t1));
  out->push_back(F(37, gazc(n - 1), gazc(n), gazc(n + 1)));
  out->push_back(F(38, cls(n)));
  out->push_back(F(39, cls(n - 1)));
  out->push_back(F(40, cls(n + 1)));
  out->push_back(F(41, cls(n - 1), cls(n + 1), t1));
  out->push_back(F(42, c.bits[i], w.shape));
  out->push_back(F(43, c.bits[i], t1));
  out->push_back(F(44, in(n + 1) ? c.bits[n + 1] : 255, c.bits[i]));
  out->push_back(F(45, in(n - 1) ? c.bits[n - 1] : 255, c.bits[i], t1));
  out->push_back(F(46, w.suffix[2], t1));
  out->push_back(F(47, lower(n - 1), lower(n + 1)));
  out->push_back(F(48, word.deprel, head_lemma, w.shape));
  out->push_back(F(49, cls(n + 1), w.shape));
  out->push_back(F(50, gazc(n), w.shape, caps));
}

// The best tag allowed after `prev` (an I- tag must continue a name of its type).
uint8_t BestAllowed(const float* scores, uint8_t prev) {
  int best = -1;
  for (int t = 0; t < kNerTags; ++t) {
    if (NerInside(static_cast<uint8_t>(t)) && prev != t && prev != t - 1) continue;
    if (best < 0 || scores[t] > scores[best]) best = t;
  }
  return static_cast<uint8_t>(best);
}

}  // namespace

const char* NerTagName(uint8_t tag) {
  static const char* kNames[] = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"};
  return tag < kNerTags ? kNames[tag] : "?";
}

EntityType NerTagType(uint8_t tag) {
  return tag <= kTagIPer ? EntityType::kPerson : tag <= kTagIOrg ? EntityType::kOrg : EntityType::kLoc;
}

uint8_t NerBegin(EntityType t) {
  return t == EntityType::kPerson ? kTagBPer : t == EntityType::kOrg ? kTagBOrg : kTagBLoc;
}

std::vector<NerSpan> NerSpans(const std::vector<uint8_t>& tags) {
  std::vector<NerSpan> out;
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i] == kTagO) continue;
    const uint8_t inside = NerInside(tags[i]) ? tags[i] : static_cast<uint8_t>(tags[i] + 1);
    size_t j = i + 1;
    while (j < tags.size() && tags[j] == inside) ++j;
    out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j), NerTagType(tags[i])});
    i = j - 1;
  }
  return out;
}

void NerModel::Tag(const Gazetteer& gaz, const std::vector<NerWord>& words, std::vector<uint8_t>* tags) const {
  tags->assign(words.size(), kTagO);
  if (words.empty()) return;
  thread_local Context c;
  thread_local std::vector<Feature> feats;
  Prepare(gaz, words, &c);
  float scores[kNerTags];
  for (size_t i = 0; i < words.size(); ++i) {
    Features(c, i, tags->data(), &feats);
    std::fill(scores, scores + kNerTags, 0.0f);
    model_.Score(feats, scores);
    (*tags)[i] = BestAllowed(scores, i == 0 ? uint8_t{kTagO} : (*tags)[i - 1]);
  }
}

void NerModel::TagAnalysis(const Gazetteer& gaz, const Analysis& a, std::vector<uint8_t>* tags) const {
  tags->assign(a.words.size(), kTagO);
  std::vector<NerWord> words;
  std::vector<uint8_t> sent;
  for (const Sentence& s : a.sentences) {
    if (s.end_word <= s.first_word || s.end_word > a.words.size()) continue;
    words.clear();
    for (uint32_t i = s.first_word; i < s.end_word; ++i) {
      const Word& w = a.words[i];
      NerWord x;
      x.form = a.Text(w.span);
      x.lemma = w.lemma;
      x.upos = w.upos;
      x.deprel = w.deprel;
      x.head = w.head < 0 ? -1 : w.head - static_cast<int32_t>(s.first_word);
      words.push_back(x);
    }
    Tag(gaz, words, &sent);
    std::copy(sent.begin(), sent.end(), tags->begin() + s.first_word);
  }
}

ArticleNames::ArticleNames(const Analysis& a, const std::vector<uint8_t>& tags) : tagged_(true) {
  for (const NerSpan& x : NerSpans(tags)) {
    if (x.end > a.words.size()) break;
    names_.push_back({Span{a.words[x.first].span.start, a.words[x.end - 1].span.end}, x.type});
  }
}

bool ArticleNames::Exact(Span s, EntityType* type) const {
  auto it = std::lower_bound(names_.begin(), names_.end(), s.start,
                             [](const Name& n, uint32_t start) { return n.span.start < start; });
  if (it == names_.end() || it->span.start != s.start || it->span.end != s.end) return false;
  *type = it->type;
  return true;
}

bool ArticleNames::NoneIn(Span s) const {
  if (!tagged_) return false;
  // The first name ending after s.start must start at or after s.end.
  auto it = std::lower_bound(names_.begin(), names_.end(), s.start,
                             [](const Name& n, uint32_t start) { return n.span.end <= start; });
  return it == names_.end() || it->span.start >= s.end;
}

bool ArticleNames::Covers(Span s, EntityType type) const {
  // The first name ending after s.start.
  auto it = std::lower_bound(names_.begin(), names_.end(), s.start,
                             [](const Name& n, uint32_t start) { return n.span.end <= start; });
  return it != names_.end() && it->span.start <= s.start && it->span.end >= s.end && it->type == type;
}

std::unique_ptr<NerModel> NerModel::Train(const Gazetteer& gaz, const std::vector<NerExample>& data,
                                          const NerTrainOptions& opt) {
  std::vector<Context> contexts(data.size());
  for (size_t i = 0; i < data.size(); ++i) Prepare(gaz, data[i].words, &contexts[i]);
  syntax::PerceptronTrainer trainer(kNerTags);
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t rng = opt.seed;
  std::vector<Feature> feats;
  std::vector<uint8_t> tags;
  float scores[kNerTags];
  for (int epoch = 0; epoch < opt.epochs; ++epoch) {
    syntax::Shuffle(&order, &rng);
    size_t correct = 0, total = 0;
    for (size_t si : order) {
      const NerExample& s = data[si];
      tags.assign(s.tags.size(), kTagO);
      for (size_t i = 0; i < s.tags.size(); ++i) {
        Features(contexts[si], i, tags.data(), &feats);
        std::fill(scores, scores + kNerTags, 0.0f);
        trainer.Score(feats, scores);
        const uint8_t guess = BestAllowed(scores, i == 0 ? uint8_t{kTagO} : tags[i - 1]);
        trainer.Tick();
        trainer.Update(feats, s.tags[i], guess);
        correct += guess == s.tags[i];
        ++total;
        tags[i] = guess;  // its own history, as at run time
      }
    }
    if (opt.verbose) {
      std::fprintf(stderr, "  ner epoch %d: %.2f%% of tags right on training data, %zu features\n", epoch + 1,
                   100.0 * correct / std::max<size_t>(total, 1), trainer.rows());
    }
  }
  auto m = std::make_unique<NerModel>();
  m->model_ = trainer.Finish(opt.prune);
  return m;
}

std::string NerModel::Serialize() const {
  std::string raw;
  syntax::PutString(info, &raw);
  model_.Save(&raw);
  return syntax::CompressModelFile(kMagic, raw);
}

StatusOr<std::unique_ptr<NerModel>> NerModel::Deserialize(std::string_view bytes) {
  auto raw = syntax::DecompressModelFile(kMagic, bytes, "ner model");
  if (!raw.ok()) return raw.status();
  std::string_view in = *raw;
  auto m = std::make_unique<NerModel>();
  if (!syntax::GetString(&in, &m->info)) return Status::Corrupt("ner model: truncated header");
  auto c = syntax::CompactModel::Load(&in);
  if (!c.ok()) return c.status();
  if (c->classes() != kNerTags) return Status::Corrupt("ner model: wrong number of tags");
  m->model_ = std::move(*c);
  if (!in.empty()) return Status::Corrupt("ner model: trailing bytes");
  return m;
}

StatusOr<const NerModel*> NerModel::Default() {
  return syntax::LoadDefaultModel<NerModel>("ner/en.model", "ner model");
}

}  // namespace newsgraph::entities
