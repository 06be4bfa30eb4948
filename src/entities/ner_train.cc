#include "entities/ner_train.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/blind_set.h"
#include "core/ud.h"
#include "syntax/conllu.h"
#include "text/tokenizer.h"

namespace newsgraph::entities {
namespace {

namespace fs = std::filesystem;

constexpr size_t kTwitterBlock = 100;  // sentences per pseudo-document of the Twitter corpus

enum class Part { kTrain, kDev, kTest };
Part PartOf(size_t doc) { return doc % 5 == 4 ? Part::kTest : doc % 10 == 3 ? Part::kDev : Part::kTrain; }

void AddDocument(std::vector<NerSentence>&& doc, Part part, NerCorpus* c) {
  std::vector<NerSentence>& to = part == Part::kTest ? c->test : part == Part::kDev ? c->dev : c->train;
  for (NerSentence& s : doc) to.push_back(std::move(s));
}

// Fills the syntax of every sentence from our own tagger and parser over the given words.
void Parse(const syntax::SyntaxModel& model, std::vector<NerSentence>* data) {
  syntax::SentenceSyntax syn;
  std::vector<std::string_view> forms;
  for (NerSentence& s : *data) {
    forms.assign(s.forms.begin(), s.forms.end());
    model.AnalyzeSentence(forms, &syn);
    s.upos = syn.upos;
    s.lemmas = syn.lemmas;
    s.heads.assign(syn.heads.begin(), syn.heads.end());
    s.deprels = syn.deprels;
  }
}

// BIO tags from per-word labels (IO or BIO): an I- label after another type starts a name.
void AppendTag(std::string_view label, NerSentence* s) {
  EntityType t;
  if (!NerLabelType(label, &t)) {
    s->tags.push_back(kTagO);
    return;
  }
  const uint8_t b = NerBegin(t);
  const bool begins = label.starts_with("B-") || s->tags.empty() || (s->tags.back() != b && s->tags.back() != b + 1);
  s->tags.push_back(begins ? b : static_cast<uint8_t>(b + 1));
}

// The *.conll files under `dir` (recursively), sorted for a stable order.
std::vector<std::string> ConllFiles(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".conll") files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool IsConnector(std::string_view w) {
  static constexpr std::string_view kWords[] = {"of", "de", "del", "della", "da", "do", "dos", "du", "des", "von",
                                                "van", "der", "den", "la", "le", "for", "&", "on", "and"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

}  // namespace

std::vector<NerWord> NerSentence::Words() const {
  std::vector<NerWord> out(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    out[i].form = forms[i];
    out[i].lemma = i < lemmas.size() ? std::string_view(lemmas[i]) : std::string_view();
    out[i].upos = i < upos.size() ? upos[i] : 0;
    out[i].deprel = i < deprels.size() ? deprels[i] : 0;
    out[i].head = i < heads.size() ? heads[i] : -1;
  }
  return out;
}

bool NerLabelType(std::string_view label, EntityType* type) {
  if (label.size() > 2 && (label[0] == 'B' || label[0] == 'I') && label[1] == '-') label.remove_prefix(2);
  if (label == "PER" || label == "Person" || label == "person" || label == "PERSON") {
    *type = EntityType::kPerson;
  } else if (label == "ORG" || label == "Organisation" || label == "Organization" || label == "organization") {
    *type = EntityType::kOrg;
  } else if (label == "LOC" || label == "Location" || label == "place") {
    *type = EntityType::kLoc;
  } else {
    return false;
  }
  return true;
}

StatusOr<std::vector<std::vector<NerSentence>>> ReadConllNer(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::vector<std::vector<NerSentence>> docs(1);
  NerSentence cur;
  auto flush = [&] {
    if (!cur.forms.empty()) docs.back().push_back(std::move(cur));
    cur = NerSentence();
  };
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t end = line.find_last_not_of(" \t");
    if (end == std::string::npos) {
      flush();
      continue;
    }
    line.resize(end + 1);
    size_t sep = line.find_last_of(" \t");
    if (sep == std::string::npos) {
      return Status::Corrupt(path + ":" + std::to_string(number) + ": expected a token and a tag");
    }
    std::string token = line.substr(0, line.find_first_of(" \t"));
    if (token.empty()) continue;  // a blank token (a lone space in a tweet) is no word
    std::string label = line.substr(sep + 1);
    if (token == "-DOCSTART-") {
      flush();
      if (!docs.back().empty()) docs.emplace_back();
      continue;
    }
    cur.forms.push_back(token);
    AppendTag(label, &cur);
  }
  flush();
  if (docs.back().empty()) docs.pop_back();
  return docs;
}

StatusOr<std::vector<NerSentence>> ReadConllSentences(const std::string& path) {
  auto docs = ReadConllNer(path);
  if (!docs.ok()) return docs.status();
  std::vector<NerSentence> all;
  for (auto& d : *docs) {
    for (auto& s : d) all.push_back(std::move(s));
  }
  return all;
}

std::vector<uint8_t> GumNerTags(const Gazetteer& gaz, const syntax::ConlluSentence& s) {
  const int n = static_cast<int>(s.words.size());
  std::vector<uint8_t> tags(n, kTagO);
  struct Found {
    int start, end;
    EntityType type;
  };
  std::vector<syntax::EntityMention> open, closed;
  for (int i = 0; i < n; ++i) syntax::ReadEntityMentions(s.words[i].misc, i, &open, &closed);
  std::vector<Found> found;
  for (const syntax::EntityMention& m : closed) {
    EntityType t = EntityType::kPerson;
    if (NerLabelType(m.type, &t)) found.push_back({m.first, m.last + 1, t});
  }
  // Outer mentions first: nested names give way.
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.end - a.start != b.end - b.start ? a.end - a.start > b.end - b.start : a.start < b.start;
  });
  auto propn = [&](int i) { return s.words[i].upos == "PROPN"; };
  for (const Found& f : found) {
    // The syntactic head: the first word whose head lies outside the mention.
    int head = -1;
    for (int i = f.start; i < f.end && head < 0; ++i) {
      int h = s.words[i].head - 1;
      if (h < f.start || h >= f.end) head = i;
    }
    if (head < 0 || !propn(head)) continue;
    int a = head, b = head + 1;
    // Capitalised modifiers belong to the name too ("United" of "United States Congress").
    auto capitalised = [&](int i) {
      const std::string& u = s.words[i].upos;
      return s.words[i].form[0] >= 'A' && s.words[i].form[0] <= 'Z' &&
             (u == "ADJ" || u == "NOUN" || u == "VERB" || u == "NUM");
    };
    while (a > f.start && (propn(a - 1) || capitalised(a - 1))) --a;
    for (;;) {
      if (b < f.end && propn(b)) {
        ++b;
        continue;
      }
      // "of", "de", "for" (and "of the") inside an organisation's or a place's name when a
      // proper noun follows; a person's name ends before them ("Ostrova of the Bank").
      if (f.type == EntityType::kPerson) break;
      int k = b;
      while (k < f.end && k < b + 2 && IsConnector(s.words[k].form)) ++k;
      if (k < f.end && k > b && s.words[k].form == "the") ++k;
      if (k > b && k < f.end && propn(k) && s.words[b].form != "and") {
        b = k;
        continue;
      }
      break;
    }
    // A leading title ("President", "Mr.") is no part of the name.
    auto title = [&](int i) {
      std::string_view w = s.words[i].form;
      if (w.size() > 1 && w.back() == '.') w.remove_suffix(1);
      return (gaz.Classes(w) & (kHead | kHonorific)) != 0;
    };
    while (b - a > 1 && title(a)) ++a;
    bool free = true;
    for (int i = a; i < b; ++i) free = free && tags[i] == kTagO;
    if (!free) continue;
    const uint8_t bt = NerBegin(f.type);
    for (int i = a; i < b; ++i) tags[i] = i == a ? bt : static_cast<uint8_t>(bt + 1);
  }
  return tags;
}

