#include "syntax/syntax.h"


#include "core/data.h"
#include "core/ud.h"
#include "ingest/deadline.h"
#include "syntax/conllu.h"
#include "syntax/perceptron.h"
#include "text/ud_tokenizer.h"

namespace newsgraph::syntax {
namespace {

constexpr std::string_view kMagic = "newsgraph-syntax-model-1\n";

}  // namespace

std::string SyntaxModel::Serialize() const {
  std::string raw;
  PutString(info, &raw);
  tagger.Save(&raw);
  lemmatizer.Save(&raw);
  parser.Save(&raw);
  return CompressModelFile(kMagic, raw);
}

StatusOr<std::unique_ptr<SyntaxModel>> SyntaxModel::Deserialize(std::string_view bytes) {
  auto raw = DecompressModelFile(kMagic, bytes, "syntax model");
  if (!raw.ok()) return raw.status();
  std::string_view in = *raw;
  auto m = std::make_unique<SyntaxModel>();
  if (!GetString(&in, &m->info)) return Status::Corrupt("syntax model: truncated header");
  auto t = Tagger::Load(&in);
  if (!t.ok()) return t.status();
  m->tagger = std::move(*t);
  auto l = Lemmatizer::Load(&in);
  if (!l.ok()) return l.status();
  m->lemmatizer = std::move(*l);
  auto p = Parser::Load(&in);
  if (!p.ok()) return p.status();
  m->parser = std::move(*p);
  if (!in.empty()) return Status::Corrupt("syntax model: trailing bytes");
  return m;
}

StatusOr<const SyntaxModel*> SyntaxModel::Default() {
  return LoadDefaultModel<SyntaxModel>("syntax/en.model", "syntax model");
}

void SyntaxModel::ParseTagged(const std::vector<std::string_view>& forms, const std::vector<uint8_t>& tags,
                              SentenceSyntax* out) const {
  std::vector<Lexeme> lex = Tagger::Lexemes(forms);
  out->upos = tags;
  out->lemmas.resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) out->lemmas[i] = lemmatizer.Lemma(forms[i], tags[i]);
  parser.Parse(lex, tags, &out->heads, &out->deprels);
}

void SyntaxModel::AnalyzeSentence(const std::vector<std::string_view>& forms, SentenceSyntax* out) const {
  std::vector<Lexeme> lex = Tagger::Lexemes(forms);
  tagger.Tag(lex, &out->upos);
  out->lemmas.resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) out->lemmas[i] = lemmatizer.Lemma(forms[i], out->upos[i]);
  parser.Parse(lex, out->upos, &out->heads, &out->deprels);
}

void SyntaxModel::Annotate(Analysis* a) const {
  a->words.clear();
  std::vector<Span> spans;
  std::vector<std::string_view> forms;
  SentenceSyntax syn;
  bool out_of_time = false;
  for (size_t si = 0; si < a->sentences.size(); ++si) {
    Sentence& s = a->sentences[si];
    // A runaway document stops at its time limit (ingest/deadline.h); the rest of its
    // sentences get no words, and the analyzer reports the limit after this stage.
    if (si % 32 == 31 && !out_of_time) out_of_time = CurrentDeadline().expired();
    if (out_of_time) {
      s.first_word = s.end_word = static_cast<uint32_t>(a->words.size());
      continue;
    }
    spans.clear();
    text::TokenizeUd(a->Text(s.span), s.span.start, &spans);
    s.first_word = static_cast<uint32_t>(a->words.size());
    forms.clear();
    for (Span sp : spans) forms.push_back(a->Text(sp));
    if (!forms.empty()) AnalyzeSentence(forms, &syn);
    for (size_t i = 0; i < spans.size(); ++i) {
      Word w;
      w.span = spans[i];
      w.upos = syn.upos[i];
      w.deprel = syn.deprels[i];
      w.head = syn.heads[i] < 0 ? -1 : static_cast<int32_t>(s.first_word) + syn.heads[i];
      w.lemma = std::move(syn.lemmas[i]);
      a->words.push_back(std::move(w));
    }
    s.end_word = static_cast<uint32_t>(a->words.size());
  }
}

void AppendConllu(const Analysis& a, std::string* out) {
  for (size_t si = 0; si < a.sentences.size(); ++si) {
    const Sentence& s = a.sentences[si];
    ConlluSentence c;
    if (si == 0) c.comments.emplace_back("newdoc id", a.id);
    c.comments.emplace_back("sent_id", a.id + "-" + std::to_string(si + 1));
    std::string text(a.Text(s.span));
    for (char& ch : text) {
      if (ch == '\n' || ch == '\t') ch = ' ';
    }
    c.comments.emplace_back("text", text);
    for (uint32_t i = s.first_word; i < s.end_word && i < a.words.size(); ++i) {
      const Word& w = a.words[i];
      ConlluWord cw;
      cw.form = a.Text(w.span);
      cw.lemma = w.lemma;
      cw.upos = ud::UposName(w.upos);
      cw.head = w.head < 0 ? 0 : w.head - static_cast<int>(s.first_word) + 1;
      cw.deprel = ud::DeprelName(w.deprel);
      cw.misc = "TokenRange=" + std::to_string(w.span.start) + ":" + std::to_string(w.span.end);
      if (i + 1 < s.end_word && a.words[i + 1].span.start == w.span.end) cw.misc += "|SpaceAfter=No";
      c.words.push_back(std::move(cw));
    }
    WriteConllu(c, out);
  }
}

}  // namespace newsgraph::syntax
