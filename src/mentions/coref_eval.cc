#include "mentions/coref_eval.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/blind_set.h"
#include "syntax/eval.h"

namespace newsgraph::mentions {
namespace {

struct GoldMention {
  std::string chain;
  int first = 0, last = 0;  // word indexes in the document, inclusive
  Span span;
};

struct GoldWord {
  Span span;
  std::string form, upos;
  int head = -1;  // document word index, -1 root
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  }
  return out;
}

bool ThirdPersonPronoun(std::string_view lower) {
  static const std::set<std::string, std::less<>> kSet = {
      "he",  "she", "it",      "they",    "his",    "her",        "its",
      "their", "him", "them", "himself", "herself", "itself", "themselves"};
  return kSet.count(lower) > 0;
}

bool DefiniteOpener(std::string_view lower) {
  return lower == "the" || lower == "this" || lower == "that" || lower == "these" || lower == "those" ||
         lower == "both";
}

void ScoreDocument(const std::vector<syntax::ConlluSentence>& gold, size_t from, size_t to,
                   const std::function<void(Analysis*)>& analyze, CorefScores* scores) {
  std::string doc;
  std::vector<GoldWord> words;
  std::vector<GoldMention> mentions;
  std::vector<syntax::EntityMention> open, closed;
  for (size_t k = from; k < to; ++k) {
    const syntax::ConlluSentence& s = gold[k];
    bool newpar = false;
    for (const auto& c : s.comments) newpar |= c.first.starts_with("newpar");
    if (!doc.empty()) doc += newpar ? "\n" : " ";
    std::string text = s.text.empty() ? syntax::SurfaceText(s) : s.text;
    uint32_t base = static_cast<uint32_t>(doc.size());
    doc += text;
    std::vector<Span> spans = syntax::WordSpans(s, text, base);
    int first = static_cast<int>(words.size());
    for (size_t w = 0; w < s.words.size(); ++w) {
      words.push_back(GoldWord{spans[w], s.words[w].form, s.words[w].upos,
                               s.words[w].head == 0 ? -1 : first + s.words[w].head - 1});
      syntax::ReadEntityMentions(s.words[w].misc, static_cast<int>(words.size()) - 1, &open, &closed);
    }
  }
  for (syntax::EntityMention& c : closed) mentions.push_back(GoldMention{std::move(c.id), c.first, c.last, {}});
  for (GoldMention& m : mentions) m.span = Span{words[m.first].span.start, words[m.last].span.end};
  std::sort(mentions.begin(), mentions.end(), [](const GoldMention& x, const GoldMention& y) {
    return x.first != y.first ? x.first < y.first : x.last > y.last;
  });

  Analysis a;
  a.body = std::move(doc);
  analyze(&a);

  // The smallest gold mention holding span s, or -1.
  auto holder = [&](Span s) {
    int best = -1;
    for (size_t g = 0; g < mentions.size(); ++g) {
      const Span& gs = mentions[g].span;
      if (gs.start <= s.start && s.end <= gs.end && (best < 0 || gs.size() < mentions[best].span.size())) {
        best = static_cast<int>(g);
      }
    }
    return best;
  };
  // Predicted entity -> gold chain, by the majority of its name mentions.
  std::vector<std::map<std::string, int>> votes(a.entities.size());
  std::vector<std::string> first_chain(a.entities.size());
  for (const Mention& m : a.mentions) {
    if (m.kind != MentionKind::kName || m.entity < 0 || static_cast<size_t>(m.entity) >= a.entities.size()) continue;
    Span head = m.head_word >= 0 ? a.words[m.head_word].span : m.span;
    int g = holder(head);
    if (g < 0) continue;
    if (votes[m.entity].empty()) first_chain[m.entity] = mentions[g].chain;
    ++votes[m.entity][mentions[g].chain];
  }
  std::vector<std::string> aligned(a.entities.size());
  for (size_t e = 0; e < a.entities.size(); ++e) {
    int most = 0;
    for (const auto& [chain, n] : votes[e]) {
      if (n > most || (n == most && chain == first_chain[e])) most = n, aligned[e] = chain;
    }
  }
  auto aligned_to = [&](int entity, const std::string& chain) {
    return entity >= 0 && static_cast<size_t>(entity) < aligned.size() && aligned[entity] == chain;
  };

  // Which chains have an earlier mention, and an earlier named one, before each mention.
  std::map<std::string, int> first_seen, first_named;
  auto named = [&](const GoldMention& m) {
    for (int w = m.first; w <= m.last; ++w) {
      if (words[w].upos == "PROPN") return true;
    }
    return false;
  };
  struct Reference {
    const GoldMention* gold;
    bool named_antecedent;
    Span key;  // the pronoun, or the description's head word
  };
  std::vector<Reference> pronouns, descriptions;
  for (const GoldMention& m : mentions) {
    auto seen = first_seen.find(m.chain);
    bool anaphoric = seen != first_seen.end() && seen->second < m.first;
    auto nm = first_named.find(m.chain);
    bool named_before = nm != first_named.end() && nm->second < m.first;
    if (anaphoric) {
      if (m.first == m.last && ThirdPersonPronoun(Lower(words[m.first].form))) {
        pronouns.push_back(Reference{&m, named_before, words[m.first].span});
      } else if (m.last > m.first && DefiniteOpener(Lower(words[m.first].form))) {
        int head = -1;
        for (int w = m.first; w <= m.last && head < 0; ++w) {
          if (words[w].head < m.first || words[w].head > m.last) head = w;
        }
        if (head >= 0 && words[head].upos == "NOUN") {
          descriptions.push_back(Reference{&m, named_before, words[head].span});
        }
      }
    }
    first_seen.emplace(m.chain, m.first);
    if (named(m)) first_named.emplace(m.chain, m.first);
  }

  auto score = [&](const std::vector<Reference>& refs, bool pronoun, CorefCounts* c) {
    std::map<std::pair<uint32_t, uint32_t>, const Reference*> by_key;
    for (const Reference& r : refs) by_key[{r.key.start, r.key.end}] = &r;
    std::map<std::pair<uint32_t, uint32_t>, int> predicted;  // key -> entity
    for (const Mention& m : a.mentions) {
      bool kind = pronoun ? m.kind == MentionKind::kPronoun
                          : (m.kind == MentionKind::kTitle || m.kind == MentionKind::kDescription);
      if (!kind) continue;
      Span key = pronoun ? m.span : (m.head_word >= 0 ? a.words[m.head_word].span : m.span);
      if (pronoun && !ThirdPersonPronoun(Lower(a.Text(m.span)))) continue;
      predicted[{key.start, key.end}] = m.entity;
      if (m.entity < 0) continue;
      ++c->resolved;
      auto it = by_key.find({key.start, key.end});
      if (it != by_key.end() && aligned_to(m.entity, it->second->gold->chain)) ++c->resolved_correct;
    }
    for (const Reference& r : refs) {
      ++c->gold;
      if (r.named_antecedent) ++c->gold_named;
      auto it = predicted.find({r.key.start, r.key.end});
      bool ok = it != predicted.end() && aligned_to(it->second, r.gold->chain);
      if (ok) ++c->correct;
      if (ok && r.named_antecedent) ++c->correct_named;
    }
  };
  score(pronouns, true, &scores->pronouns);
  score(descriptions, false, &scores->descriptions);
  ++scores->documents;
}

}  // namespace

CorefScores EvaluateCoref(const std::vector<syntax::ConlluSentence>& gold,
                          const std::function<void(Analysis*)>& analyze) {
  CorefScores scores;
  for (size_t i = 0; i < gold.size();) {
    size_t j = i + 1;
    while (j < gold.size() && gold[j].newdoc.empty()) ++j;
    if (!IsBlindDocument(gold[i].newdoc)) ScoreDocument(gold, i, j, analyze, &scores);
    i = j;
  }
  return scores;
}

}  // namespace newsgraph::mentions