StatusOr<std::vector<NerCorpus>> LoadNerCorpora(const std::string& ner_dir, const std::string& gum_dir,
                                                const Gazetteer& gaz, const syntax::SyntaxModel& syntax,
                                                bool train_parts) {
  std::vector<NerCorpus> out;
  {
    NerCorpus c;
    c.name = "wikigold";
    auto docs = ReadConllNer(ner_dir + "/wikigold/wikigold.conll");
    if (!docs.ok()) return docs.status();
    for (size_t d = 0; d < docs->size(); ++d) AddDocument(std::move((*docs)[d]), PartOf(d), &c);
    out.push_back(std::move(c));
  }
  {
    NerCorpus c;
    c.name = "btc";
    size_t block = 0;
    for (const std::string& f : ConllFiles(ner_dir + "/btc")) {
      auto all = ReadConllSentences(f);
      if (!all.ok()) return all.status();
      for (size_t i = 0; i < all->size(); i += kTwitterBlock, ++block) {
        std::vector<NerSentence> doc;
        for (size_t j = i; j < std::min(all->size(), i + kTwitterBlock); ++j) doc.push_back(std::move((*all)[j]));
        AddDocument(std::move(doc), PartOf(block), &c);
      }
    }
    out.push_back(std::move(c));
  }
  {
    NerCorpus c;
    c.name = "re3d";
    const std::vector<std::string> files = ConllFiles(ner_dir + "/re3d_open");
    for (size_t d = 0; d < files.size(); ++d) {
      auto doc = ReadConllSentences(files[d]);
      if (!doc.ok()) return doc.status();
      AddDocument(std::move(*doc), PartOf(d), &c);
    }
    out.push_back(std::move(c));
  }
  {
    NerCorpus gum;
    gum.name = "gum";
    for (const char* split : {"train", "dev", "test"}) {
      auto sents = syntax::ReadConlluFile(gum_dir + "/en_gum_ccby-ud-" + split + ".conllu");
      if (!sents.ok()) return sents.status();
      std::string doc;
      for (const syntax::ConlluSentence& s : *sents) {
        if (!s.newdoc.empty()) doc = s.newdoc;
        if (IsBlindDocument(doc) || s.words.empty()) continue;
        NerSentence x;
        for (const syntax::ConlluWord& w : s.words) x.forms.push_back(w.form);
        x.tags = GumNerTags(gaz, s);
        std::string_view sp(split);
        (sp == "train" ? gum.train : sp == "dev" ? gum.dev : gum.test).push_back(std::move(x));
      }
    }
    out.push_back(std::move(gum));
  }
  for (NerCorpus& c : out) {
    if (!train_parts) c.train.clear();
    Parse(syntax, &c.train);
    Parse(syntax, &c.dev);
    Parse(syntax, &c.test);
  }
  return out;
}

