#include "quotes/quote_marks.h"

#include <algorithm>

#include "core/utf8.h"

namespace newsgraph::quotes {
namespace {

enum class Role : uint8_t { kNone, kOpen, kClose, kEither };

struct Mark {
  uint32_t start = 0, end = 0;
  uint32_t para = 0;
  bool is_double = false;
  Role role = Role::kNone;  // doubles
  bool can_open = false;    // singles
  bool can_close = false;
};

constexpr char32_t kLeftDouble = 0x201C, kRightDouble = 0x201D, kLowDouble = 0x201E;
constexpr char32_t kLeftSingle = 0x2018, kRightSingle = 0x2019;
constexpr char32_t kLeftGuillemet = 0xAB, kRightGuillemet = 0xBB;

bool IsQuoteChar(char32_t c) {
  return c == '"' || c == '\'' || c == kLeftDouble || c == kRightDouble || c == kLowDouble || c == kLeftSingle ||
         c == kRightSingle || c == kLeftGuillemet || c == kRightGuillemet;
}
bool IsDash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014; }
bool IsWordChar(char32_t c) { return c != 0 && (utf8::IsAlpha(c) || utf8::IsDigit(c)); }
bool IsBlank(char32_t c) { return c == 0 || utf8::IsSpace(c); }

// What may stand before an opening mark / after a closing one.
bool OpensAfter(char32_t prev) {
  return IsBlank(prev) || prev == '(' || prev == '[' || prev == '{' || prev == '/' || prev == ':' || IsDash(prev) ||
         IsQuoteChar(prev);
}
bool ClosesBefore(char32_t next) {
  return IsBlank(next) || next == '.' || next == ',' || next == ';' || next == ':' || next == '!' || next == '?' ||
         next == ')' || next == ']' || next == '}' || next == 0x2026 || IsDash(next) || IsQuoteChar(next);
}

// The code point ending just before `pos` (0 at `lo`), and the one starting at `pos` (0 at `hi`).
char32_t PrevChar(std::string_view s, size_t pos, size_t lo) {
  if (pos <= lo) return 0;
  size_t k = pos - 1;
  while (k > lo && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  return utf8::Next(s, &k);
}
char32_t NextChar(std::string_view s, size_t pos, size_t hi) {
  if (pos >= hi) return 0;
  return utf8::Next(s, &pos);
}

// The lower-case ASCII word starting at `pos`, at most 16 bytes.
std::string WordAt(std::string_view s, size_t pos, size_t hi) {
  std::string w;
  while (pos < hi && w.size() < 16) {
    unsigned char c = static_cast<unsigned char>(s[pos]);
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) break;
    w.push_back(static_cast<char>(c | 0x20));
    ++pos;
  }
  return w;
}

bool IsElision(std::string_view w) {
  return w == "em" || w == "til" || w == "tis" || w == "twas" || w == "cause" || w == "n" || w == "bout" ||
         w == "nuff" || w == "cos";
}

void ClassifyDouble(char32_t c, char32_t prev, char32_t next, Mark* m) {
  bool can_open = OpensAfter(prev) && !IsBlank(next);
  bool can_close = !IsBlank(prev) && ClosesBefore(next);
  if (c == kLeftDouble || c == kLowDouble || c == kLeftGuillemet) {
    m->role = can_close && !can_open ? Role::kClose : Role::kOpen;
  } else if (c == kRightDouble || c == kRightGuillemet) {
    m->role = can_open && !can_close ? Role::kOpen : Role::kClose;
  } else if (can_open != can_close) {
    m->role = can_open ? Role::kOpen : Role::kClose;
  } else {
    m->role = Role::kEither;
  }
}

// Returns false for an apostrophe.
bool ClassifySingle(std::string_view body, size_t hi, char32_t c, char32_t prev, char32_t next,
                    const QuoteMarkOptions& options, Mark* m) {
  if (IsWordChar(prev) && IsWordChar(next)) return false;  // we're, Xi's, rock'n'roll
  m->can_open = OpensAfter(prev) && next != 0 && utf8::IsAlpha(next);
  if (m->can_open && IsElision(WordAt(body, m->end, hi))) {
    size_t after = m->end + WordAt(body, m->end, hi).size();
    if (!IsWordChar(NextChar(body, after, hi))) m->can_open = false;
  }
  m->can_close = c != kLeftSingle && !IsBlank(prev) && !OpensAfter(prev) && ClosesBefore(next);
  if (m->can_close && (prev == 's' || prev == 'S') && next == ' ') {
    // "the workers' rights": a plural possessive unless a reporting word follows.
    std::string w = WordAt(body, m->end + 1, hi);
    unsigned char first = m->end + 1 < hi ? static_cast<unsigned char>(body[m->end + 1]) : 0;
    bool lower = first >= 'a' && first <= 'z';
    if (lower && !(options.closer_followers && options.closer_followers->count(w))) m->can_close = false;
  }
  return m->can_open || m->can_close;
}

Span Trimmed(std::string_view body, uint32_t start, uint32_t end) {
  while (start < end && (body[start] == ' ' || body[start] == '\t' || body[start] == '\r')) ++start;
  while (end > start && (body[end - 1] == ' ' || body[end - 1] == '\t' || body[end - 1] == '\r')) --end;
  return Span{start, end};
}

// Paragraph [start, end) byte ranges of `body`.
std::vector<Span> Paragraphs(std::string_view body) {
  std::vector<Span> out;
  size_t pos = 0;
  while (true) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    out.push_back(Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(nl)});
    if (nl >= body.size()) break;
    pos = nl + 1;
  }
  return out;
}

