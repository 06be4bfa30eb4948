#include "quotes/quotes.h"

#include "quotes/lexicon.h"
#include "quotes/quote_marks.h"
#include "quotes/speakers.h"

namespace newsgraph {

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