double NerTypeScore::Precision() const { return predicted ? static_cast<double>(correct) / predicted : 0.0; }
double NerTypeScore::Recall() const { return gold ? static_cast<double>(correct) / gold : 0.0; }
double NerTypeScore::F1() const {
  return gold + predicted ? 2.0 * static_cast<double>(correct) / static_cast<double>(gold + predicted) : 0.0;
}

NerScores ScoreNer(const NerModel& model, const Gazetteer& gaz, const std::vector<NerSentence>& data,
                   std::string* errors) {
  NerScores r;
  std::vector<uint8_t> tags;
  auto of = [&](EntityType t) -> NerTypeScore& {
    return t == EntityType::kPerson ? r.person : t == EntityType::kOrg ? r.org : r.loc;
  };
  for (const NerSentence& s : data) {
    model.Tag(gaz, s.Words(), &tags);
    r.words += s.forms.size();
    std::vector<NerSpan> gold = NerSpans(s.tags), pred = NerSpans(tags);
    for (const NerSpan& g : gold) ++of(g.type).gold, ++r.all.gold;
    for (const NerSpan& p : pred) {
      ++of(p.type).predicted, ++r.all.predicted;
      if (std::find(gold.begin(), gold.end(), p) != gold.end()) ++of(p.type).correct, ++r.all.correct;
    }
    if (errors != nullptr && gold != pred) {
      auto name = [&](const NerSpan& x) {
        std::string t = EntityTypeName(x.type);
        t += "\t";
        for (uint32_t i = x.first; i < x.end; ++i) t += (i > x.first ? " " : "") + s.forms[i];
        return t + "\n";
      };
      for (size_t i = 0; i < s.forms.size(); ++i) *errors += (i ? " " : "") + s.forms[i];
      *errors += "\n";
      for (const NerSpan& g : gold) {
        if (std::find(pred.begin(), pred.end(), g) == pred.end()) *errors += "- " + name(g);
      }
      for (const NerSpan& p : pred) {
        if (std::find(gold.begin(), gold.end(), p) == gold.end()) *errors += "+ " + name(p);
      }
      *errors += "\n";
    }
  }
  return r;
}