uint32_t FirstNonBlank(std::string_view body, Span para) {
  uint32_t p = para.start;
  while (p < para.end && (body[p] == ' ' || body[p] == '\t')) ++p;
  return p;
}

// Accumulates the segments of one quotation as it runs across paragraphs.
class Builder {
 public:
  explicit Builder(std::string_view body) : body_(body) {}
  bool open() const { return open_; }
  size_t segments() const { return q_.segments.size(); }
  void Open(const Mark& m, bool single) {
    q_ = Quotation{};
    q_.open_mark = Span{m.start, m.end};
    q_.single = single;
    seg_start_ = m.end;
    open_ = true;
  }
  void Continue(const Mark& m) { seg_start_ = m.end; }
  void ContinueAt(uint32_t pos) { seg_start_ = pos; }
  void EndSegment(uint32_t end) {
    Span s = Trimmed(body_, seg_start_, end);
    if (!s.empty()) q_.segments.push_back(s);
  }
  // Closes at `m`; appends the quotation to `out` unless it is empty.
  void Close(const Mark& m, std::vector<Quotation>* out) {
    EndSegment(m.start);
    q_.close_mark = Span{m.start, m.end};
    if (!q_.segments.empty()) out->push_back(std::move(q_));
    open_ = false;
  }
  // Ends at a paragraph end with no continuation: kept only when it already ran across
  // paragraphs by the convention (two segments or more).
  void Abandon(std::vector<Quotation>* out) {
    if (q_.segments.size() >= 2) out->push_back(std::move(q_));
    open_ = false;
  }

 private:
  std::string_view body_;
  Quotation q_;
  uint32_t seg_start_ = 0;
  bool open_ = false;
};

std::vector<Quotation> PairDoubles(std::string_view body, const std::vector<Span>& paras,
                                   const std::vector<Mark>& marks) {
  std::vector<Quotation> out;
  Builder b(body);
  size_t i = 0;
  for (uint32_t p = 0; p < paras.size(); ++p) {
    for (; i < marks.size() && marks[i].para == p; ++i) {
      const Mark& m = marks[i];
      if (!b.open()) {
        if (m.role != Role::kClose) b.Open(m, false);
      } else if (m.role == Role::kOpen) {
        b.Open(m, false);  // the earlier opener was stray
      } else {
        b.Close(m, &out);
      }
    }
    if (!b.open()) continue;
    b.EndSegment(paras[p].end);
    // Continues when the next paragraph opens with a double mark.
    if (p + 1 < paras.size() && i < marks.size() && marks[i].para == p + 1 &&
        marks[i].start == FirstNonBlank(body, paras[p + 1]) && marks[i].role != Role::kClose) {
      b.Continue(marks[i]);
      ++i;
    } else if (p + 1 < paras.size() && i < marks.size() && marks[i].para <= p + 2 && marks[i].role == Role::kClose) {
      // Text broken into lines inside a quotation: the next mark, within two paragraphs,
      // closes it, so the quotation runs on into the next paragraph.
      b.ContinueAt(FirstNonBlank(body, paras[p + 1]));
    } else {
      b.Abandon(&out);
    }
  }
  return out;
}

