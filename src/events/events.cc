#include "events/events.h"

#include "core/ud.h"
#include "core/words.h"
#include "events/coder.h"
#include "events/petrarch.h"

namespace newsgraph {

namespace events {

namespace {

std::string ToLowerAscii(const std::string& s) {
  std::string out = s;
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

ArticleCoder::ArticleCoder(const Dictionaries& d, const std::vector<bool>& rules, Analysis* a)
    : d_(d), rules_(rules), a_(*a), ents_(*a), lower_(ToLowerAscii(a->body)), date_(ParseDate(a->published)) {}

void ArticleCoder::BuildTokens(const Sentence& s, std::vector<Tok>* toks) const {
  toks->clear();
  for (uint32_t i = s.first_token; i < s.end_token && i < a_.tokens.size(); ++i) {
    const Token& t = a_.tokens[i];
    if (t.span.end > a_.body.size() || t.span.start > t.span.end) continue;
    Tok k;
    k.span = t.span;
    k.text = std::string_view(a_.body).substr(t.span.start, t.span.size());
    k.low = std::string_view(lower_).substr(t.span.start, t.span.size());
    k.cap = t.capitalized || t.all_caps;
    k.punct = t.kind == TokenKind::kPunct;
    toks->push_back(k);
  }
}

static_assert(kRuleCount == std::size(kEventRuleNames), "coder.h Rule and events.h kEventRuleNames agree");

void ArticleCoder::Run() {
  a_.events.clear();
  std::vector<std::vector<Tok>> toks(a_.sentences.size());
  std::vector<std::vector<Phrase>> phrases(a_.sentences.size());
  for (size_t si = 0; si < a_.sentences.size(); ++si) {
    BuildTokens(a_.sentences[si], &toks[si]);
    if (Discarded(toks[si], d_.story_discards)) return;
    phrases[si] = FindPhrases(d_, a_.sentences[si], toks[si], a_, ents_, date_.ok() ? date_.y * 10000 + date_.m * 100 + date_.d : 0,
                              kMaxPhrasesPerSentence);
  }
  LocalCountries(&phrases);
  FindHome(&phrases);
  AddMentionPhrases(toks, &phrases);
  for (size_t si = 0; si < a_.sentences.size(); ++si) CodeSentence(static_cast<int>(si), toks[si], phrases[si]);
}

// Where phrases and quotations lie in the sentence, and its frames; false for a sentence
// that codes nothing (a question, a discarded phrase).
bool ArticleCoder::PrepareSentence(Sent* s) {
  const std::vector<Tok>& toks = s->toks;
  const int n = s->n;
  if (n == 0) return false;
  if (toks.back().text == "?" || (n >= 2 && toks[n - 2].text == "?" && IsQuote(toks[n - 1].text))) return false;
  if (Discarded(toks, d_.discards)) return false;
  s->phrase_at.assign(n, -1);
  for (size_t q = 0; q < s->ph.size(); ++q)
    for (int k = s->ph[q].begin; k < s->ph[q].end && k < n; ++k) s->phrase_at[k] = static_cast<int>(q);
  s->in_quote.assign(n, false);
  bool open = false;
  for (int k = 0; k < n; ++k) {
    if (IsQuote(toks[k].text)) {
      open = toks[k].text == "\xE2\x80\x9C" ? true : toks[k].text == "\xE2\x80\x9D" ? false : !open;
      continue;
    }
    s->in_quote[k] = open;
  }
  const Sentence& sentence = a_.sentences[s->si];
  first_word_ = sentence.first_word;
  frames_ = BuildFrames(a_, sentence, d_.frame_words, &frame_of_);
  const uint32_t end_word = std::min<uint32_t>(sentence.end_word, static_cast<uint32_t>(a_.words.size()));
  s->parsed = end_word > first_word_;
  below_head_ = -1;
  children_.assign(s->parsed ? end_word - first_word_ : 0, {});
  for (uint32_t w = first_word_; w < end_word; ++w) {
    int32_t h = a_.words[w].head;
    if (h >= static_cast<int32_t>(first_word_) && h < static_cast<int32_t>(end_word))
      children_[h - first_word_].push_back(static_cast<int32_t>(w));
  }
  return true;
}

void ArticleCoder::CodeSentence(int si, const std::vector<Tok>& toks, std::vector<Phrase>& ph) {
  Sent s{si, toks, ph, static_cast<int>(toks.size()), {}, {}};
  if (!PrepareSentence(&s)) return;
  Scope scope;
  for (const Match& m : FindMatches(s)) CodeMatch(s, m, &scope);
}

// Whether the match lies in the content of an earlier one (a `scope` pattern: "repeated
// accusations that Washington hacks ..."). A new clause ends the scope ("..., and X did
// Y"), and so does a second predicate of the same subject ("rejected the criticism and
// accused ..."), but not a verb whose nearest subject lies inside the first verb's content.
bool ArticleCoder::InScope(const Sent& s, const Match& m, const Pattern& p, const Scope& scope) const {
  if (!(m.anchor > scope.from && m.anchor <= scope.from + 14 && !p.has_source_slot)) return false;
  bool crossed = m.first > 0 && s.toks[m.first - 1].low == "and" && scope.src >= 0 &&
                 Subject(s.toks, s.ph, m.first, m.anchor) == scope.src;
  for (int k = scope.from + 1; k < m.anchor; ++k)
    if (s.toks[k].low == ";" || s.toks[k].low == "but" || (s.toks[k].low == "and" && s.toks[k - 1].low == ","))
      crossed = true;
  return !crossed;
}

// The code under the modality before the verb ("refused to meet" 125, "did not meet"
// nothing); false when the match codes nothing.
bool ArticleCoder::ApplyModality(const Sent& s, Draft* d, Scope* scope) const {
  const Match& m = d->m;
  d->code = d->p.code;
  if (!d->p.nomod) d->kind = Modality(s.toks, m.first, &d->cue);
  // The parse's negation or modality where no cue precedes the verb ("will, officials
  // said, meet").
  if (!d->p.nomod && d->kind.empty() && On(kFrameModality))
    if (const Frame* f = FrameAt(s, m.anchor); f != nullptr && !f->modality.empty()) {
      d->kind = f->modality;
      d->cue = f->cue;
    }
  // An infinitive right after another event verb is its content ("pressed X to release").
  bool complement =
      m.first > 0 && s.toks[m.first - 1].low == "to" && m.anchor - scope->prev_anchor <= 8 && d->kind.empty();
  scope->prev_anchor = m.anchor;
  if (complement) return false;
  if (d->code == "---") return false;  // a PETRARCH null-coded pattern: matched, nothing to code
  if (!d->kind.empty()) {
    std::string mapped = d_.MapModality(d->kind, d->code);
    if (mapped == "-") return false;
    if (!mapped.empty()) d->code = mapped;
  }
  return true;
}

// "a positive test for a banned steroid", "the disputed border": an event word the parse
// reads as an adjective modifying a noun after it describes that thing; it reports no event.
bool ArticleCoder::Attributive(const Sent& s, const Match& m) const {
  const int32_t w = On(kFrameAttributive) ? WordAt(a_, s.toks[m.anchor].span.start) : -1;
  if (w < 0) return false;
  const Word& word = a_.words[w];
  return ud::DeprelName(word.deprel) == "amod" && word.head > w;
}

void ArticleCoder::CodeMatch(const Sent& s, const Match& m, Scope* scope) {
  const Pattern& p = d_.verbs.at(m.pattern);
  if (InScope(s, m, p, *scope) || Attributive(s, m)) return;
  Draft d{m, p, {}, {}, {}};
  // The phrase ImplicitAuthority may add lives as long as this event.
  struct DropImplicit {
    const Sent& s;
    const Draft& d;
    ~DropImplicit() {
      if (d.implicit_source) s.ph.pop_back();
    }
  } drop{s, d};
  if (!ApplyModality(s, &d, scope)) return;
  if (!FindRoles(s, &d)) return;
  d.info = &d_.Info(d.code);
  ActorSets(s, &d);
  Discourse(s, &d);
  MakePairs(&d);
  // A hostile act the text reports as someone's claim is that someone's accusation; the act
  // itself is not coded as a fact.
  if (d.kind.empty() && d.info->accusation && On(kReportedAccusation) && ReportedAccusation(s, d)) return;
  if (d.pairs.empty()) {
    // Not coded (no target), but "the attack" may refer to it later.
    if (d.T.empty() && d.S.size() == 1 && d.info->referable) history_.emplace_back(*d.S[0], d.code);
    return;
  }
  for (auto [src, tgt] : d.pairs) history_.emplace_back(*src, d.code);
  if (p.scope) {
    scope->from = m.anchor;
    scope->src = d.implicit_source ? -1 : d.src;
  }
  Emit(s, d);
}

}  // namespace events

EventCoder::EventCoder(std::unique_ptr<const events::Dictionaries> dicts, std::vector<bool> rules)
    : dicts_(std::move(dicts)), rules_(std::move(rules)) {
  rules_.resize(std::size(kEventRuleNames), true);
}
EventCoder::~EventCoder() = default;

StatusOr<std::unique_ptr<EventCoder>> EventCoder::Create(const EventCoderOptions& options) {
  std::vector<bool> rules(std::size(kEventRuleNames), true);
  for (const std::string& off : options.rules_off) {
    auto it = std::find(std::begin(kEventRuleNames), std::end(kEventRuleNames), off);
    if (it == std::end(kEventRuleNames))
      return Status::InvalidArgument("unknown event rule \"" + off + "\" (see docs/events.md)");
    rules[it - std::begin(kEventRuleNames)] = false;
  }
  auto d = std::make_unique<events::Dictionaries>();
  Status s = events::LoadOwnDictionaries(d.get(), options.own_dictionaries);
  if (!s.ok()) return s;
  if (!options.dictionaries_dir.empty()) {
    s = events::LoadPetrarchDirectory(options.dictionaries_dir, d.get());
    if (!s.ok()) return s;
  }
  return std::make_unique<EventCoder>(std::move(d), std::move(rules));
}

void EventCoder::Code(Analysis* analysis) const { events::ArticleCoder(*dicts_, rules_, analysis).Run(); }

}  // namespace newsgraph
