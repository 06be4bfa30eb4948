#include "mentions/coref.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/data.h"
#include "core/ud.h"
#include "core/words.h"

namespace newsgraph {
namespace mentions {

enum class Want : uint8_t { kPerson, kOrg, kLoc, kAny };

struct CorefLexicon {
  std::unordered_map<std::string, Gender> pronouns;     // lower case
  std::unordered_map<std::string, Gender> titles;       // lower case, no dot
  std::unordered_map<std::string, Gender> given_names;  // as written
  std::unordered_map<std::string, Want> descriptions;   // lower-case singular noun
  std::unordered_map<std::string, std::string> demonyms;  // as written -> ISO alpha-3
};

namespace {

constexpr int kPronounSentences = 3;      // a pronoun looks this many sentences back
constexpr int kDescriptionSentences = 8;  // a description or group this many
constexpr size_t kMaxGroup = 4;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  }
  return out;
}

Status BadLine(std::string_view file, int line, std::string_view why) { return DataLineError(file, line, why); }

// Reads `file` as TSV with at least `fields` columns and hands each line to `add`.
template <typename Fn>
Status EachLine(std::string_view file, size_t fields, Fn add) {
  auto text = ReadDataFile(file);
  if (!text.ok()) return text.status();
  for (const DataLine& l : ParseTsv(*text)) {
    if (l.fields.size() < fields) return BadLine(file, l.line_number, "expected " + std::to_string(fields) + " fields");
    Status s = add(l);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

bool IsArgument(std::string_view rel) {
  return rel == "nsubj" || rel == "obj" || rel == "iobj" || rel == "obl" || rel == "expl";
}

// What the pass knows of one entity: its latest mention and its gender.
struct EntityState {
  int sentence = -1;  // sentence of the latest mention, -1 before the first
  int word = -1;      // head word of the latest mention
  bool subject = false;
  bool oblique = false;
  int count = 0;
  Gender gender = Gender::kUnknown;
  bool gender_known = false;  // from a title, a given name or a resolved pronoun
};

class Pass {
 public:
  Pass(const CorefLexicon& lex, Analysis* a) : lex_(lex), a_(*a) {}
  void Run();

 private:
  const CorefLexicon& lex_;
  Analysis& a_;
  std::vector<EntityState> state_;
  std::vector<int> sentence_of_;   // word -> sentence
  std::vector<int> narrative_;     // sentence -> sentences so far with words outside quotations
  std::vector<int> named_;         // word -> entity of the name mention covering it, or -1
  std::vector<int> first_child_, next_sibling_;
  std::vector<uint8_t> in_quote_;  // word inside double quotation marks
  std::vector<Mention> added_;

  std::string_view Rel(int w) const { return ud::UniversalDeprel(ud::DeprelName(a_.words[w].deprel)); }
  std::string_view Full(int w) const { return ud::DeprelName(a_.words[w].deprel); }
  std::string_view Text(int w) const { return a_.Text(a_.words[w].span); }
  bool Subject(int w) const { return w >= 0 && Full(w).starts_with("nsubj"); }
  // Sentences of narrative from sentence `from` to sentence `to`.
  int Distance(int from, int to) const { return narrative_[to] - narrative_[from]; }
  // A name after a preposition ("posted on Instagram") is a weak antecedent.
  bool Oblique(int w) const {
    for (int c = first_child_[w]; c >= 0; c = next_sibling_[c]) {
      if (Rel(c) == "case" && c < w) return true;
    }
    return false;
  }

  bool Pleonastic(int w) const;
  void Index();
  void InitGenders();
  void Note(int entity, int word);
  bool TypeFits(int entity, Want want) const;
  int PronounAt(int w, Mention* m);
  bool NounPhraseAt(int w, Mention* m);
  int ResolveTitle(int head, const std::string& noun) const;
  int ResolveDescription(int head, Want want, std::string_view noun, std::string_view country) const;
  std::vector<int32_t> Group(int head, Want want, size_t k) const;
};

void Pass::Index() {
  const int n = static_cast<int>(a_.words.size());
  sentence_of_.assign(n, -1);
  for (size_t s = 0; s < a_.sentences.size(); ++s) {
    for (uint32_t w = a_.sentences[s].first_word; w < a_.sentences[s].end_word && w < a_.words.size(); ++w) {
      sentence_of_[w] = static_cast<int>(s);
    }
  }
  named_.assign(n, -1);
  for (const Mention& m : a_.mentions) {
    if (m.entity < 0) continue;
    WordRange r = WordsIn(a_, m.span);
    for (int w = r.first; w < r.end; ++w) named_[w] = m.entity;
  }
  first_child_.assign(n, -1);
  next_sibling_.assign(n, -1);
  for (int w = n - 1; w >= 0; --w) {
    int h = a_.words[w].head;
    if (h < 0 || h >= n) continue;
    next_sibling_[w] = first_child_[h];
    first_child_[h] = w;
  }
  // Double quotation marks, paired per paragraph: a pronoun inside a quotation speaks from
  // the speaker's point of view and is left alone.
  in_quote_.assign(n, 0);
  bool open = false;
  int sentence_para = -1;
  for (int w = 0; w < n; ++w) {
    int s = sentence_of_[w];
    int para = s >= 0 ? static_cast<int>(a_.sentences[s].paragraph) : -1;
    if (para != sentence_para) open = false, sentence_para = para;
    std::string_view t = Text(w);
    if (t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D") {
      open = t == "\xE2\x80\x9C" ? true : t == "\xE2\x80\x9D" ? false : !open;
      continue;
    }
    in_quote_[w] = open;
  }
  // Distances count the narrative's sentences: a paragraph of quotation between a person
  // and "she said" puts her no further back.
  narrative_.assign(a_.sentences.size() + 1, 0);
  std::vector<uint8_t> outside(a_.sentences.size(), 0);
  for (int w = 0; w < n; ++w) {
    if (sentence_of_[w] >= 0 && !in_quote_[w] && a_.words[w].upos != ud::kPunct) outside[sentence_of_[w]] = 1;
  }
  for (size_t s = 0; s < a_.sentences.size(); ++s) narrative_[s + 1] = narrative_[s] + outside[s];
}

// "It rained", "it is clear that ...", "it seems to ...": an "it" that stands for nothing.
bool Pass::Pleonastic(int w) const {
  int h = a_.words[w].head;
  if (h < 0 || !Full(w).starts_with("nsubj")) return false;
  const std::string& lemma = a_.words[h].lemma;
  if (lemma == "rain" || lemma == "snow" || lemma == "hail" || lemma == "drizzle" || lemma == "thunder") return true;
  // An adjective or "seem"/"appear"/"be" with a clause after it ("it is likely that",
  // "it seems to"); "it said that ..." is an organisation speaking.
  if (a_.words[h].upos != ud::kAdj && lemma != "seem" && lemma != "appear" && lemma != "be" && lemma != "happen") {
    return false;
  }
  for (int c = first_child_[h]; c >= 0; c = next_sibling_[c]) {
    std::string_view rel = Rel(c);
    if (c > w && (rel == "ccomp" || rel == "csubj" || rel == "xcomp")) return true;
  }
  return false;
}

void Pass::InitGenders() {
  state_.assign(a_.entities.size(), EntityState{});
  for (size_t e = 0; e < a_.entities.size(); ++e) {
    const Entity& ent = a_.entities[e];
    if (ent.type != EntityType::kPerson) continue;
    EntityState& st = state_[e];
    auto set = [&](Gender g) {
      if (st.gender_known || (g != Gender::kMale && g != Gender::kFemale)) return;
      st.gender = g;
      st.gender_known = true;
    };
    // A gendered title: the entity's own ("Queen"), or one written before a mention ("Ms.").
    std::string title = Lower(ent.title);
    size_t sp = title.find(' ');
    if (auto it = lex_.titles.find(title.substr(0, sp)); it != lex_.titles.end()) set(it->second);
    for (Span s : ent.mentions) {
      int w = WordAt(a_, s.start);
      if (w <= 0) continue;
      int p = w - 1;
      if (Text(p) == "." && p > 0) --p;
      std::string word = Lower(Text(p));
      if (!word.empty() && word.back() == '.') word.pop_back();
      if (auto it = lex_.titles.find(word); it != lex_.titles.end()) set(it->second);
    }
    std::string_view name = ent.name;
    if (auto it = lex_.given_names.find(std::string(name.substr(0, name.find(' ')))); it != lex_.given_names.end()) {
      set(it->second);
    }
  }
}

void Pass::Note(int entity, int word) {
  if (entity < 0 || entity >= static_cast<int>(state_.size()) || word < 0) return;
  EntityState& st = state_[entity];
  st.sentence = sentence_of_[word];
  st.word = word;
  // Inside a quotation the grammar is the speaker's: no subject there is the narrative's.
  st.subject = Subject(word) && !in_quote_[word];
  st.oblique = Oblique(word);
  ++st.count;
}

bool Pass::TypeFits(int entity, Want want) const {
  EntityType t = a_.entities[entity].type;
  switch (want) {
    case Want::kPerson:
      return t == EntityType::kPerson;
    case Want::kOrg:
      return t == EntityType::kOrg;
    case Want::kLoc:
      return t == EntityType::kLoc;
    case Want::kAny:
      return true;
  }
  return false;
}

// A third-person pronoun at word w: fills *m and returns the entity it resolves to (-1 when
// none); returns -2 when w is no such pronoun.
int Pass::PronounAt(int w, Mention* m) {
  const Word& word = a_.words[w];
  if (word.upos != ud::kPron && word.upos != ud::kDet) return -2;
  std::string low = Lower(Text(w));
  auto it = lex_.pronouns.find(low);
  if (it == lex_.pronouns.end()) return -2;
  m->span = word.span;
  m->kind = MentionKind::kPronoun;
  m->head_word = w;
  if (in_quote_[w] || Rel(w) == "expl" || (low == "it" && Pleonastic(w))) return -1;
  const Gender g = it->second;
  const bool reflexive = low.ends_with("self") || low.ends_with("selves");
  const int sentence = sentence_of_[w];
  const int verb = word.head;
  const bool argument = IsArgument(Rel(w));
  int best = -1;
  double best_score = -1e9;
  // A reflexive takes a co-argument when there is one ("Ines praised herself"), else the
  // best candidate as any pronoun would ("who proclaimed himself emperor").
  for (int pass = reflexive ? 0 : 1; pass < 2 && best < 0; ++pass) {
  for (size_t e = 0; e < state_.size(); ++e) {
    const EntityState& st = state_[e];
    if (st.sentence < 0 || st.word >= w || Distance(st.sentence, sentence) > kPronounSentences) continue;
    EntityType t = a_.entities[e].type;
    bool fits = false;
    if (g == Gender::kMale || g == Gender::kFemale) {
      fits = t == EntityType::kPerson && (!st.gender_known || st.gender == g);
    } else if (g == Gender::kNeuter) {
      fits = t == EntityType::kOrg || t == EntityType::kLoc;
    } else if (g == Gender::kPlural) {
      fits = t == EntityType::kOrg;
    }
    if (!fits) continue;
    // Binding: a co-argument of the pronoun's own verb is its antecedent only when the
    // pronoun is reflexive ("Ines praised her" / "Ines praised herself").
    const bool coargument = st.sentence == sentence && argument && verb >= 0 && a_.words[st.word].head == verb &&
                            IsArgument(Rel(st.word));
    if (coargument && !reflexive) continue;
    if (pass == 0 && !coargument) continue;
    double score = -10.0 * Distance(st.sentence, sentence) - 0.02 * (w - st.word);
    if (st.subject) score += 6;
    if (st.oblique) score -= 4;
    if (st.gender_known && st.gender == g) score += 7;  // beats a subject of unknown gender
    score += std::min(st.count, 10) * 0.8;  // the article's protagonists
    if (score > best_score) best_score = score, best = static_cast<int>(e);
  }
  }
  if (best >= 0 && (g == Gender::kMale || g == Gender::kFemale) && !state_[best].gender_known) {
    state_[best].gender = g;
    state_[best].gender_known = true;
  }
  return best;
}

int Pass::ResolveTitle(int head, const std::string& noun) const {
  int best = -1, best_word = -1;
  for (size_t e = 0; e < state_.size(); ++e) {
    const EntityState& st = state_[e];
    if (st.sentence < 0 || st.word >= head || a_.entities[e].type != EntityType::kPerson) continue;
    std::string title = Lower(a_.entities[e].title);
    bool has = false;
    for (size_t p = title.find(noun); p != std::string::npos && !has; p = title.find(noun, p + 1)) {
      size_t end = p + noun.size();
      has = (p == 0 || title[p - 1] == ' ') && (end == title.size() || title[end] == ' ');
    }
    if (has && st.word > best_word) best = static_cast<int>(e), best_word = st.word;
  }
  return best;
}

int Pass::ResolveDescription(int head, Want want, std::string_view noun, std::string_view country) const {
  const int sentence = sentence_of_[head];
  int best = -1;
  double best_score = -1e9;
  for (size_t e = 0; e < state_.size(); ++e) {
    const EntityState& st = state_[e];
    if (st.sentence < 0 || st.word >= head || Distance(st.sentence, sentence) > kDescriptionSentences) continue;
    if (!TypeFits(static_cast<int>(e), want)) continue;
    const Entity& ent = a_.entities[e];
    if (!country.empty() && ent.country != country) continue;
    double score = -2.0 * Distance(st.sentence, sentence) - 0.01 * (head - st.word);
    if (Lower(ent.name).find(noun) != std::string::npos) score += 8;
    if (st.subject) score += 3;
    score += std::min(st.count, 5) * 0.5;
    if (score > best_score) best_score = score, best = static_cast<int>(e);
  }
  return best;
}

std::vector<int32_t> Pass::Group(int head, Want want, size_t k) const {
  const int sentence = sentence_of_[head];
  std::vector<std::pair<int, int32_t>> recent;  // (latest word, entity)
  for (size_t e = 0; e < state_.size(); ++e) {
    const EntityState& st = state_[e];
    if (st.sentence < 0 || st.word >= head || Distance(st.sentence, sentence) > kDescriptionSentences) continue;
    if (!TypeFits(static_cast<int>(e), want)) continue;
    recent.emplace_back(st.word, static_cast<int32_t>(e));
  }
  std::sort(recent.begin(), recent.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  std::vector<int32_t> out;
  for (size_t i = 0; i < recent.size() && i < k; ++i) out.push_back(recent[i].second);
  if (out.size() < 2) out.clear();
  std::sort(out.begin(), out.end());
  return out;
}

// A title or description headed by word w ("the president", "the Norwegian company",
// "both sides"): fills *m and returns true.
bool Pass::NounPhraseAt(int w, Mention* m) {
  const Word& word = a_.words[w];
  if ((word.upos != ud::kNoun && word.upos != ud::kPropn) || named_[w] >= 0) return false;
  std::string noun = Lower(word.lemma.empty() ? Text(w) : word.lemma);
  std::string form = Lower(Text(w));
  int det = -1, first = w;
  size_t number = 0;
  bool restricted = false;
  std::string compound;  // "prime" in "the prime minister"
  std::string_view country;
  for (int c = first_child_[w]; c >= 0; c = next_sibling_[c]) {
    std::string_view rel = Rel(c);
    // The phrase starts at its first modifier, not at the preposition, comma or
    // conjunction the parse also hangs on the noun ("on the Georgian authorities").
    if (c < w && rel != "case" && rel != "punct" && rel != "cc" && rel != "mark") first = std::min(first, c);
    if (rel == "det" && c < w) {
      det = c;
    } else if (rel == "nummod" && c < w) {
      std::string num = Lower(Text(c));
      number = num == "two" || num == "2" ? 2 : num == "three" || num == "3" ? 3 : num == "four" || num == "4" ? 4 : 2;
    } else if ((rel == "amod" || rel == "compound") && c < w) {
      if (named_[c] >= 0) return false;  // "the Reuters agency": a name does the work
      auto d = lex_.demonyms.find(std::string(Text(c)));
      if (d != lex_.demonyms.end()) {
        country = d->second;
      } else if (rel == "compound") {
        compound = Lower(Text(c));
      }
    } else if (rel == "acl" || rel == "nmod" || rel == "appos" || (rel == "det" && c > w)) {
      restricted = true;  // "the company that ...", "the leader of ...": new, not anaphoric
    }
  }
  if (det < 0) return false;
  std::string d = Lower(Text(det));
  const bool both = d == "both";
  if (d != "the" && d != "this" && d != "that" && d != "these" && d != "those" && !both) return false;
  const bool plural = both || number >= 2 || (form != noun && form.ends_with("s")) || d == "these" || d == "those";
  m->span = Span{a_.words[first].span.start, word.span.end};
  m->head_word = w;
  m->entity = -1;
  // A title used alone: the latest person with that title.
  if (!plural && !restricted && country.empty() && lex_.titles.count(noun)) {
    int e = ResolveTitle(w, noun);
    if (e < 0 && !compound.empty()) e = ResolveTitle(w, compound + " " + noun);
    if (e >= 0 || !lex_.descriptions.count(noun)) {
      m->kind = MentionKind::kTitle;
      m->entity = e;
      return true;
    }
  }
  auto it = lex_.descriptions.find(noun);
  if (it == lex_.descriptions.end() || restricted) return false;
  m->kind = MentionKind::kDescription;
  if (plural) {
    m->members = Group(w, it->second, number ? number : both ? 2 : kMaxGroup);
  } else if (it->second != Want::kAny) {
    m->entity = ResolveDescription(w, it->second, noun, country);
  }
  return true;
}

void Pass::Run() {
  if (a_.words.empty()) return;
  Index();
  InitGenders();
  std::vector<Mention> names;
  for (const Mention& m : a_.mentions) names.push_back(m);
  std::sort(names.begin(), names.end(), [](const Mention& x, const Mention& y) { return x.span.start < y.span.start; });
  size_t next_name = 0;
  const int n = static_cast<int>(a_.words.size());
  for (int w = 0; w < n; ++w) {
    while (next_name < names.size() && names[next_name].span.start <= a_.words[w].span.start) {
      const Mention& nm = names[next_name++];
      Note(nm.entity, nm.head_word >= 0 ? nm.head_word : w);
    }
    Mention m;
    int e = PronounAt(w, &m);
    if (e != -2) {
      m.entity = e;
      Note(e, w);
      added_.push_back(std::move(m));
      continue;
    }
    // Noun phrases are found at their head, where the mention notes its entity.
    if (NounPhraseAt(w, &m)) {
      Note(m.entity, w);
      for (int32_t member : m.members) Note(member, w);
      added_.push_back(std::move(m));
    }
  }
  for (Mention& m : added_) a_.mentions.push_back(std::move(m));
  std::stable_sort(a_.mentions.begin(), a_.mentions.end(),
                   [](const Mention& x, const Mention& y) { return x.span.start < y.span.start; });
}

}  // namespace
}  // namespace mentions

CorefResolver::CorefResolver() = default;
CorefResolver::~CorefResolver() = default;

StatusOr<std::unique_ptr<CorefResolver>> CorefResolver::Create() {
  auto lex = std::make_unique<mentions::CorefLexicon>();
  using mentions::Want;
  Status s = mentions::EachLine("quotes/pronouns.tsv", 2, [&](const DataLine& l) -> Status {
    auto g = ParseGender("quotes/pronouns.tsv", l.line_number, l.fields[1]);
    if (!g.ok()) return g.status();
    lex->pronouns[std::string(l.fields[0])] = *g;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = mentions::EachLine("quotes/titles.tsv", 2, [&](const DataLine& l) -> Status {
    auto g = ParseGender("quotes/titles.tsv", l.line_number, l.fields[1]);
    if (!g.ok()) return g.status();
    lex->titles[std::string(l.fields[0])] = *g;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = mentions::EachLine("quotes/given_names.tsv", 2, [&](const DataLine& l) -> Status {
    auto g = ParseGender("quotes/given_names.tsv", l.line_number, l.fields[1]);
    if (!g.ok()) return g.status();
    lex->given_names[std::string(l.fields[0])] = *g;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = mentions::EachLine("mentions/descriptions.tsv", 2, [&](const DataLine& l) -> Status {
    std::string_view t = l.fields[1];
    Want w = t == "ORG" ? Want::kOrg : t == "LOC" ? Want::kLoc : t == "PERSON" ? Want::kPerson : Want::kAny;
    if (t != "ORG" && t != "LOC" && t != "PERSON" && t != "ANY") {
      return mentions::BadLine("mentions/descriptions.tsv", l.line_number, "type must be ORG, LOC, PERSON or ANY");
    }
    lex->descriptions[std::string(l.fields[0])] = w;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = mentions::EachLine("gen/entities/demonyms.tsv", 2, [&](const DataLine& l) -> Status {
    lex->demonyms.emplace(std::string(l.fields[0]), std::string(l.fields[1]));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  auto r = std::unique_ptr<CorefResolver>(new CorefResolver());
  r->lex_ = std::move(lex);
  return r;
}

void CorefResolver::Resolve(Analysis* analysis) const { mentions::Pass(*lex_, analysis).Run(); }

}  // namespace newsgraph