std::vector<Quotation> PairSingles(std::string_view body, const std::vector<Span>& paras,
                                   const std::vector<Mark>& marks) {
  std::vector<Quotation> out;
  const size_t n = marks.size();
  constexpr size_t kNone = static_cast<size_t>(-1);
  // next_close[i]: the first mark after i in the same paragraph that can close;
  // para_next[i]: the first mark of a later paragraph.
  std::vector<size_t> next_close(n, kNone), para_next(n, n);
  for (size_t i = n; i-- > 0;) {
    if (i + 1 < n && marks[i + 1].para == marks[i].para) {
      next_close[i] = marks[i + 1].can_close ? i + 1 : next_close[i + 1];
      para_next[i] = para_next[i + 1];
    } else {
      para_next[i] = i + 1;
    }
  }
  Builder b(body);
  size_t i = 0;
  while (i < n) {
    const Mark& m = marks[i];
    if (!b.open()) {
      if (!m.can_open) {
        ++i;
        continue;
      }
      b.Open(m, true);
    }
    size_t j = next_close[i];
    if (j != kNone) {
      b.Close(marks[j], &out);
      i = j + 1;
      continue;
    }
    b.EndSegment(paras[m.para].end);
    size_t k = para_next[i];
    if (k < n && marks[k].para == m.para + 1 && marks[k].can_open &&
        marks[k].start == FirstNonBlank(body, paras[m.para + 1])) {
      b.Continue(marks[k]);
      i = k;  // its closer is looked up from there
    } else {
      b.Abandon(&out);
      ++i;
    }
  }
  return out;
}

}  // namespace

std::vector<Quotation> FindQuotations(std::string_view body, const QuoteMarkOptions& options) {
  const std::vector<Span> paras = Paragraphs(body);
  std::vector<Mark> doubles, singles;
  for (uint32_t p = 0; p < paras.size(); ++p) {
    const size_t lo = paras[p].start, hi = paras[p].end;
    for (size_t pos = lo; pos < hi; ++pos) {
      unsigned char c0 = static_cast<unsigned char>(body[pos]);
      if (c0 != '"' && c0 != '\'' && c0 != 0xE2 && c0 != 0xC2) continue;
      size_t next_pos = pos;
      char32_t c = utf8::Next(body, &next_pos);
      if (!IsQuoteChar(c)) {
        pos = next_pos - 1;
        continue;
      }
      Mark m;
      m.start = static_cast<uint32_t>(pos);
      m.end = static_cast<uint32_t>(next_pos);
      m.para = p;
      char32_t prev = PrevChar(body, pos, lo), next = NextChar(body, next_pos, hi);
      if (c == '\'' || c == kLeftSingle || c == kRightSingle) {
        if (ClassifySingle(body, hi, c, prev, next, options, &m)) singles.push_back(m);
      } else {
        m.is_double = true;
        ClassifyDouble(c, prev, next, &m);
        doubles.push_back(m);
      }
      pos = next_pos - 1;
    }
  }
  std::vector<Quotation> dq = PairDoubles(body, paras, doubles);

  // Single marks inside double quotations belong to their text.
  auto outer_end = [](const Quotation& q) { return q.close_mark.empty() ? q.segments.back().end : q.close_mark.end; };
  std::vector<Mark> outside;
  outside.reserve(singles.size());
  size_t d = 0;
  for (const Mark& m : singles) {
    while (d < dq.size() && outer_end(dq[d]) <= m.start) ++d;
    if (d < dq.size() && dq[d].open_mark.start < m.start) continue;
    outside.push_back(m);
  }
  std::vector<Quotation> sq = PairSingles(body, paras, outside);
  if (sq.empty()) return dq;

  // Merge; a double quotation inside a single one is part of it.
  std::vector<Quotation> out;
  out.reserve(dq.size() + sq.size());
  size_t s = 0;
  for (Quotation& q : dq) {
    while (s < sq.size() && outer_end(sq[s]) <= q.open_mark.start) out.push_back(std::move(sq[s++]));
    if (s < sq.size() && sq[s].open_mark.start < q.open_mark.start) continue;  // inside sq[s]
    out.push_back(std::move(q));
  }
  while (s < sq.size()) out.push_back(std::move(sq[s++]));
  return out;
}

}  // namespace newsgraph::quotes
