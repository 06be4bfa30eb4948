#include "store/query.h"

#include <algorithm>

#include "events/gdelt.h"

namespace newsgraph {
namespace {

char Fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool SameFolded(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Fold(a[i]) != Fold(b[i])) return false;
  return true;
}

// A name or CAMEO actor code `who` names the actor (name, code).
bool IsActor(std::string_view who, const std::string& name, const std::string& code) {
  return SameFolded(who, name) || (!code.empty() && who == code);
}

// Moves `i` back to the start of the UTF-8 character it lies in.
size_t CharStart(std::string_view s, size_t i) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

}  // namespace

const std::string& EventDay(const Event& e, const std::string& published) {
  return e.date.empty() ? published : e.date;
}

bool EventMatches(const EventQuery& q, const Event& e, const std::string& published, const std::string& story) {
  if (!q.actor.empty() && !IsActor(q.actor, e.source, e.source_code) && !IsActor(q.actor, e.target, e.target_code))
    return false;
  if (!q.source.empty() && !IsActor(q.source, e.source, e.source_code)) return false;
  if (!q.target.empty() && !IsActor(q.target, e.target, e.target_code)) return false;
  if (!q.cameo.empty() && !std::string_view(e.cameo).starts_with(q.cameo)) return false;
  if (!q.location.empty() && !SameFolded(q.location, e.location)) return false;
  if (q.quad_class != 0 && e.quad_class != q.quad_class) return false;
  if (!q.story.empty() && story != q.story) return false;
  const std::string& day = EventDay(e, published);
  if (!q.from.empty() && (day.empty() || day < q.from)) return false;
  if (!q.to.empty() && (day.empty() || day > q.to)) return false;
  return true;
}

std::string QuoteContext(std::string_view body, const std::vector<Sentence>& sentences, uint32_t start, uint32_t end) {
  if (start > end || end > body.size()) return {};
  size_t from = body.size(), to = 0;
  for (const Sentence& s : sentences) {
    if (s.span.end > start && s.span.start < end) {
      from = std::min<size_t>(from, s.span.start);
      to = std::max<size_t>(to, s.span.end);
    }
  }
  if (from >= to || to > body.size()) {
    // No sentence known: the paragraph around the quote, cut to about 600 bytes.
    size_t p0 = body.rfind('\n', start == 0 ? 0 : start - 1);
    from = p0 == std::string_view::npos || start == 0 ? 0 : p0 + 1;
    size_t p1 = body.find('\n', end);
    to = p1 == std::string_view::npos ? body.size() : p1;
    if (start - from > 300) from = CharStart(body, start - 300);
    if (to - end > 300) to = CharStart(body, end + 300);
  }
  return std::string(body.substr(from, to - from));
}

bool ContainsAllWords(std::string_view text, std::string_view words) {
  std::string folded(text);
  for (char& c : folded) c = Fold(c);
  size_t i = 0;
  while (i < words.size()) {
    while (i < words.size() && words[i] == ' ') ++i;
    size_t j = words.find(' ', i);
    if (j == std::string_view::npos) j = words.size();
    if (j > i) {
      std::string w(words.substr(i, j - i));
      for (char& c : w) c = Fold(c);
      if (folded.find(w) == std::string::npos) return false;
    }
    i = j;
  }
  return true;
}

}  // namespace newsgraph

namespace newsgraph {

Status AppendGdeltRows(Store* store, const std::vector<EventRow>& rows, int64_t* next_id, std::string* out) {
  std::string cached_id;
  Analysis article;  // the article of the last event, reused across its events
  for (const EventRow& r : rows) {
    if (r.article_id != cached_id) {
      auto a = store->GetArticle(r.article_id);
      if (!a.ok()) return a.status();
      article = std::move(a).value();
      article.entities.clear();
      article.quotes.clear();
      article.events.clear();
      cached_id = r.article_id;
    }
    article.events = {r.event};
    GdeltContext ctx;
    ctx.first_event_id = *next_id;
    ctx.num_mentions = static_cast<int>(r.mentions);
    ctx.num_articles = static_cast<int>(r.articles);
    ctx.num_sources = static_cast<int>(r.articles);
    for (const std::string& row : GdeltEventRows(article, ctx)) {
      out->append(row).push_back('\n');
      ++*next_id;
    }
  }
  return Status::Ok();
}

}  // namespace newsgraph
