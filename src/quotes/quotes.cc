#include "quotes/quotes.h"

#include "quotes/lexicon.h"
#include "quotes/quote_marks.h"
#include "quotes/speakers.h"

namespace newsgraph {

namespace {

// A quotation with no cue that is no speech (docs/quotes.md): a scare quote, a quoted term
// or an identifier of three words or fewer ("the award for "courageous achievement"",
// "pic.twitter.com/x1", "@handle"), or a title of a work or a slogan of up to six words,
// capitalised word by word, with no closing punctuation ("Harbour Lights Forever"). With a
// cue ("what he called \"unilateral steps\"") it is someone's words and stays.
bool NoSpeech(const Analysis& a, const quotes::Quotation& q) {
  if (q.segments.size() != 1) return false;
  std::string_view t = a.Text(q.segments.front());
  if (t.empty()) return false;
  size_t words = 0;
  bool capitalised = true;  // every word but of/the/and/a/in/to/for
  for (size_t p = 0; p < t.size();) {
    size_t sp = t.find(' ', p);
    if (sp == t.npos) sp = t.size();
    std::string_view w = t.substr(p, sp - p);
    p = sp + 1;
    if (w.empty()) continue;
    ++words;
    bool small = w == "of" || w == "the" || w == "and" || w == "a" || w == "in" || w == "to" || w == "for";
    if (!small && !(w[0] >= 'A' && w[0] <= 'Z')) capitalised = false;
  }
  if (words <= 3) return true;
  char last = t.back();
  bool closed = last == '.' || last == ',' || last == '?' || last == '!' || last == ':' || last == ';';
  return !closed && capitalised && words <= 6;
}

}  // namespace

QuoteFinder::~QuoteFinder() = default;

StatusOr<std::unique_ptr<QuoteFinder>> QuoteFinder::Create() {
  auto lexicon = quotes::QuoteLexicon::Load();
  if (!lexicon.ok()) return lexicon.status();
  auto finder = std::unique_ptr<QuoteFinder>(new QuoteFinder());
  finder->lexicon_ = std::move(lexicon).value();
  return finder;
}

void QuoteFinder::Find(Analysis* analysis) const {
  analysis->quotes.clear();
  quotes::QuoteMarkOptions options;
  options.closer_followers = &lexicon_->closer_followers;
  std::vector<quotes::Quotation> found = quotes::FindQuotations(analysis->body, options);
  std::vector<quotes::Attribution> who = quotes::AttributeQuotations(*lexicon_, *analysis, found);
  analysis->quotes.reserve(found.size());
  for (size_t i = 0; i < found.size(); ++i) {
    if (who[i].speaker.empty() && who[i].cue.empty() && NoSpeech(*analysis, found[i])) continue;
    Quote q;
    for (const Span& s : found[i].segments) {
      if (!q.text.empty()) q.text += '\n';
      q.text.append(analysis->Text(s));
    }
    q.span = found[i].Outer();
    q.speaker = std::move(who[i].speaker);
    q.speaker_id = std::move(who[i].speaker_id);
    if (!who[i].cue.empty()) q.cue = std::string(analysis->Text(who[i].cue));
    if (!who[i].role.empty()) q.speaker_role = std::string(analysis->Text(who[i].role));
    analysis->quotes.push_back(std::move(q));
  }
}

}  // namespace newsgraph
