#include "syntax/eval.h"

#include <algorithm>
#include <map>

#include "core/ud.h"
#include "text/tokenizer.h"

namespace newsgraph::syntax {
namespace {

double Pct(size_t a, size_t b) { return b == 0 ? 0.0 : 100.0 * static_cast<double>(a) / static_cast<double>(b); }
double F1(size_t correct, size_t predicted, size_t gold) {
  double p = Pct(correct, predicted), r = Pct(correct, gold);
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

struct RawWord {
  Span span;
  int head = -1;  // global index, -1 root
  int upos = 0;
  std::string_view deprel;
};


}  // namespace

std::vector<Span> WordSpans(const ConlluSentence& s, std::string_view text, uint32_t base) {
  std::vector<Span> spans(s.words.size());
  size_t pos = 0, mw = 0;
  auto skip_space = [&] {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n')) ++pos;
  };
  for (size_t i = 0; i < s.words.size();) {
    skip_space();
    int id = static_cast<int>(i) + 1;
    while (mw < s.multiword.size() && s.multiword[mw].first < id) ++mw;
    if (mw < s.multiword.size() && s.multiword[mw].first == id) {
      const ConlluToken& t = s.multiword[mw];
      size_t start = pos, p = pos;
      bool ok = text.substr(start, t.form.size()) == t.form;
      size_t end = ok ? start + t.form.size() : start;
      for (int w = t.first; w <= t.last && w <= static_cast<int>(s.words.size()); ++w) {
        const std::string& f = s.words[w - 1].form;
        if (ok && p + f.size() <= end && text.substr(p, f.size()) == f) {
          spans[w - 1] = {static_cast<uint32_t>(base + p), static_cast<uint32_t>(base + p + f.size())};
          p += f.size();
        } else {
          spans[w - 1] = {static_cast<uint32_t>(base + start), static_cast<uint32_t>(base + end)};
        }
      }
      pos = end;
      i = static_cast<size_t>(t.last);
      continue;
    }
    const std::string& f = s.words[i].form;
    if (text.substr(pos, f.size()) == f) {
      spans[i] = {static_cast<uint32_t>(base + pos), static_cast<uint32_t>(base + pos + f.size())};
      pos += f.size();
    } else {
      spans[i] = {static_cast<uint32_t>(base + pos), static_cast<uint32_t>(base + pos)};
    }
    ++i;
  }
  return spans;
}

GoldTokenScores EvaluateGoldTokens(const SyntaxModel& model, const std::vector<ConlluSentence>& gold) {
  size_t words = 0, upos = 0, lemma = 0, uas = 0, las = 0, las_sub = 0, uas_g = 0, las_g = 0;
  SentenceSyntax syn, syn_gold_tags;
  std::vector<std::string_view> forms;
  std::vector<uint8_t> gold_tags;
  for (const ConlluSentence& s : gold) {
    forms.clear();
    gold_tags.clear();
    for (const ConlluWord& w : s.words) {
      forms.push_back(w.form);
      int t = ud::UposIndex(w.upos);
      gold_tags.push_back(static_cast<uint8_t>(t < 0 ? ud::kX : t));
    }
    if (forms.empty()) continue;
    model.AnalyzeSentence(forms, &syn);
    model.ParseTagged(forms, gold_tags, &syn_gold_tags);
    for (size_t i = 0; i < s.words.size(); ++i) {
      const ConlluWord& w = s.words[i];
      ++words;
      upos += syn.upos[i] == gold_tags[i];
      lemma += syn.lemmas[i] == w.lemma;
      auto score = [&](const SentenceSyntax& x, size_t* u, size_t* l, size_t* lf) {
        if (x.heads[i] + 1 != w.head) return;
        ++*u;
        std::string_view rel = ud::DeprelName(x.deprels[i]);
        if (ud::UniversalDeprel(rel) == ud::UniversalDeprel(w.deprel)) ++*l;
        if (lf != nullptr && rel == w.deprel) ++*lf;
      };
      score(syn, &uas, &las, &las_sub);
      score(syn_gold_tags, &uas_g, &las_g, nullptr);
    }
  }
  GoldTokenScores r;
  r.words = words;
  r.upos = Pct(upos, words);
  r.lemma = Pct(lemma, words);
  r.uas = Pct(uas, words);
  r.las = Pct(las, words);
  r.las_subtypes = Pct(las_sub, words);
  r.uas_gold_tags = Pct(uas_g, words);
  r.las_gold_tags = Pct(las_g, words);
  return r;
}

RawTextScores EvaluateRawText(const SyntaxModel& model, const std::vector<ConlluSentence>& gold) {
  RawTextScores r;
  std::map<std::string, size_t> unmatched;
  size_t sent_gold = 0, sent_pred = 0, sent_ok = 0;
  size_t aligned = 0, upos_ok = 0, uas_ok = 0, las_ok = 0;
  size_t i = 0;
  while (i < gold.size()) {
    // One document: its sentences until the next "newdoc"; paragraphs on lines of their own.
    size_t j = i + 1;
    while (j < gold.size() && gold[j].newdoc.empty()) ++j;
    std::string doc;
    std::vector<RawWord> gw;
    std::vector<Span> gold_sentences;
    for (size_t k = i; k < j; ++k) {
      const ConlluSentence& s = gold[k];
      bool newpar = false;
      for (const auto& c : s.comments) newpar |= c.first.starts_with("newpar");
      if (!doc.empty()) doc += newpar ? "\n" : " ";
      std::string text = s.text.empty() ? SurfaceText(s) : s.text;
      uint32_t base = static_cast<uint32_t>(doc.size());
      doc += text;
      gold_sentences.push_back({base, static_cast<uint32_t>(doc.size())});
      std::vector<Span> spans = WordSpans(s, text, base);
      int first = static_cast<int>(gw.size());
      for (size_t w = 0; w < s.words.size(); ++w) {
        RawWord x;
        x.span = spans[w];
        x.head = s.words[w].head == 0 ? -1 : first + s.words[w].head - 1;
        x.upos = ud::UposIndex(s.words[w].upos);
        x.deprel = ud::UniversalDeprel(s.words[w].deprel);
        gw.push_back(x);
      }
    }
    // The pipeline's view of the same text: its sentence splitter, then the syntax stage.
    Analysis a;
    a.body = std::move(doc);
    text::Segment(&a);
    model.Annotate(&a);
    const std::string& text = a.body;
    std::vector<RawWord> pw;
    for (const Word& w : a.words) {
      RawWord x;
      x.span = w.span;
      x.head = w.head;
      x.upos = w.upos;
      x.deprel = ud::UniversalDeprel(ud::DeprelName(w.deprel));
      pw.push_back(x);
    }
    std::vector<Span> pred_sentences;
    for (const Sentence& s : a.sentences) pred_sentences.push_back(s.span);
    // Align words on identical spans.
    std::map<std::pair<uint32_t, uint32_t>, int> gold_at;
    for (size_t k = 0; k < gw.size(); ++k) gold_at[{gw[k].span.start, gw[k].span.end}] = static_cast<int>(k);
    std::vector<int> to_gold(pw.size(), -2);
    for (size_t k = 0; k < pw.size(); ++k) {
      auto it = gold_at.find({pw[k].span.start, pw[k].span.end});
      if (it != gold_at.end()) to_gold[k] = it->second;
    }
    std::vector<bool> gold_hit(gw.size(), false);
    for (size_t k = 0; k < pw.size(); ++k) {
      if (to_gold[k] >= 0) gold_hit[to_gold[k]] = true;
      else unmatched["ours: " + text.substr(pw[k].span.start, pw[k].span.size())]++;
    }
    for (size_t k = 0; k < gw.size(); ++k) {
      if (!gold_hit[k]) unmatched["gold: " + text.substr(gw[k].span.start, gw[k].span.size())]++;
    }
    for (size_t k = 0; k < pw.size(); ++k) {
      if (to_gold[k] < 0) continue;
      const RawWord& g = gw[to_gold[k]];
      ++aligned;
      upos_ok += pw[k].upos == g.upos;
      int ph = pw[k].head < 0 ? -1 : to_gold[pw[k].head];
      if (ph == g.head) {
        ++uas_ok;
        las_ok += pw[k].deprel == g.deprel;
      }
    }
    r.gold_words += gw.size();
    r.predicted_words += pw.size();
    std::map<std::pair<uint32_t, uint32_t>, int> gs;
    for (Span s : gold_sentences) gs[{s.start, s.end}] = 1;
    for (Span s : pred_sentences) sent_ok += gs.count({s.start, s.end});
    sent_gold += gold_sentences.size();
    sent_pred += pred_sentences.size();
    i = j;
  }
  r.unmatched.assign(unmatched.begin(), unmatched.end());
  std::stable_sort(r.unmatched.begin(), r.unmatched.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  r.words_f1 = F1(aligned, r.predicted_words, r.gold_words);
  r.sentences_f1 = F1(sent_ok, sent_pred, sent_gold);
  r.upos_f1 = F1(upos_ok, r.predicted_words, r.gold_words);
  r.uas_f1 = F1(uas_ok, r.predicted_words, r.gold_words);
  r.las_f1 = F1(las_ok, r.predicted_words, r.gold_words);
  return r;
}

std::vector<ConlluSentence> FilterBySentIdPrefix(const std::vector<ConlluSentence>& all, const std::string& prefix) {
  std::vector<ConlluSentence> out;
  bool in_doc = false;
  for (const ConlluSentence& s : all) {
    if (s.sent_id.starts_with(prefix)) {
      out.push_back(s);
      if (!in_doc) out.back().newdoc = "-";
      in_doc = true;
    } else {
      in_doc = false;
    }
  }
  return out;
}

}  // namespace newsgraph::syntax