NerScores ScoreRecognizer(const EntityRecognizer& recognizer, const syntax::SyntaxModel& syntax,
                          const std::vector<NerSentence>& data, std::string* errors) {
  constexpr size_t kPerArticle = 20;
  NerScores r;
  auto of = [&](EntityType t) -> NerTypeScore& {
    return t == EntityType::kPerson ? r.person : t == EntityType::kOrg ? r.org : r.loc;
  };
  struct Name {
    uint32_t start, end;
    EntityType type;
    bool operator==(const Name&) const = default;
    bool operator<(const Name& o) const { return start != o.start ? start < o.start : end < o.end; }
  };
  for (size_t first = 0; first < data.size(); first += kPerArticle) {
    Analysis a;
    std::vector<Name> gold, pred;
    for (size_t k = first; k < std::min(data.size(), first + kPerArticle); ++k) {
      const NerSentence& s = data[k];
      std::vector<uint32_t> starts, ends;
      for (size_t i = 0; i < s.forms.size(); ++i) {
        if (i > 0) a.body += ' ';
        starts.push_back(static_cast<uint32_t>(a.body.size()));
        a.body += s.forms[i];
        ends.push_back(static_cast<uint32_t>(a.body.size()));
      }
      a.body += '\n';
      r.words += s.forms.size();
      for (const NerSpan& x : NerSpans(s.tags)) gold.push_back({starts[x.first], ends[x.end - 1], x.type});
    }
    if (!a.body.empty()) a.body.pop_back();
    text::Segment(&a);
    syntax.Annotate(&a);
    recognizer.Recognize(&a);
    for (const Entity& e : a.entities) {
      for (Span m : e.mentions) pred.push_back({m.start, m.end, e.type});
    }
    std::sort(pred.begin(), pred.end());
    pred.erase(std::unique(pred.begin(), pred.end()), pred.end());
    for (const Name& g : gold) ++of(g.type).gold, ++r.all.gold;
    for (const Name& p : pred) {
      ++of(p.type).predicted, ++r.all.predicted;
      if (std::find(gold.begin(), gold.end(), p) != gold.end()) ++of(p.type).correct, ++r.all.correct;
    }
    if (errors != nullptr) {
      auto name = [&](const Name& x) {
        return std::string(a.body.substr(x.start, x.end - x.start)) + " " + EntityTypeName(x.type) + "\n";
      };
      for (const Name& g : gold)
        if (std::find(pred.begin(), pred.end(), g) == pred.end()) *errors += "- " + name(g);
      for (const Name& p : pred)
        if (std::find(gold.begin(), gold.end(), p) == gold.end()) *errors += "+ " + name(p);
    }
  }
  return r;
}

std::vector<NerExample> NerExamples(const std::vector<NerSentence>& sentences) {
  std::vector<NerExample> out;
  out.reserve(sentences.size());
  for (const NerSentence& s : sentences) out.push_back({s.Words(), s.tags});
  return out;
}

}  // namespace newsgraph::entities
