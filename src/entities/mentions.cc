#include "entities/mentions.h"

#include <algorithm>
#include <unordered_set>

#include "core/ud.h"
#include "core/words.h"

namespace newsgraph::entities {
namespace {

MentionType TypeOfEntity(EntityType t) {
  return t == EntityType::kPerson ? MentionType::kPerson : t == EntityType::kOrg ? MentionType::kOrg : MentionType::kLoc;
}

constexpr size_t kMaxRunUnits = 48;  // longer capitalised runs are cut (linear time)
constexpr int kMaxChunkUnits = 8;    // longer chunks name nothing we can type
constexpr int kMaxTitleTokens = 16;  // window for titles around a name

// A word of a capitalised run; initials and abbreviations keep their period ("J.",
// "Corp."); connectors ("of", "and the") sit between words.
struct Unit {
  uint32_t first = 0, last = 0;  // token range, inclusive
  Span span;
  bool connector = false;
  bool particle = false;
};

bool IsOpener(std::string_view p) {
  return p == "\"" || p == "\xE2\x80\x9C" || p == "\xE2\x80\x98" || p == "'" || p == "(" || p == ":" ||
         p == "\xE2\x80\x94" || p == "\xE2\x80\x93" || p == "-" || p == "[";
}

bool IsStopPunct(std::string_view p) {
  return p == "," || p == "." || p == ";" || p == ":" || p == "\"" || p == "\xE2\x80\x9C" || p == "\xE2\x80\x9D" ||
         p == "(" || p == ")" || p == "?" || p == "!" || p == "\xE2\x80\x94";
}

// Case-insensitive: connectors are written "OF" in an all-capitals article.
bool StartsWithWord(std::string_view text, std::string_view word) {
  if (text.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[i]) return false;
  }
  return text.size() == word.size() || text[word.size()] == ' ';
}

bool IsDeterminer(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "The" || w == "A" || w == "An";
}

// Question words and conjunctions, which name nothing even when capitalised ("Which ...",
// "THEREFORE").
bool IsFunctionWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"what",  "which",   "who",       "whom",     "whose", "where",
                                                "when",  "why",     "how",       "and",      "but",   "or",
                                                "nor",   "yet",     "so",        "if",       "because", "although",
                                                "though", "while",  "therefore", "however",  "thus",  "hence"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

bool IsPreposition(std::string_view w) {
  return w == "of" || w == "for" || w == "at" || w == "on" || w == "in" || w == "to" || w == "with" || w == "from";
}

class Finder {
 public:
  Finder(const Analysis& a, const Gazetteer& gaz, const ArticleNames& names) : a_(a), gaz_(gaz), names_(names) {
    mention_at_.assign(a.tokens.size(), -1);
    classes_cache_.assign(a.tokens.size(), kUnknownClasses);
    size_t words = 0, caps = 0;
    for (const Token& t : a.tokens) {
      if (t.kind != TokenKind::kWord) continue;
      ++words;
      if (t.all_caps) ++caps;
    }
    article_caps_ = words >= 20 && caps * 2 > words;
  }

  std::vector<Mention> Run() {
    for (size_t si = 0; si < a_.sentences.size(); ++si) {
      const Sentence& s = a_.sentences[si];
      // An all-capitals headline inside a mixed-case article reads like an all-capitals
      // article, and its names count only where they name something known.
      headline_ = !article_caps_ && CapsSentence(s);
      caps_mode_ = article_caps_ || headline_;
      bool digit = false;
      score_ = HasScore(s, &digit);
      results_ = digit && HasResultsList(s);
      size_t first = mentions_.size();
      ScanSentence(s, si == 0 || a_.sentences[si - 1].paragraph != s.paragraph);
      if (score_) {
        for (size_t m = first; m < mentions_.size(); ++m) ReadTeam(static_cast<int>(m));
      }
      ReadResultsList(first);
      for (size_t m = first; m < mentions_.size(); ++m) ReadPlaceContext(s, static_cast<int>(m));
      for (size_t m = first; m < mentions_.size(); ++m) ReadContext(s, static_cast<int>(m));
    }
    return std::move(mentions_);
  }

 private:
  std::string_view Tok(uint32_t i) const { return a_.Text(a_.tokens[i].span); }
  std::string_view Text(Span s) const { return a_.Text(s); }
  std::string_view UnitText(const Unit& u) const { return Text(u.span); }
  // Lexicon classes of a unit, without its final period ("Corp." -> corp).
  // Lexicon classes of a unit: those of its word without the period or "'s" joined to
  // it ("Corp." -> corp).
  uint32_t ClassesOf(const Unit& u) const { return TokClasses(u.first); }
  // Lexicon classes of token i, looked up once per token.
  uint32_t TokClasses(uint32_t i) const {
    uint32_t& c = classes_cache_[i];
    if (c == kUnknownClasses) c = gaz_.Classes(Tok(i));
    return c;
  }
  bool IsWord(uint32_t i) const { return a_.tokens[i].kind == TokenKind::kWord; }

  // Gazetteer lookup; in an all-capitals article also tries the title-cased form.
  const GazEntry* Find(std::string_view s) const {
    if (const GazEntry* g = gaz_.Find(s)) return g;
    if (!caps_mode_) return nullptr;
    std::string t = TitleCase(s);
    return gaz_.Find(t);
  }
  std::string_view Demonym(std::string_view s) const {
    std::string_view d = gaz_.Demonym(s);
    if (!d.empty() || !caps_mode_) return d;
    return gaz_.Demonym(TitleCase(s));
  }
  // "GULF OF GUINEA" -> "Gulf of Guinea".
  static std::string TitleCase(std::string_view s) {
    std::string t(s);
    bool start = true;
    for (size_t i = 0; i < t.size(); ++i) {
      char& c = t[i];
      bool small = i > 0 && start &&
                   (StartsWithWord(s.substr(i), "of") || StartsWithWord(s.substr(i), "the") ||
                    StartsWithWord(s.substr(i), "and") || StartsWithWord(s.substr(i), "for"));
      if (start && !small && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if ((!start || small) && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      start = c == ' ' || c == '-';
    }
    return t;
  }

  bool IsParticle(uint32_t i) const {
    const Token& t = a_.tokens[i];
    return t.kind == TokenKind::kWord && !t.capitalized && t.span.size() <= 4 && (TokClasses(i) & kParticle);
  }

  // The last token of a hyphenated word that the tokenizer left in pieces because it ends
  // in a dotted acronym ("Sino-U" "." "S" "." for "Sino-U.S.").
  uint32_t HyphenWordEnd(uint32_t i) const {
    std::string_view w = Tok(i);
    uint32_t j = i;
    if (w.size() < 3 || w[w.size() - 2] != '-' || w.back() < 'A' || w.back() > 'Z') return j;
    while (j + 1 < a_.tokens.size() && j - i < 8 && a_.tokens[j + 1].span.start == a_.tokens[j].span.end &&
           (Tok(j + 1) == "." || (IsInitial(j + 1) && Tok(j) == ".")))
      ++j;
    return j;
  }
  std::string_view HyphenWord(uint32_t i) const {
    return Text(Span{a_.tokens[i].span.start, a_.tokens[HyphenWordEnd(i)].span.end});
  }

  // A hyphenated modifier built on a place or nationality ("US-China", "Chinese-linked",
  // "Sino-U.S."): no name itself; its place parts are mentions of their own.
  bool IsHyphenModifier(uint32_t i) const {
    std::string_view w = HyphenWord(i);
    if (w.find('-') == std::string_view::npos || Find(w) || !Demonym(w).empty()) return false;
    if (hyphen_surnames_.count(w) > 0) return false;  // met before in a person's name
    // After a name that is no ordinary word, place, nationality or title it is a double
    // surname ("Patricia Austin-Delgado"), not "Austin" and "Delgado".
    if (i > 0 && a_.tokens[i - 1].capitalized && a_.tokens[i - 1].span.end < a_.tokens[i].span.start) {
      std::string_view prev = Tok(i - 1);
      if (!gaz_.IsCommon(prev) && !Find(prev) && Demonym(prev).empty() &&
          !(gaz_.Classes(prev) & (kHead | kMod | kHonorific)))
        return false;
    }
    // Every part is a place, a nationality, a lower-case word ("-linked", "-based") or a
    // combining form ("Sino", "Indo"); "Kipiani-Rhodes" is a surname, not Rhodes.
    bool place = false;
    size_t pos = 0;
    while (pos <= w.size()) {
      size_t dash = w.find('-', pos);
      if (dash == std::string_view::npos) dash = w.size();
      std::string_view part = w.substr(pos, dash - pos);
      pos = dash + 1;
      if (part.empty()) continue;
      const GazEntry* g = Find(part);
      if ((g && g->type == EntityType::kLoc) || !Demonym(part).empty()) {
        place = true;
        continue;
      }
      bool lower = part[0] >= 'a' && part[0] <= 'z';
      bool combining = part.size() <= 6 && part.back() == 'o' && dash < w.size();
      if (!lower && !combining) return false;
    }
    return place;
  }

  bool IsNameToken(uint32_t i) const {
    const Token& t = a_.tokens[i];
    if (t.kind != TokenKind::kWord) return false;
    std::string_view w = Tok(i);
    if (!t.capitalized) {
      // "al-Assad", "el-Sisi": a lower-case particle joined to a capitalised name.
      size_t dash = w.find('-');
      return dash != std::string_view::npos && dash + 1 < w.size() && (gaz_.Classes(w.substr(0, dash)) & kParticle) &&
             w[dash + 1] >= 'A' && w[dash + 1] <= 'Z';
    }
    if (w == "'s" || w == "'S") return false;
    if (TokClasses(i) & (kTime | kPronoun)) return false;
    if (caps_mode_ && w.size() == 1 && !(i + 1 < a_.tokens.size() && Tok(i + 1) == ".")) return false;
    if (caps_mode_ && i < caps_name_.size() && caps_name_[i]) return true;
    if (caps_mode_ && t.all_caps && gaz_.IsCommon(w) && Demonym(w).empty() && !(TokClasses(i) & (kHead | kDomain))) {
      // In an all-capitals article an ordinary word is a name only as a country or capital.
      const GazEntry* g = Find(w);
      if (!g || w.size() <= 2 || (g->kind != PlaceKind::kCountry && g->kind != PlaceKind::kCapital)) return false;
    }
    return !IsHyphenModifier(i);
  }

  // Particles ("von der") followed by a name.
  bool ParticlesBeforeName(uint32_t i, uint32_t end) const {
    // Cheap test first: a capitalised word must follow within three tokens.
    bool cap = false;
    for (uint32_t k = i + 1; k < end && k <= i + 3; ++k) cap |= a_.tokens[k].capitalized;
    if (!cap) return false;
    uint32_t k = i;
    while (k < end && k - i < 3 && IsParticle(k)) ++k;
    return k > i && k < end && IsNameToken(k);
  }

  // A role noun: a title head in any case, or a WordNet person noun written in lower case
  // ("geophysicist"), which is too common a word to open a capitalised title.
  bool IsRole(uint32_t t) const {
    if (!IsWord(t)) return false;
    uint32_t cls = TokClasses(t);
    return (cls & kHead) || ((cls & kRole) && !a_.tokens[t].capitalized);
  }

  // A lower-case plural of a role noun: "publishers Jann Wenner and Nat ...", whose names
  // are people's even when their words are ordinary ones.
  bool IsPluralRole(uint32_t t) const {
    if (!IsWord(t) || a_.tokens[t].capitalized) return false;
    std::string_view w = Tok(t);
    return w.size() >= 5 && w.back() == 's' && (gaz_.Classes(w.substr(0, w.size() - 1)) & (kHead | kRole)) != 0;
  }

  // The plural role that opens the list of names token `t` continues ("publishers Jann
  // Wenner and Nat Finkelstein", for "Nat"), looking back over capitalised words, commas
  // and "and" within eight tokens: the role's token, or -1.
  int PluralRoleBefore(uint32_t t) const {
    for (uint32_t k = t, steps = 0; k > 0 && steps < 8; ++steps) {
      --k;
      if (IsPluralRole(k)) return static_cast<int>(k);
      std::string_view w = Tok(k);
      if (!(a_.tokens[k].capitalized || w == "," || w == "and")) return -1;
    }
    return -1;
  }

  // A title word alone ("President", "Presidents", "Minister") names nobody.
  bool IsRoleWord(std::string_view w) const {
    if (gaz_.Classes(w) & (kHead | kMod | kHonorific | kDomain)) return true;
    return w.size() > 3 && w.back() == 's' && (gaz_.Classes(w.substr(0, w.size() - 1)) & kHead);
  }

  // Whether `w` is an ordinary English word, which tells names from words. The word list
  // (and WordNet's adjectives) hold "xi", "li" and "vi" as Roman numerals: written "Xi",
  // "Li", a capital and then small letters, they are names (Roman numerals are written in
  // capitals).
  bool OrdinaryWord(std::string_view w) const {
    if (!gaz_.IsCommon(w)) return false;
    // A name needs a vowel: "Mm" and "Mmm" (MM, MMM) stay words.
    if (w.size() < 2 || w.size() > 4 || w[0] < 'A' || w[0] > 'Z' ||
        w.substr(1).find_first_not_of("ivxlcdm") != std::string_view::npos || w.find('i') == std::string_view::npos)
      return true;
    return !IsRomanNumeral(w);
  }
  // Whether `w` (any case) is a well-formed Roman numeral: M{0,3} (CM|CD|D?C{0,3})
  // (XC|XL|L?X{0,3}) (IX|IV|V?I{0,3}), not empty. "Xi", "Li", "Mix" are; "Did", "Mill" are not.
  static bool IsRomanNumeral(std::string_view w) {
    size_t i = 0;
    auto up = [&](size_t k) { return k < w.size() ? static_cast<char>(w[k] & ~0x20) : '\0'; };
    // One decimal place: (nine | four | five? one{0,3}), with one, five, ten of that place.
    auto place = [&](char one, char five, char ten) {
      if (up(i) == one && (up(i + 1) == ten || up(i + 1) == five)) {
        i += 2;
        return;
      }
      if (up(i) == five) ++i;
      for (int k = 0; k < 3 && up(i) == one; ++k) ++i;
    };
    for (int k = 0; k < 3 && up(i) == 'M'; ++k) ++i;
    place('C', 'D', 'M');
    place('X', 'L', 'C');
    place('I', 'V', 'X');
    return !w.empty() && i == w.size();
  }

  // "Kurdish militants", "Western officials": an adjective, not a surname, before a
  // lower-case word.
  bool LoneAdjective(size_t a, size_t b) const {
    std::string_view w = UnitsText(a, b);
    uint32_t next = units_[b - 1].last + 1;
    return gaz_.IsAdjective(w) && (OrdinaryWord(w) || !gaz_.IsCommon(w)) && !gaz_.IsSurname(w) &&
           !gaz_.IsGivenName(w) && next < a_.tokens.size() &&
           IsWord(next) && !a_.tokens[next].capitalized && Tok(next) != "'s";
  }

  bool IsInitial(uint32_t i) const {
    std::string_view w = Tok(i);
    return w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z';
  }

  bool IsAcronym(const Unit& u) const {
    std::string_view w = UnitText(u);
    if (caps_mode_ || w.size() < 2 || w.size() > 8) return false;
    int letters = 0;
    for (char c : w) {
      if (c >= 'A' && c <= 'Z') {
        ++letters;
      } else if (c != '.' && c != '&') {
        return false;
      }
    }
    return letters >= 2 && letters <= 8;
  }

  Span UnitsSpan(size_t a, size_t b) const { return Span{units_[a].span.start, units_[b - 1].span.end}; }
  std::string_view UnitsText(size_t a, size_t b) const { return Text(UnitsSpan(a, b)); }

  // Longest gazetteer entry starting at unit a, within [a, b). Returns its length.
  size_t LongestGaz(size_t a, size_t b, const GazEntry** out) const {
    // Connectors count as units, so an entry of w words may span up to 2w - 1 units.
    size_t words = caps_mode_ ? gaz_.max_words() : gaz_.MaxWordsFrom(UnitText(units_[a]));
    size_t max = std::min(b - a, 2 * words - 1);
    for (size_t len = max; len >= 1; --len) {
      if (units_[a + len - 1].connector) continue;
      if (const GazEntry* g = Find(UnitsText(a, a + len))) {
        *out = g;
        return len;
      }
    }
    *out = nullptr;
    return 0;
  }

  // In an all-capitals article, marks the words of multi-word places and organisations
  // ("UNITED STATES", "GULF OF GUINEA") that would otherwise read as ordinary words.
  void MarkCapsNames(const Sentence& s) {
    if (caps_name_.size() < a_.tokens.size()) caps_name_.assign(a_.tokens.size(), false);
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      if (!IsWord(i) || !a_.tokens[i].all_caps) continue;
      for (uint32_t len = 4; len >= 2; --len) {
        if (i + len > s.end_token) continue;
        Span span{a_.tokens[i].span.start, a_.tokens[i + len - 1].span.end};
        if (!Find(Text(span))) continue;
        for (uint32_t k = i; k < i + len; ++k) caps_name_[k] = IsWord(k);
        break;
      }
    }
  }

  // Whether the sentence is a headline in capitals: most of three words or more, or two.
  bool CapsSentence(const Sentence& s) const {
    size_t words = 0, caps = 0;
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      if (!IsWord(i) || a_.tokens[i].span.size() < 2) continue;
      ++words;
      if (a_.tokens[i].all_caps) ++caps;
      if (words - caps >= 2 && caps < 4 * (words - caps)) return false;  // most sentences stop here
    }
    // Two words may make a headline ("MINISTER RESIGNS"), when both are in capitals.
    return (words >= 3 && caps * 5 >= words * 4) || (words == 2 && caps == 2);
  }

  static bool IsDash(std::string_view p) {
    return p == "-" || p == "--" || p == "\xE2\x80\x94" || p == "\xE2\x80\x93";
  }

  // A dateline's tokens: [first, place_end) the place, [agency_first, agency_end) the
  // agency in parentheses (empty when none), and `end` the first token after the dash.
  struct Dateline {
    uint32_t place_end = 0, agency_first = 0, agency_end = 0, end = 0;
  };

  // "KESTRAVILLE 2026-03-04 -", "PORT ORVANE (Kestrel Wire) -", "LONDON, June 3 -": words in
  // capitals opening a paragraph, then a date, a region or an agency in parentheses, then
  // a dash, name the place the story is filed from. False when the sentence opens with no
  // dateline. Capitals before a bare dash ("NATO - the alliance") are a dateline only when
  // they are two words or a known place.
  bool ReadDateline(const Sentence& s, Dateline* out) const {
    const uint32_t end = s.end_token;
    uint32_t k = s.first_token;
    while (k < end && k - s.first_token < 6 &&
           ((IsWord(k) && a_.tokens[k].all_caps) || (Tok(k) == "." && k > s.first_token && IsWord(k - 1))))
      ++k;
    const uint32_t place_end = k;
    if (place_end == s.first_token || !IsWord(place_end - 1)) return false;
    out->place_end = place_end;
    out->agency_first = out->agency_end = 0;
    bool more = false;
    if (k < end && Tok(k) == ",") {  // ", Dornia", ", June 3"
      ++k;
      for (uint32_t start = k; k < end && k - start < 4 && (IsWord(k) || a_.tokens[k].kind == TokenKind::kNumber) &&
                               (a_.tokens[k].capitalized || a_.tokens[k].kind == TokenKind::kNumber);)
        ++k;
      more = true;
    }
    // A date: numbers, joined by dashes or slashes without spaces ("2026-03-04"), or a month.
    for (uint32_t start = k; k < end && k - start < 8; ++k) {
      const Token& t = a_.tokens[k];
      bool glued = k > start && t.span.start == a_.tokens[k - 1].span.end && k + 1 < end &&
                   a_.tokens[k + 1].span.start == t.span.end && (Tok(k) == "-" || Tok(k) == "/");
      if (t.kind != TokenKind::kNumber && !glued && !(IsWord(k) && (TokClasses(k) & kTime))) break;
      more = true;
    }
    if (k < end && Tok(k) == "(") {  // "(AP)", "(Kestrel Wire)"
      uint32_t close = k + 1;
      while (close < end && close - k < 8 && Tok(close) != ")") ++close;
      if (close >= end || Tok(close) != ")") return false;
      out->agency_first = k + 1;
      out->agency_end = close;
      k = close + 1;
      more = true;
    }
    if (k + 1 >= end || !IsDash(Tok(k))) return false;
    if (k + 2 < end && Tok(k + 1) == "-") ++k;  // "--" written as two dashes
    out->end = k + 1;
    const GazEntry* g = PlaceOf(s.first_token, place_end);
    return more || place_end - s.first_token >= 2 || g != nullptr;
  }

  // The gazetteer's place named by tokens [first, end), in any case ("PORT ORVANE"), or null.
  const GazEntry* PlaceOf(uint32_t first, uint32_t end) const {
    std::string_view text = Text(Span{a_.tokens[first].span.start, a_.tokens[end - 1].span.end});
    const GazEntry* g = gaz_.Find(text);
    if (g == nullptr) g = gaz_.Find(TitleCase(text));
    return g != nullptr && g->type == EntityType::kLoc ? g : nullptr;
  }

  // The mention of tokens [first, end) typed outright.
  void EmitTokens(uint32_t first, uint32_t end, MentionType type, const GazEntry* g) {
    Mention m;
    m.span = Span{a_.tokens[first].span.start, a_.tokens[end - 1].span.end};
    m.first_token = first;
    m.end_token = end;
    m.type = type;
    m.gaz = g;
    if (g != nullptr) m.country = std::string(g->country);
    m.units = 0;
    for (uint32_t t = first; t < end; ++t) m.units += IsWord(t) ? 1 : 0;
    m.forced_loc = type == MentionType::kLoc;
    m.acronym = end == first + 1 && a_.tokens[first].all_caps;
    int id = static_cast<int>(mentions_.size());
    for (uint32_t t = first; t < end; ++t) mention_at_[t] = id;
    mentions_.push_back(std::move(m));
  }

  // A dateline's place is a place, never an organisation; its agency an organisation.
  void EmitDateline(const Sentence& s, const Dateline& d) {
    EmitTokens(s.first_token, d.place_end, MentionType::kLoc, PlaceOf(s.first_token, d.place_end));
    if (d.agency_end > d.agency_first && a_.tokens[d.agency_first].capitalized && IsWord(d.agency_end - 1)) {
      const GazEntry* g = Find(Text(Span{a_.tokens[d.agency_first].span.start, a_.tokens[d.agency_end - 1].span.end}));
      EmitTokens(d.agency_first, d.agency_end, MentionType::kOrg, g != nullptr && g->type == EntityType::kOrg ? g : nullptr);
    }
  }

  void ScanSentence(const Sentence& s, bool paragraph_start) {
    uint32_t i = s.first_token;
    const uint32_t end = s.end_token;
    if (caps_mode_) MarkCapsNames(s);
    if (Dateline d; paragraph_start && ReadDateline(s, &d)) {
      EmitDateline(s, d);
      i = d.end;
    }
    while (i < end) {
      if (uint32_t close = ExpansionEnd(i, end); close > i) {
        // "FIRST (For Inspiration and Recognition of Science and Technology)": the words
        // whose initials spell the acronym before the parenthesis are its full name, one
        // organisation, joined to the acronym.
        // When the acronym opens a longer name ("the FIRST Global competition (...)"), the
        // spelled-out words are no entity of their own.
        const int acr = mention_at_[AcronymBefore(i)];
        if (mentions_[acr].acronym) {
          units_.assign(1, Unit{i, close - 1, Span{a_.tokens[i].span.start, a_.tokens[close - 1].span.end}, false, false});
          int id = Emit(0, 1, MentionType::kOrg, nullptr, "");
          mentions_[id].defined_by = acr;
        }
        i = close;
        continue;
      }
      if (!IsNameToken(i) && !ParticlesBeforeName(i, end)) {
        if (IsWord(i) && a_.tokens[i].capitalized && IsHyphenModifier(i)) {
          EmitHyphenParts(i);
          i = HyphenWordEnd(i);
        }
        ++i;
        continue;
      }
      units_.clear();
      uint32_t j = i;
      while (j < end && units_.size() < kMaxRunUnits) {
        if (IsNameToken(j) || ParticlesBeforeName(j, end) ||
            (IsParticle(j) && !units_.empty() && !units_.back().connector && ParticlesBeforeName(j, end))) {
          Unit u{j, j, a_.tokens[j].span, false, IsParticle(j)};
          if (j + 1 < end && Tok(j + 1) == "." && a_.tokens[j + 1].span.start == a_.tokens[j].span.end &&
              (IsInitial(j) || gaz_.IsAbbreviation(Tok(j)))) {
            u.last = j + 1;
            u.span.end = a_.tokens[j + 1].span.end;
          }
          // "Children's Fund", "People's Liberation Army": an ordinary plural with "'s"
          // inside an organisation's name.
          if (u.last == j && j + 2 < end && Tok(j + 1) == "'s" && IsNameToken(j + 2) && Tok(j).size() >= 5 &&
              gaz_.IsCommon(Tok(j)) && !Find(Tok(j)) && !gaz_.IsGivenName(Tok(j)) &&
              !(TokClasses(j) & (kOrgSuffix | kLocSuffix | kHead))) {
            u.last = j + 1;
            u.span.end = a_.tokens[j + 1].span.end;
          }
          // "Kestrel's Head", "Mara's Point": a possessive inside a place's name, when a
          // place word ends the name; not a known place's possession ("Kenya's Head of State").
          if (u.last == j && j + 2 < end && Tok(j + 1) == "'s" && IsNameToken(j + 2) &&
              (TokClasses(j + 2) & kPossPlace) && !Find(Tok(j)) &&
              !(j + 3 < end && (IsNameToken(j + 3) || StartsWithWord(Tok(j + 3), "of")))) {
            u.last = j + 1;
            u.span.end = a_.tokens[j + 1].span.end;
          }
          units_.push_back(u);
          j = u.last + 1;
          continue;
        }
        // "Kestra beat Dornia Wednesday 2-1": in a match report a day right after a name,
        // before the score or a result's verb, ends a club's name.
        if (score_ && !units_.empty() && !units_.back().connector && ClubDay(j, end)) {
          units_.push_back(Unit{j, j, a_.tokens[j].span, false, false});
          j = j + 1;
          break;
        }
        char buf[8];
        std::string_view w = LowerInto(Tok(j), buf, sizeof buf);
        // "and" joins names only inside an organisation or place name that opens with
        // its head word ("Department of Health and Human Services"); "Biden and Xi" are two.
        bool and_ok = w == "&" || (w == "and" && !units_.empty() &&
                                   ((ClassesOf(units_.front()) & (kOrgHead | kLocHead)) ||
                                    AllOrdinary(0, units_.size()) || OrgHeadBeforeOf(0, units_.size())));
        if (!units_.empty() && !units_.back().connector && (w == "of" || w == "for" || and_ok)) {
          uint32_t k = j + 1;
          if (k < end && StartsWithWord(Tok(k), "the") && w != "&") {
            if (w == "and") break;  // "the University of Arizona and the European Space Agency"
            ++k;
          }
          if (k < end && IsNameToken(k)) {
            units_.push_back(Unit{j, k - 1, Span{a_.tokens[j].span.start, a_.tokens[k - 1].span.end}, true, false});
            j = k;
            continue;
          }
        }
        break;
      }
      while (!units_.empty() && units_.back().connector) units_.pop_back();
      uint32_t prev = i;
      bool initial = true;
      if (prev > s.first_token) {
        --prev;
        initial = a_.tokens[prev].kind == TokenKind::kPunct && (IsOpener(Tok(prev)) || ListMarkerEnd(prev));
      }
      if (!units_.empty()) ProcessRun(initial);
      i = std::max(j, i + 1);
    }
  }

  // Whether token `t` ends the marker of a list item or a clause ("a)", "2)", ";"), after
  // which a run opens like a sentence: "sins: a) Leaving home, b) Refusing ..."
  bool ListMarkerEnd(uint32_t t) const {
    std::string_view p = Tok(t);
    if (p == ";") return true;
    if (p != ")" || t == 0) return false;
    std::string_view m = Tok(t - 1);
    const bool opened = t < 2 || IsStopPunct(Tok(t - 2)) || Tok(t - 2) == "(";
    return opened && !m.empty() &&
           (m.size() == 1 || std::all_of(m.begin(), m.end(), [](char c) { return c >= '0' && c <= '9'; }));
  }

  // The token of an acronym the mentions hold among the three words before the
  // parenthesis that token `i` follows ("FIRST (", "the FIRST Global competition ("), or 0.
  uint32_t AcronymBefore(uint32_t i) const {
    if (i < 2 || Tok(i - 1) != "(") return 0;
    for (uint32_t k = i - 2, n = 0; n < 3; --k, ++n) {
      if (!IsWord(k)) return 0;
      if (a_.tokens[k].all_caps && mention_at_[k] >= 0 && Tok(k).size() >= 2) return k;
      if (k == 0) return 0;
    }
    return 0;
  }

  // When token `i` opens the parenthesis after an acronym ("FIRST (For Inspiration and
  // Recognition of ...)", AcronymBefore) and the capitalised words up to the closing
  // parenthesis spell it (small connecting words skipped), the token of that parenthesis;
  // else `i`.
  uint32_t ExpansionEnd(uint32_t i, uint32_t end) const {
    const uint32_t acronym = AcronymBefore(i);
    if (acronym == 0 || !a_.tokens[i].capitalized) return i;
    std::string letters;
    for (char c : Tok(acronym))
      if (c >= 'A' && c <= 'Z') letters += c;
    if (letters.size() < 2) return i;
    std::string initials;
    for (uint32_t k = i; k < end && k < i + 3 * letters.size(); ++k) {
      std::string_view w = Tok(k);
      if (w == ")") return initials == letters ? k : i;
      if (!IsWord(k)) return i;
      if (a_.tokens[k].capitalized) initials += w[0];
      else if (w.size() > 4) return i;  // only small words ("and", "of", "for") between
    }
    return i;
  }

  bool ClubDay(uint32_t j, uint32_t end) const {
    std::string_view w = Tok(j);
    if (!a_.tokens[j].capitalized || a_.tokens[j].all_caps || !(TokClasses(j) & kTime) || w.size() < 6 ||
        !w.ends_with("day") || j + 1 >= end)
      return false;
    if (a_.tokens[j + 1].kind == TokenKind::kNumber) return true;
    static constexpr std::string_view kVerbs[] = {"beat", "beats", "drew", "draw", "lost", "lose",
                                                  "won", "win", "defeated", "edged", "thrashed"};
    return std::find(std::begin(kVerbs), std::end(kVerbs), Tok(j + 1)) != std::end(kVerbs);
  }

  void EmitHyphenParts(uint32_t i) {
    std::string_view w = HyphenWord(i);
    uint32_t base = a_.tokens[i].span.start;
    size_t pos = 0;
    while (pos <= w.size()) {
      size_t dash = w.find('-', pos);
      if (dash == std::string_view::npos) dash = w.size();
      std::string_view part = w.substr(pos, dash - pos);
      const GazEntry* g = part.empty() ? nullptr : Find(part);
      if (g && g->type == EntityType::kLoc) {
        Mention m;
        m.span = Span{static_cast<uint32_t>(base + pos), static_cast<uint32_t>(base + dash)};
        m.first_token = i;
        m.end_token = HyphenWordEnd(i) + 1;
        m.type = MentionType::kLoc;
        m.gaz = g;
        m.country = std::string(g->country);
        mentions_.push_back(std::move(m));
      }
      pos = dash + 1;
    }
  }

  int Emit(size_t a, size_t b, MentionType type, const GazEntry* g, std::string_view country) {
    Mention m;
    m.span = UnitsSpan(a, b);
    m.first_token = units_[a].first;
    m.end_token = units_[b - 1].last + 1;
    m.type = type;
    m.gaz = g;
    m.country = std::string(country);
    int n = 0;
    for (size_t k = a; k < b; ++k) n += units_[k].connector ? 0 : 1;
    m.units = n;
    m.acronym = b - a == 1 && IsAcronym(units_[a]);
    m.tagged = names_.Exact(m.span, &m.tagged_type);
    m.weak = headline_ && g == nullptr;
    if (type == MentionType::kPerson) {
      std::string_view last = Text(m.span);
      last = last.substr(last.rfind(' ') == std::string_view::npos ? 0 : last.rfind(' ') + 1);
      if (last.find('-') != std::string_view::npos) hyphen_surnames_.insert(last);
    }
    int id = static_cast<int>(mentions_.size());
    for (uint32_t t = m.first_token; t < m.end_token; ++t) mention_at_[t] = id;
    mentions_.push_back(std::move(m));
    return id;
  }

  static MentionType TypeOf(const GazEntry* g) {
    return g->type == EntityType::kOrg ? MentionType::kOrg : MentionType::kLoc;
  }

  // The country a leading nationality word or country name gives a chunk ("Chinese
  // Foreign Ministry", "U.S. Navy").
  // Also a country or nationality inside the name ("State Bank of Pakistan", "Royal Thai
  // Army", "Cricket Australia").
  std::string_view PrefixCountry(size_t a, size_t b) const {
    for (size_t k = a; k < b; ++k) {
      if (units_[k].connector) continue;
      std::string_view d = Demonym(UnitText(units_[k]));
      if (!d.empty()) return d;
      const GazEntry* g = nullptr;
      size_t len = LongestGaz(k, b, &g);
      if (len > 0 && len < b - a && g->type == EntityType::kLoc && g->kind == PlaceKind::kCountry) return g->country;
      if (len > 1) k += len - 1;
    }
    return {};
  }

  // Types a chunk of units [a, b) and emits it; returns the mention id or -1.
  int Classify(size_t a, size_t b, bool titled, bool initial_weak) {
    size_t n = b - a;
    std::string_view text = UnitsText(a, b);
    const uint32_t first = ClassesOf(units_[a]);
    const uint32_t last = ClassesOf(units_[b - 1]);
    bool has_of = false, person_shape = false;
    for (size_t k = a; k < b; ++k) {
      if (units_[k].connector && StartsWithWord(UnitText(units_[k]), "of")) has_of = true;
      if (units_[k].particle) person_shape = true;
      if (units_[k].last > units_[k].first && IsInitial(units_[k].first)) person_shape = true;
    }
    if (n == 1 && !Demonym(text).empty() && !(Find(text) && Find(text)->kind == PlaceKind::kCountry)) return -1;
    // "Celsius", "HIV", "WeChat"; "Cyclone Mireva": no person, organisation or place.
    if ((n == 1 && (first & kNotName)) || (n >= 2 && (first & kOtherHead))) return -1;
    // "World Cup", "Pan American Games", "Waitangi Day": an event, a competition, a holiday
    // or a prize is no entity (a given name first is a person: "Doris Day").
    if (n >= 2 && gaz_.IsEventWord(UnitText(units_[b - 1])) && !gaz_.IsNewsGivenName(UnitText(units_[a])) &&
        !Find(text))
      return -1;
    // "Group F", "Plan B": a letter alone names nobody, nor does a capitalised article,
    // preposition, question word or conjunction ("2015 On Tuesday", a date glued to the
    // sentence; "Which", "THEREFORE").
    if (n == 1 && text.size() <= 9) {
      char buf[16];
      std::string_view low = LowerInto(text, buf, sizeof buf);
      if (text.size() == 1 || IsDeterminer(text) || IsPreposition(low) || (IsFunctionWord(low) && !Find(text)))
        return -1;  // "WHO" the organisation is known
    }
    // "Hantavirus", "Coronavirus": a virus is no entity.
    if (n == 1 && text.size() > 5 && (text.ends_with("virus") || text.ends_with("Virus"))) return -1;
    // "Le gouvernement ...": a foreign article alone opens a sentence of that language.
    if (n == 1 && (first & kArticle) && units_[a].last + 1 < a_.tokens.size() && IsWord(units_[a].last + 1) &&
        !a_.tokens[units_[a].last + 1].capitalized)
      return -1;
    const uint32_t before = units_[a].first;  // a sentence's first word is cut off the run
    if (before > 0 && a_.tokens[before - 1].capitalized && (TokClasses(before - 1) & kOtherHead)) return -1;
    if (const GazEntry* g = Find(text)) return Emit(a, b, TypeOf(g), g, g->country);
    // "Kestrel's Head": a place word after a possessive (units are built so, see ScanSentence).
    if (n >= 2 && (last & kPossPlace) && UnitText(units_[b - 2]).ends_with("'s"))
      return Emit(a, b, MentionType::kLoc, nullptr, "");
    // "Kestra beat Dornia Wednesday 2-1": a club's name ending in a day (ScanSentence).
    if (n >= 2 && (last & kTime)) {
      int id = Emit(a, b, MentionType::kOrg, nullptr, "");
      mentions_[id].team = true;
      return id;
    }
    // "Le Kestrel", "La Velmara": a foreign article and one word name a newspaper, a place
    // or a body, not a person (whose given name would come first: "Marine Le Varn"), unless
    // the tagger reads a person there. Longer names stay open: "Le Van Thanh" is Vietnamese.
    if (n == 2 && !titled && (first & kArticle) && !names_.Covers(UnitsSpan(a, b), EntityType::kPerson)) {
      EntityType tagged = EntityType::kOrg;
      bool loc = names_.Exact(UnitsSpan(a, b), &tagged) && tagged == EntityType::kLoc;
      int id = Emit(a, b, loc ? MentionType::kLoc : MentionType::kOrg, nullptr, "");
      mentions_[id].article = true;
      return id;
    }
    // "Construtora Belmiro", "Avenida Paulista", "Stade Kestrel": the first word says.
    if (n >= 2 && (first & kOrgPrefix)) return Emit(a, b, MentionType::kOrg, nullptr, PrefixCountry(a, b));
    if (n >= 2 && (first & kLocPrefix)) return Emit(a, b, MentionType::kLoc, nullptr, "");
    for (size_t k = a; k < b; ++k) {  // "Lindqvist & Partners", "Procter & Gamble"
      if (units_[k].connector && UnitText(units_[k]) == "&") return Emit(a, b, MentionType::kOrg, nullptr, "");
    }
    if (n >= 2 && (last & kOrgSuffix) && !person_shape)
      return Emit(a, b, MentionType::kOrg, nullptr, PrefixCountry(a, b));
    // "Max Planck Institute for Plasma Physics", "Chamber of Commerce", "Gulf of Aden".
    uint32_t head_before_of = has_of ? first & (kOrgHead | kLocHead) : 0;
    for (size_t k = a + 1; k < b; ++k) {
      if (units_[k].connector && !StartsWithWord(UnitText(units_[k]), "and"))
        head_before_of |= ClassesOf(units_[k - 1]) & (kOrgHead | kOrgSuffix | kLocHead);
    }
    if (n >= 3 && (head_before_of & (kOrgHead | kOrgSuffix)))
      return Emit(a, b, MentionType::kOrg, nullptr, PrefixCountry(a, b));
    if (n >= 3 && (head_before_of & kLocHead)) return Emit(a, b, MentionType::kLoc, nullptr, "");
    if (n >= 2 && ((last & kLocSuffix) || gaz_.IsVenue(UnitText(units_[b - 1]))) && !person_shape) {
      const GazEntry* inner = nullptr;
      size_t len = LongestGaz(a, b, &inner);
      bool admin = (last & kAdminSuffix) && inner && len == n - 1 && inner->kind != PlaceKind::kCountry;
      return Emit(a, b, MentionType::kLoc, nullptr, admin ? inner->country : std::string_view());
    }
    if (n >= 2 && (first & kCompass)) {
      const GazEntry* rest = Find(UnitsText(a + 1, b));
      if (rest && rest->type == EntityType::kLoc)
        return Emit(a, b, MentionType::kLoc, nullptr,
                    rest->kind == PlaceKind::kCountry ? rest->country : std::string_view());
    }
    if (n > static_cast<size_t>(kMaxChunkUnits)) return -1;
    // "BREAKING", "UPDATE": an ordinary word of five letters or more written in capitals is
    // no acronym (known ones, "SWIFT", are in the gazetteers).
    if (n == 1 && IsAcronym(units_[a]) && !titled && text.size() >= 5 && !Find(text) && !caps_mode_) {
      char buf[16];
      if (text.size() < sizeof buf && OrdinaryWord(LowerInto(text, buf, sizeof buf))) return -1;
    }
    if (n == 1 && IsAcronym(units_[a]) && !titled) {
      // "LONDON" in a mixed-case sentence: a place of four letters or more that the
      // gazetteer knows in title case is that place, not an acronym.
      if (const GazEntry* g = text.size() >= 4 ? gaz_.Find(TitleCase(text)) : nullptr;
          g != nullptr && g->type == EntityType::kLoc)
        return Emit(a, b, MentionType::kLoc, g, g->country);
      return Emit(a, b, MentionType::kOrg, nullptr, "");
    }
    if (n == 1 && (first & kOrgSuffix) && !titled && !initial_weak) return Emit(a, b, MentionType::kOrg, nullptr, "");
    if (n == 1 && !titled && IsRoleWord(UnitText(units_[a]))) return -1;
    if (n <= 3 && !titled && LoneAdjective(a, b)) return -1;
    // "a former Marine", "an American": a single capitalised noun after an indefinite
    // article names nobody, unless it qualifies a role after it and names an entity met
    // elsewhere ("a Heineken spokesman": a weak mention, kept only then).
    if (n == 1 && !titled && units_[a].first >= 2 && !Find(text)) {
      for (uint32_t t = units_[a].first - 1, k = 0; k < 3 && t > 0; --t, ++k) {
        std::string_view w = Tok(t);
        if (w == "a" || w == "an" || w == "A" || w == "An") {
          const uint32_t after = units_[b - 1].last + 1;
          if (after >= a_.tokens.size() || !IsRole(after)) return -1;
          int id = Emit(a, b, MentionType::kUnknown, nullptr, "");
          mentions_[id].weak = true;
          return id;
        }
        if (!(gaz_.Classes(w) & kMod)) break;
      }
    }
    if (n >= 2 && !titled && !person_shape && !gaz_.IsNewsGivenName(UnitText(units_[a]))) {
      // "Red Crescent", "Real Madrid", "Bayern Munich": an ordinary word or a city does not
      // open a person's name, and people take no article ("the Red Crescent").
      const GazEntry* tail = Find(UnitText(units_[b - 1]));
      uint32_t before = units_[a].first;
      bool article = before > 0 && StartsWithWord(Tok(before - 1), "the");
      bool role_before = before > 0 && IsRole(before - 1);  // "Kenyan leader Amina Waweru"
      bool ordinary = gaz_.IsCommon(UnitText(units_[a])) &&
                      (gaz_.IsCommon(UnitText(units_[b - 1])) || (tail && tail->type == EntityType::kLoc));
      // The tagger reading a person there outweighs an ordinary word and a town ("Dean
      // Kamen": "dean" is a word, Kamen a town).
      if (ordinary && !article && names_.Covers(UnitsSpan(a, b), EntityType::kPerson)) ordinary = false;
      if (!role_before && (ordinary || article)) return Emit(a, b, MentionType::kOrg, nullptr, "");
    }
    if (n >= 3 && !titled && !person_shape && Ordinary(units_[b - 1]) && Ordinary(units_[b - 2]))
      return Emit(a, b, MentionType::kOrg, nullptr, "");  // "James Webb Space Telescope"
    if (n == 1 && gaz_.IsAbbreviation(UnitText(units_[a]).substr(0, UnitText(units_[a]).size() - 1)) &&
        UnitText(units_[a]).back() == '.')
      return -1;  // "Inc." alone
    // No rule types the name. Several words: the tagger's type when it found exactly this
    // name; nothing when it found no name there, the name opens with an ordinary word, no
    // given name or surname says person and no role word precedes it ("Fresh Start Plan", a
    // capitalised phrase); else a person. One word: unknown, typed
    // when resolved (entities.cc).
    const Span span = UnitsSpan(a, b);
    EntityType tagged = EntityType::kPerson;
    const bool known = names_.Exact(span, &tagged);
    const bool scored = results_ && units_[b - 1].last + 1 < a_.tokens.size() &&
                        a_.tokens[units_[b - 1].last + 1].kind == TokenKind::kNumber;  // "Port Orvane 3"
    if (n >= 2 && !titled && !person_shape && !scored && names_.NoneIn(span) && OrdinaryWord(UnitText(units_[a])) &&
        !gaz_.IsNewsGivenName(UnitText(units_[a])) && !gaz_.IsSurname(UnitText(units_[b - 1])) &&
        !(units_[a].first > 0 && (IsRole(units_[a].first - 1) || PluralRoleBefore(units_[a].first) >= 0)))
      return -1;
    // "Polaroids", "Clouds": one word, the plural of an ordinary word, that the tagger does
    // not read as a name names something only when it is met elsewhere ("Waters" after
    // "Kathryn Waters").
    const bool plain_plural = n == 1 && !titled && text.size() > 3 && text.back() == 's' &&
                              OrdinaryWord(text.substr(0, text.size() - 1)) && !gaz_.IsSurname(text) &&
                              names_.NoneIn(span);
    if (initial_weak || plain_plural) {
      int id = Emit(a, b, MentionType::kUnknown, nullptr, "");
      mentions_[id].weak = true;
      return id;
    }
    if (known && n >= 2 && !titled && !person_shape) return Emit(a, b, TypeOfEntity(tagged), nullptr, "");
    if (n >= 2 || titled || person_shape || (last & kNameSuffix)) {
      return Emit(a, b, MentionType::kPerson, nullptr, "");
    }
    return Emit(a, b, MentionType::kUnknown, nullptr, "");
  }

  // An ordinary word that is no surname ("Space", "Telescope"; not "Gates").
  bool Ordinary(const Unit& u) const {
    std::string_view w = UnitText(u);
    return gaz_.IsCommon(w) && !gaz_.IsSurname(w) && !gaz_.IsGivenName(w) && !Find(w);
  }

  // Whether units [a, b) are all ordinary words written as a name ("Disaster" in "Disaster
  // and Emergency Management Authority"), not places, nationalities or given names.
  bool AllOrdinary(size_t a, size_t b) const {
    if (a >= b || Find(UnitsText(a, b))) return false;
    for (size_t k = a; k < b; ++k) {
      std::string_view w = UnitText(units_[k]);
      if (units_[k].connector || !gaz_.IsCommon(w) || Find(w) || gaz_.IsNewsGivenName(w) || !Demonym(w).empty())
        return false;
    }
    return true;
  }

  // Whether an "of"/"for" in units [a, b) follows an organisation's head word ("Chamber of
  // Commerce and Industry").
  bool OrgHeadBeforeOf(size_t a, size_t b) const {
    for (size_t k = a + 1; k < b; ++k) {
      std::string_view c = UnitText(units_[k]);
      if (units_[k].connector && (StartsWithWord(c, "of") || StartsWithWord(c, "for")) &&
          (ClassesOf(units_[k - 1]) & (kOrgHead | kOrgSuffix)))
        return true;
    }
    return false;
  }

  // Splits units [p, n) at connectors unless an organisation or place pattern holds them
  // together, and classifies each chunk. `title` applies to the first chunk.
  void Chunk(size_t p, size_t n, int title_from) {
    const GazEntry* whole = Find(UnitsText(p, n));
    size_t a = p;
    bool first_chunk = true;
    auto flush = [&](size_t b) {
      while (a < b && units_[a].connector) ++a;
      if (a >= b) return;
      int id = Classify(a, b, first_chunk && title_from >= 0, false);
      if (id >= 0 && first_chunk && title_from >= 0) AttachInRunTitle(id, title_from, a);
      first_chunk = false;
    };
    // "... Ambassador to the United States Hamdullah Mohib": a country opening a run whose
    // rest is a person's name (the tagger reads one there, or PersonShaped) is a place of
    // its own.
    if (!whole && title_from < 0) {
      const GazEntry* g = nullptr;
      const size_t len = LongestGaz(p, n, &g);
      if (len > 0 && p + len < n && g->kind == PlaceKind::kCountry && !units_[p + len].connector &&
          (names_.Covers(UnitsSpan(p + len, n), EntityType::kPerson) || PersonShaped(p + len, n))) {
        flush(p + len);
        a = p + len;
      }
    }
    if (!whole) {
      const bool org_end = ClassesOf(units_[n - 1]) & kOrgSuffix;
      for (size_t k = p; k < n; ++k) {
        if (!units_[k].connector) continue;
        std::string_view c = UnitText(units_[k]);
        // "Ministry of Foreign Affairs", "Federal Reserve Bank of New York", "Disaster and
        // Emergency Management Authority" hold together; "Shares of Microsoft Corp." does not.
        bool keep = c == "&" || (ClassesOf(units_[a]) & (kOrgHead | kLocHead)) != 0 ||
                    (StartsWithWord(c, "and") && OrgHeadBeforeOf(a, k)) ||
                    (!StartsWithWord(c, "and") && (ClassesOf(units_[k - 1]) & (kOrgHead | kOrgSuffix | kLocHead))) ||
                    (org_end && StartsWithWord(c, "and") && AllOrdinary(a, k));
        if (keep) continue;
        flush(k);
        a = k + 1;
      }
    }
    flush(n);
  }

  // Whether units [a, b) look like a person's full name on their own: two words or more, no
  // connector, and a given name first or else no word that is an ordinary word, a known name
  // or a cue of an organisation or place ("Hamdullah Mohib"; not "Airways", "Army").
  bool PersonShaped(size_t a, size_t b) const {
    if (b < a + 2) return false;
    if (gaz_.IsNewsGivenName(UnitText(units_[a])) && !units_[a + 1].connector) return true;
    for (size_t k = a; k < b; ++k) {
      std::string_view w = UnitText(units_[k]);
      if (units_[k].connector || gaz_.IsCommon(w) || Find(w) || !Demonym(w).empty() ||
          (ClassesOf(units_[k]) & (kOrgSuffix | kLocSuffix | kOrgHead | kLocHead)))
        return false;
    }
    return true;
  }

  void AttachInRunTitle(int id, int title_from, size_t name_unit) {
    Mention& m = mentions_[id];
    m.title = Span{units_[title_from].span.start, units_[name_unit - 1].span.end};
    m.title_rank = 3;
    if (m.type == MentionType::kUnknown) m.type = MentionType::kPerson;
    for (size_t k = title_from; k < name_unit; ++k) {
      std::string_view d = Demonym(UnitText(units_[k]));
      if (!d.empty() && m.country.empty()) m.country = std::string(d);
    }
    for (int sub : title_subs_) {
      m.linked.push_back(sub);
      const Mention& s = mentions_[sub];
      if (m.country.empty() && s.type == MentionType::kLoc && s.gaz && s.gaz->kind == PlaceKind::kCountry)
        m.country = s.country;
    }
  }

  void ProcessRun(bool initial) {
    const size_t n = units_.size();
    size_t p = 0;
    while (p < n && (ClassesOf(units_[p]) & kHonorific) && p + 1 < n) ++p;
    bool honorific = p > 0;

    // Title prefix: "U.S. Defense Secretary", "Secretary of State", "CIA Director".
    title_subs_.clear();
    size_t q = p, title_end = p;
    bool has_head = false;
    std::vector<std::pair<size_t, size_t>> subs;
    while (q < n) {
      const Unit& u = units_[q];
      if (u.connector) {
        if (has_head && (StartsWithWord(UnitText(u), "of") || StartsWithWord(UnitText(u), "for")) && q + 1 < n &&
            (ClassesOf(units_[q + 1]) & kDomain)) {
          q += 2;
          while (q < n && !units_[q].connector && (ClassesOf(units_[q]) & kDomain)) ++q;
          title_end = q;
          continue;
        }
        break;
      }
      uint32_t cls = ClassesOf(u);
      if (q + 2 == n && UnitText(u).ends_with("'s") && (ClassesOf(units_[q + 1]) & kPossPlace)) break;
      if ((cls & kHead) || GluedRank(q, n)) {
        has_head = true;
        title_end = ++q;
        continue;
      }
      if ((cls & kOrgPrefix) && q + 1 < n && !units_[q + 1].connector) {  // "Athletics Kenya president"
        const GazEntry* g = nullptr;
        size_t len = LongestGaz(q + 1, n, &g);
        if (len > 0 && g->kind == PlaceKind::kCountry) {
          subs.emplace_back(q, q + 1 + len);
          q += 1 + len;
          continue;
        }
      }
      if (cls & (kMod | kDomain)) {
        ++q;
        continue;
      }
      // An ordinary word qualifying a role: "Disaster Management Minister", "EU Competition
      // Commissioner". Only kept if a role word follows (title_end moves only on heads).
      std::string_view uw = UnitText(u);
      if (gaz_.IsCommon(uw) && !gaz_.IsNewsGivenName(uw) && !Find(uw) && q + 1 < n) {
        ++q;
        continue;
      }
      if (!Demonym(UnitText(u)).empty()) {
        ++q;
        continue;
      }
      if (q + 1 < n && !units_[q + 1].connector && !Demonym(UnitsText(q, q + 2)).empty()) {
        q += 2;  // "South Korean"
        continue;
      }
      const GazEntry* g = nullptr;
      size_t len = LongestGaz(q, n, &g);
      if (len > 0 && (g->type == EntityType::kOrg || g->kind == PlaceKind::kCountry)) {
        subs.emplace_back(q, q + len);
        q += len;
        continue;
      }
      if (size_t org = OrgBeforeTitle(q, n); org > q) {
        subs.emplace_back(q, org);  // "European Commission President"
        q = org;
        continue;
      }
      if (IsAcronym(u)) {
        subs.emplace_back(q, q + 1);
        ++q;
        continue;
      }
      break;
    }
    if (!has_head) title_end = p;
    if (title_end > p && title_end < n) {
      // "Justice Department", "General Motors": the rest is an organisation, not a name.
      const GazEntry* g = Find(UnitsText(p, n));
      uint32_t last = ClassesOf(units_[n - 1]);
      // Ordinary words after the title are a name when the tagger reads a person there
      // ("President Trump", "Prime Minister John Key": "trump", "john" and "key" are words).
      if (g || (last & (kOrgSuffix | kLocSuffix)) ||
          (AllOrdinary(title_end, n) && !names_.Covers(UnitsSpan(title_end, n), EntityType::kPerson)))
        title_end = p;
    }
    int title_from = -1;
    if (title_end > p) {
      for (auto [a, b] : subs) {
        if (b > title_end) break;
        int id = Classify(a, b, false, false);
        if (id >= 0) title_subs_.push_back(id);
      }
      if (title_end == n) return;  // a title alone names nobody
      title_from = static_cast<int>(p);
      p = title_end;
    } else if (p == 0 && initial && DropsInitial(n)) {
      if (n == 1) {
        int id = Classify(0, 1, false, true);  // kept only if it names something met elsewhere
        if (id >= 0) mentions_[id].weak = true;
        return;
      }
      // "Macron and Xi signed": a word a connector parts from the rest is a weak name of its
      // own, kept only if it names something met elsewhere ("Emmanuel Macron").
      if (units_[1].connector) {
        int id = Classify(0, 1, false, true);
        if (id >= 0) mentions_[id].weak = true;
      }
      units_.erase(units_.begin());  // "Despite", "Disaster" of "Disaster Management Minister"
      while (!units_.empty() && units_.front().connector) units_.erase(units_.begin());
      if (!units_.empty()) ProcessRun(false);
      return;
    }
    while (p < n && units_[p].connector) ++p;
    if (p >= n) return;
    if (honorific && title_from < 0) {
      int id = Classify(p, n, true, false);
      if (id >= 0 && mentions_[id].type == MentionType::kUnknown) mentions_[id].type = MentionType::kPerson;
      return;
    }
    Chunk(p, n, title_from);
  }

  // "Centre Tomas Varel", "Advocate Thandiwe Moroka", "Geophysicist Ana Ruiz": a position
  // or rank (`rank`), or a WordNet noun for a person, written before a name of two words or
  // more that opens with a given name (or that the tagger reads as a person's) is the
  // title, not part of the name.
  bool GluedRank(size_t q, size_t n) const {
    if (q + 3 > n || units_[q].connector || units_[q + 1].connector || units_[q + 2].connector) return false;
    std::string_view w = UnitText(units_[q]);
    const uint32_t cls = ClassesOf(units_[q]);
    if (!(cls & (kRank | kRole)) || gaz_.IsGivenName(w) || gaz_.IsSurname(w) || (!(cls & kRank) && Find(w)))
      return false;
    const bool person = gaz_.IsGivenName(UnitText(units_[q + 1])) || names_.Covers(UnitsSpan(q + 1, q + 3), EntityType::kPerson);
    // A WordNet noun for a person may be a given name too ("John", "Bishop"): not when the
    // tagger reads it as the start of the person's name.
    if (!(cls & kRank)) return person && !names_.Covers(UnitsSpan(q, q + 2), EntityType::kPerson);
    if (person) return true;
    // A rank before two unknown words that are no ordinary words or places ("Advocate
    // Thandiwe Moroka", where neither the given names nor the tagger know the name).
    auto unknown = [&](const Unit& u) { return !gaz_.IsCommon(UnitText(u)) && !Find(UnitText(u)); };
    return (cls & kRank) && q + 3 == n && unknown(units_[q + 1]) && unknown(units_[q + 2]);
  }

  // End of an organisation name that starts at unit q and is directly followed by a role
  // word ("European Commission" in "European Commission President"), or q.
  size_t OrgBeforeTitle(size_t q, size_t n) const {
    for (size_t k = q + 1; k + 1 < n && k < q + 5; ++k) {
      if (units_[k].connector) return q;
      if ((ClassesOf(units_[k]) & kOrgSuffix) && (ClassesOf(units_[k + 1]) & kHead)) return k + 1;
    }
    return q;
  }

  // Whether the first word of a sentence-initial run is an ordinary word ("Despite",
  // "The", "Meanwhile") rather than the start of a name.
  bool DropsInitial(size_t n) const {
    std::string_view w = UnitText(units_[0]);
    if (!OrdinaryWord(w) || !Demonym(w).empty()) return false;
    const GazEntry* g = nullptr;
    size_t len = LongestGaz(0, n, &g);
    if (len >= 2 || (len == 1 && (g->kind == PlaceKind::kCountry || g->kind == PlaceKind::kCapital))) return false;
    if (n > 1 && gaz_.IsNewsGivenName(w) && !units_[1].connector) return false;
    if (n > 1 && units_[1].particle) return false;  // "Von der Leyen said"
    // "Port Orvane 10 6 3 1 21", "Port Orvane 3 Tarn 1": a team's name opens a table's row.
    if (const uint32_t after = units_[n - 1].last + 1;
        results_ && after < a_.tokens.size() && a_.tokens[after].kind == TokenKind::kNumber)
      return false;
    // "Athletics Kenya said", "Kestrel's Head lies": the first word opens the name.
    if (n > 1 && (ClassesOf(units_[0]) & kOrgPrefix)) return false;
    if (n == 2 && w.ends_with("'s") && (ClassesOf(units_[1]) & kPossPlace)) return false;
    // "Reporters Without Borders said", "Amnesty International urged": ordinary words that
    // together name someone who speaks.
    uint32_t next = units_[n - 1].last + 1;
    if (n > 1 && !IsDeterminer(w) && next < a_.tokens.size() && (TokClasses(next) & kSpeechVerb) &&
        std::none_of(units_.begin(), units_.begin() + n, [](const Unit& u) { return u.connector; }))
      return false;
    if (n > 1 && (ClassesOf(units_[n - 1]) & kOrgSuffix) && !IsDeterminer(w) &&
        std::none_of(units_.begin(), units_.end(), [](const Unit& u) { return u.connector; }))
      return false;  // "Apple Inc.", "Greater Manchester Police"
    return true;
  }

  // ---- context around a mention: titles, "City, State", acronym definitions.

  // After a locative preposition ("in Austin") or "the town of"; after a country's
  // possessive ("Bangladesh's Foreign Ministry").
  // A result in the sentence: two numbers joined by a dash ("2-1", "63–7").
  // Also says whether the sentence holds a digit at all.
  bool HasScore(const Sentence& s, bool* digit) const {
    std::string_view t = Text(s.span);
    *digit = false;
    for (size_t i = 0; i < t.size(); ++i) {
      if (!IsDigit(t[i])) continue;
      *digit = true;
      if (i + 2 < t.size() && t[i + 1] == '-' && IsDigit(t[i + 2])) return true;
    }
    return t.find("\xE2\x80\x93") != std::string_view::npos;  // en dash
  }
  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

  // A list of results in the sentence: a capitalised word, a number, a capitalised word, a
  // number ("Kestra 2 Dornia 1"; "Port Orvane 3" ends the second name in a later token); or
  // a row of a table of them (TableRowAt).
  bool HasResultsList(const Sentence& s) const {
    for (uint32_t t = s.first_token; t + 2 < s.end_token; ++t) {
      if (a_.tokens[t + 1].kind != TokenKind::kNumber || !a_.tokens[t].capitalized) continue;
      if (TableRowAt(t + 1)) return true;
      if (!a_.tokens[t + 2].capitalized) continue;
      for (uint32_t k = t + 3; k < s.end_token && k < t + 7; ++k) {
        if (a_.tokens[k].kind == TokenKind::kNumber) return true;
        if (!a_.tokens[k].capitalized) break;
      }
    }
    return false;
  }

  // "Kestra 10 7 2 1 23": four whole numbers or more of up to three digits each from token
  // t on, as a table of standings or medals gives them after a team's name (a table of
  // figures has decimals or larger numbers).
  bool TableRowAt(uint32_t t) const {
    int numbers = 0;
    for (; t < a_.tokens.size() && a_.tokens[t].kind == TokenKind::kNumber && numbers < 4; ++t) {
      std::string_view n = Tok(t);
      if (n.size() > 3 || !std::all_of(n.begin(), n.end(), IsDigit)) return false;
      ++numbers;
    }
    return numbers >= 4;
  }

  // "Leeds beat Sheffield 2-1", "Arsenal drew with Burnley", "Brazil won 3-0 against
  // Argentina": a place that is the subject or object of a match result's verb in a
  // sentence with a score is the club or the national team, an organisation (read from the
  // parse).
  void ReadTeam(int id) {
    Mention& m = mentions_[id];
    if (m.type != MentionType::kLoc && m.type != MentionType::kUnknown) return;
    const int32_t head = HeadWord(a_, m.span);
    if (head < 0) return;
    const Word& w = a_.words[head];
    static const int nsubj = ud::DeprelIndex("nsubj"), obj = ud::DeprelIndex("obj"), obl = ud::DeprelIndex("obl");
    if (w.head < 0 || (w.deprel != nsubj && w.deprel != obj && w.deprel != obl)) return;
    if (w.deprel == obl) {  // "drew with Burnley", "lost to Ghana"; not "in Manaus"
      bool result = false;
      for (int32_t k = head - 1; k >= 0 && k >= head - 3; --k) {
        std::string_view c = a_.Text(a_.words[k].span);
        if (a_.words[k].head == head && (c == "with" || c == "to" || c == "against")) result = true;
      }
      if (!result) return;
    }
    static constexpr std::string_view kResults[] = {"beat",  "defeat", "draw",      "lose", "edge",
                                                    "thrash", "rout",  "overcome", "stun", "upset",
                                                    "outclass", "hold", "win"};
    const std::string& verb = a_.words[w.head].lemma;
    if (std::find(std::begin(kResults), std::end(kResults), verb) == std::end(kResults)) return;
    MakeTeam(&m);
  }

  // A place or name read as a sports team: an organisation, kept apart from the place; a
  // national team ("Brazil won 3-0") keeps its country, a club has none of its own.
  static void MakeTeam(Mention* m) {
    const bool national = m->gaz != nullptr && m->gaz->kind == PlaceKind::kCountry;
    m->type = MentionType::kOrg;
    m->gaz = nullptr;
    if (!national) m->country.clear();
    m->team = true;
  }

  // "Kestra 2 Dornia 1, Velmaria 0 Port Orvane 3": a name, a number, a name, a number is a
  // result; both names are teams, whatever they would be alone; so is a name that opens a
  // table's row ("Kestra 10 7 2 1 23"). Not for people named by a given name (a golf
  // leaderboard "Ana Velaz 68 70 69 71"), nor, in a table, for a name the tagger reads as
  // a person. A result pair needs the given name: the tagger's guess on an unknown word
  // ("Lusk Rovers 1 Tarn 1") does not outweigh the pattern.
  void ReadResultsList(size_t first) {
    auto number = [&](uint32_t t) { return t < a_.tokens.size() && a_.tokens[t].kind == TokenKind::kNumber; };
    auto named_person = [&](const Mention& m, bool tagger) {
      return m.type == MentionType::kPerson &&
             (gaz_.IsGivenName(Tok(m.first_token)) || (tagger && names_.Covers(m.span, EntityType::kPerson)));
    };
    for (size_t x = first; x < mentions_.size(); ++x) {
      const uint32_t e = mentions_[x].end_token;
      if (TableRowAt(e) && !named_person(mentions_[x], true)) MakeTeam(&mentions_[x]);
      if (!number(e) || e + 1 >= a_.tokens.size() || mention_at_[e + 1] < 0) continue;
      Mention& home = mentions_[x];
      Mention& away = mentions_[mention_at_[e + 1]];
      if (away.first_token != e + 1 || !number(away.end_token) || named_person(home, false) ||
          named_person(away, false))
        continue;
      MakeTeam(&home);
      MakeTeam(&away);
    }
  }

  void ReadPlaceContext(const Sentence& s, int id) {
    Mention& m = mentions_[id];
    if (m.first_token >= s.first_token + 2 && Tok(m.first_token - 1) == "'s" && m.country.empty() &&
        m.type != MentionType::kLoc) {
      int owner = mention_at_[m.first_token - 2];
      if (owner >= 0 && mentions_[owner].gaz && mentions_[owner].gaz->kind == PlaceKind::kCountry)
        m.country = mentions_[owner].country;
    }
    if (m.first_token > s.first_token) {
      std::string_view prev = Tok(m.first_token - 1);
      if (!a_.tokens[m.first_token - 1].capitalized && (TokClasses(m.first_token - 1) & kLocative))
        m.loc_context = true;
      // "the town of Pututu", "the port of Mongla", "Malatya province"
      if (prev == "of" && m.first_token >= s.first_token + 2 && !a_.tokens[m.first_token - 2].capitalized &&
          (TokClasses(m.first_token - 2) & (kAdminSuffix | kPlaceNoun)))
        m.loc_context = true;
      // "an analyst at Drewry": a workplace, not a place.
      if (prev == "at" && m.first_token >= s.first_token + 2 && IsRole(m.first_token - 2)) m.loc_context = false;
      // "in Oddar Meanchey": an unknown name after "in" that opens with no given name.
      if (m.loc_context && m.type == MentionType::kPerson && m.title_rank == 0 && !m.gaz &&
          !gaz_.IsGivenName(Tok(m.first_token)) && prev != "to" && prev != "from")
        m.type = MentionType::kLoc;
    }
  }

  // "the Danish shipping group A.P. Moller-Maersk", "its German rival Hapag-Lloyd": a
  // nationality inside the noun phrase that ends with an organisation's name.
  void PrenominalCountry(const Sentence& s, int id) {
    Mention& m = mentions_[id];
    if (!m.country.empty()) return;
    for (uint32_t t = m.first_token; t-- > s.first_token && t + 6 > m.first_token;) {
      if (!IsWord(t) || mention_at_[t] >= 0) return;
      std::string_view w = Tok(t);
      if (IsDeterminer(w) || w == "its" || w == "their") return;
      if (std::string_view d = Demonym(w); !d.empty() && a_.tokens[t].capitalized) {
        m.country = std::string(d);
        return;
      }
      if (a_.tokens[t].capitalized) return;
    }
  }

  void ReadContext(const Sentence& s, int id) {
    Mention& m = mentions_[id];
    uint32_t e = m.end_token;
    // "Austin, Texas": a place, in the state or country that follows.
    if (e + 1 < s.end_token && Tok(e) == "," && mention_at_[e + 1] >= 0 && m.units <= 2 &&
        (m.type == MentionType::kUnknown || (m.gaz && m.gaz->type == EntityType::kLoc) ||
         (m.type == MentionType::kPerson && m.title_rank == 0))) {
      const Mention& next = mentions_[mention_at_[e + 1]];
      bool possessive = next.end_token < s.end_token && Tok(next.end_token) == "'s";
      if (next.gaz && next.first_token == e + 1 && !possessive &&
          (next.gaz->kind == PlaceKind::kSubdivision ||
           (next.gaz->kind == PlaceKind::kCountry && !(m.gaz && m.gaz->kind == PlaceKind::kCountry)))) {
        m.type = MentionType::kLoc;
        m.forced_loc = true;
        if (m.country.empty() || !m.gaz) m.country = next.country;
        return;
      }
    }
    // "the International Monetary Fund (IMF)".
    if (e + 2 < s.end_token && Tok(e) == "(" && Tok(e + 2) == ")" && mention_at_[e + 1] >= 0 && m.units >= 2) {
      Mention& acr = mentions_[mention_at_[e + 1]];
      if (acr.acronym && Initials(m) == Letters(Text(acr.span))) {
        acr.defined_by = id;
        // People are not given acronyms: a name that defines one is an organisation.
        if (m.type == MentionType::kPerson || m.type == MentionType::kUnknown) m.type = MentionType::kOrg;
      }
    }
    // "the Africa Centres for Disease Control and Prevention (Africa CDC)": a short name
    // ending in capitals, in parentheses after an organisation, is another name for it.
    if (m.type == MentionType::kOrg && m.units >= 2 && e + 1 < s.end_token && Tok(e) == "(" &&
        mention_at_[e + 1] >= 0) {
      Mention& alias = mentions_[mention_at_[e + 1]];
      if (alias.first_token == e + 1 && alias.end_token < s.end_token && Tok(alias.end_token) == ")" &&
          alias.units <= 3 && a_.tokens[alias.end_token - 1].all_caps && alias.defined_by < 0) {
        alias.defined_by = id;
        alias.type = MentionType::kOrg;
      }
    }
    // "Le Kestrel, a local newspaper": what an appositive says beats the tagger's guess.
    if (m.article) DescribedAsNoPerson(s, id);
    if (m.type == MentionType::kOrg) PrenominalCountry(s, id);
    if (m.type != MentionType::kPerson && m.type != MentionType::kUnknown) return;
    if (m.title_rank == 0 && DescribedAsNoPerson(s, id)) {
      if (m.type == MentionType::kOrg) PrenominalCountry(s, id);
      return;
    }
    if (m.title_rank == 0) TitleBefore(s, id);
    if (m.title_rank == 0) TitleBeforeComma(s, id);
    if (m.title_rank == 0) Appositive(s, id);
    if (m.title_rank > 0 && m.type == MentionType::kUnknown) m.type = MentionType::kPerson;
  }

  std::string Initials(const Mention& m) const {
    std::string out;
    for (uint32_t t = m.first_token; t < m.end_token; ++t) {
      std::string_view w = Tok(t);
      if (IsWord(t) && a_.tokens[t].capitalized) out += w[0];
    }
    return out;
  }
  static std::string Letters(std::string_view s) {
    std::string out;
    for (char c : s)
      if (c != '.') out += c;
    return out;
  }

  // Reads nationality words and places inside a title into the mention's country.
  void TitleCountry(int id, uint32_t from, uint32_t to) {
    Mention& m = mentions_[id];
    for (uint32_t t = from; t < to; ++t) {
      if (!IsWord(t)) continue;
      std::string_view w = Tok(t);
      // "Ambassador to the United States", "envoy for Sudan": where a role is held is not
      // whose it is.
      auto named_at = [&](uint32_t r) { return r < to && mention_at_[r] >= 0; };
      if ((w == "to" || w == "for") && t > from && IsRole(t - 1) &&
          (named_at(t + 1) || (t + 1 < to && StartsWithWord(Tok(t + 1), "the") && named_at(t + 2))))
        return;
      std::string_view d = Demonym(w);
      if (d.empty()) {
        size_t dash = w.find('-');
        if (dash != std::string_view::npos) d = Demonym(w.substr(0, dash));
      }
      if (!d.empty() && m.country.empty()) m.country = std::string(d);
      int sub = mention_at_[t];
      if (sub >= 0 && sub != id && std::find(m.linked.begin(), m.linked.end(), sub) == m.linked.end()) {
        m.linked.push_back(sub);
        const Mention& s = mentions_[sub];
        if (m.country.empty() && s.gaz && s.gaz->kind == PlaceKind::kCountry) m.country = s.country;
      }
    }
  }

  // A possessor before the title ("Biden's national security adviser", "China's
  // spokesperson"): its entity lends the person its country.
  void Possessor(int id, uint32_t apostrophe_s) {
    if (apostrophe_s == 0) return;
    int owner = mention_at_[apostrophe_s - 1];
    if (owner < 0) return;
    Mention& m = mentions_[id];
    m.linked.push_back(owner);
    const Mention& o = mentions_[owner];
    if (m.country.empty() && o.gaz && o.gaz->kind == PlaceKind::kCountry) m.country = o.country;
  }

  // "MI6 chief Tomas Lindqvist", "Kenyan leader Amina Waweru": role words right before a name.
  // The first token of an honorific right before a name ("Dr." of "Dr. Marie-Claire"), or
  // the name's first token.
  // The first token of the honorifics before a name ("Mr.", "Dato' Seri"), or `first`.
  uint32_t BeforeHonorific(const Sentence& s, uint32_t first) const {
    uint32_t t = first;
    while (t > s.first_token) {
      uint32_t p = t - 1;
      if ((Tok(p) == "." || Tok(p) == "'") && p > s.first_token && (TokClasses(p - 1) & kHonorific)) {
        t = p - 1;
      } else if (TokClasses(p) & kHonorific) {
        t = p;
      } else {
        break;
      }
    }
    return t;
  }

  void TitleBefore(const Sentence& s, int id) {
    Mention& m = mentions_[id];
    if (m.first_token <= s.first_token) return;
    uint32_t k = m.first_token - 1;
    uint32_t end = k;  // the title's last word
    if (!IsRole(k)) {
      if (const int posting = PostingBefore(s, k); posting >= 0) {
        // "Ambassador to the United States Hamdullah Mohib": the role and where it is held.
        k = static_cast<uint32_t>(posting);
      } else if (const int p = PluralRoleBefore(m.first_token); p >= 0) {
        // "publishers Jann Wenner and Carlo ...": each person of the list is one ("publisher").
        k = end = static_cast<uint32_t>(p);
      } else {
        return;
      }
    }
    uint32_t left = k;
    while (left > s.first_token && m.first_token - left < kMaxTitleTokens) {
      uint32_t t = left - 1;
      int sub = mention_at_[t];
      if (sub >= 0) {
        if (mentions_[sub].type == MentionType::kPerson) break;
        left = mentions_[sub].first_token;
        continue;
      }
      if (!IsWord(t)) break;
      std::string_view w = Tok(t);
      if (w == "'s") {
        Possessor(id, t);
        break;
      }
      if ((TokClasses(t) & (kHead | kMod)) || !Demonym(w).empty()) {
        left = t;
        continue;
      }
      if (IsRole(t) && t + 1 == left) {  // "police officer", "team captain"
        left = t;
        continue;
      }
      size_t dash = w.find('-');
      if (dash != std::string_view::npos && !Demonym(w.substr(0, dash)).empty()) {
        left = t;
        continue;
      }
      break;
    }
    Mention& mm = mentions_[id];
    mm.title = Span{a_.tokens[left].span.start, a_.tokens[end].span.end};
    mm.title_rank = 3;
    if (IsPluralRole(k) && end == k) {  // "foreign ministers Ann Lee and Tom ...": each is a foreign minister
      std::string_view t = Text(mm.title);
      mm.title_text = std::string(t.substr(0, t.size() - 1));
    }
    TitleCountry(id, left, end + 1);
  }

  // "Ambassador to the United States", "envoy for Sudan" right before a name, `last` being
  // the place's or body's last word: the role's token, or -1.
  int PostingBefore(const Sentence& s, uint32_t last) const {
    const int sub = mention_at_[last];
    if (sub < 0 || mentions_[sub].type == MentionType::kPerson || mentions_[sub].type == MentionType::kUnknown)
      return -1;
    uint32_t q = mentions_[sub].first_token;
    if (q < s.first_token + 2) return -1;
    --q;
    if (StartsWithWord(Tok(q), "the") && q > s.first_token + 1) --q;
    if (Tok(q) != "to" && Tok(q) != "for") return -1;
    return IsRole(q - 1) ? static_cast<int>(q - 1) : -1;
  }

  // "Peru's spokesperson for the Foreign Ministry, Ana Soto".
  void TitleBeforeComma(const Sentence& s, int id) {
    const uint32_t first = BeforeHonorific(s, mentions_[id].first_token);
    if (first < s.first_token + 2 || Tok(first - 1) != ",") return;
    uint32_t end = first - 2;  // last word of the role
    int left = -1;
    bool head = false;
    uint32_t possessive = 0;
    uint32_t k = end + 1;
    while (k > s.first_token && end + 1 - k < kMaxTitleTokens) {
      uint32_t t = k - 1;
      int sub = mention_at_[t];
      if (sub >= 0) {
        if (mentions_[sub].type == MentionType::kPerson || mentions_[sub].type == MentionType::kUnknown) break;
        k = mentions_[sub].first_token;
        left = static_cast<int>(k);
        continue;
      }
      if (!IsWord(t)) break;
      std::string_view w = Tok(t);
      uint32_t cls = TokClasses(t);
      if (w == "'s") {
        possessive = t;
        break;
      }
      if (IsRole(t)) {
        head = true;
        left = static_cast<int>(t);
      } else if ((cls & (kMod | kDomain)) || !Demonym(w).empty()) {
        left = static_cast<int>(t);
      } else if (!IsDeterminer(w) && !IsPreposition(w)) {
        break;
      }
      k = t;
    }
    if (!head || left < 0) return;
    // The role must begin with a role word, not with the place or body it belongs to.
    if (t_is_preposition(static_cast<uint32_t>(left))) return;
    Mention& mm = mentions_[id];
    mm.title = Span{a_.tokens[left].span.start, a_.tokens[end].span.end};
    mm.title_rank = 2;
    if (possessive) Possessor(id, possessive);
    TitleCountry(id, static_cast<uint32_t>(left), end + 1);
  }
  bool t_is_preposition(uint32_t t) const { return IsPreposition(Tok(t)); }

  // "Lena Moreau, the top EU envoy for the Sahel and West Africa" and
  // "X, who heads the agency".
  // "Sedapal, the state water company", "Ikeja, a suburb of Lagos", "a spokeswoman for
  // Sedapal": a name no given name opens that an appositive describes as an organisation
  // or a place, or that a spokesperson speaks for, is typed so. True when it typed it.
  bool DescribedAsNoPerson(const Sentence& s, int id) {
    Mention& m = mentions_[id];
    // A foreign article ("Le", "La") is no given name here, whatever the tagger read.
    const bool article = m.article || (TokClasses(m.first_token) & kArticle);
    if ((gaz_.IsGivenName(Tok(m.first_token)) && !article) || m.gaz) return false;
    if (m.first_token >= s.first_token + 2 && Tok(m.first_token - 1) == "for" &&
        Tok(m.first_token - 2).starts_with("spokes")) {
      m.type = MentionType::kOrg;
      return true;
    }
    // "the state utility Jirama", "the militant group Al-Shabaab": a describing noun
    // right before the name, in a noun phrase that a determiner opens.
    if (m.first_token >= s.first_token + 2 && IsWord(m.first_token - 1) &&
        !a_.tokens[m.first_token - 1].capitalized && (TokClasses(m.first_token - 1) & kOrgNoun)) {
      for (uint32_t t = m.first_token - 1; t-- > s.first_token && t + 5 > m.first_token;) {
        if (!IsWord(t) || a_.tokens[t].capitalized) break;
        if (IsDeterminer(Tok(t)) || Tok(t) == "its" || Tok(t) == "their") {
          m.type = MentionType::kOrg;
          return true;
        }
      }
    }
    // "M23 rebels", "Al-Shabaab fighters".
    if (m.end_token < s.end_token && IsWord(m.end_token) && !a_.tokens[m.end_token].capitalized &&
        (TokClasses(m.end_token) & kGroupMember)) {
      m.type = MentionType::kOrg;
      return true;
    }
    // "an analyst at Drewry": where someone in a role works.
    if (m.first_token >= s.first_token + 2 && Tok(m.first_token - 1) == "at" && IsRole(m.first_token - 2)) {
      m.type = MentionType::kOrg;
      return true;
    }
    uint32_t k = 0, end = 0;
    if (!ApposTokens(s, id, &k, &end) || k + 1 >= end || !IsDeterminer(Tok(k))) return false;
    ++k;
    uint32_t head = 0;
    for (uint32_t start = k; k < end && k - start < 5; ++k) {
      std::string_view w = Tok(k);
      if (mention_at_[k] >= 0 || a_.tokens[k].capitalized) return false;
      if (w == "'s") return false;  // "X, the company's founder": a person
      if (!IsWord(k) || (TokClasses(k) & kApposStop) || w == "of" || w == "for" || w == "in" || w == "at" ||
          w == "with" || w == "based")
        break;
      head = k;
    }
    if (head == 0) return false;
    uint32_t cls = TokClasses(head);
    if (cls & kOrgNoun) {
      m.type = MentionType::kOrg;
    } else if (cls & kPlaceNoun) {
      m.type = MentionType::kLoc;
    } else {
      return false;
    }
    return true;
  }

  // The tokens [*first, *end) of the apposition after mention `id` (", the top envoy for
  // ...,"). With a parse it is the parse's (core/words.h Apposition, the one reader every
  // stage uses), which also steps over an age (", 52, a teacher") and tells an apposition
  // from a list of names; the callers still cut it at their stop words. Without a parse
  // (syntax off) it is everything after the comma. False when there is none.
  bool ApposTokens(const Sentence& s, int id, uint32_t* first, uint32_t* end) const {
    const Mention& m = mentions_[id];
    if (m.end_token + 1 >= s.end_token || Tok(m.end_token) != ",") return false;
    *first = m.end_token + 1;
    *end = s.end_token;
    if (a_.words.empty()) return true;
    const int32_t head = HeadWord(a_, m.span);
    WordRange r = Apposition(a_, head, WordsIn(a_, m.span).end);
    // An age the parse reads as an apposition of its own (", 44, a market vendor") is
    // stepped over to the next one.
    if (r.end == r.first + 1 && a_.words[r.first].upos == ud::kNum) r = Apposition(a_, head, r.end);
    if (r.empty()) return false;
    const uint32_t from = a_.words[r.first].span.start, to = a_.words[r.end - 1].span.end;
    while (*first < s.end_token && a_.tokens[*first].span.start < from) ++*first;
    *end = *first;
    while (*end < s.end_token && a_.tokens[*end].span.end <= to) ++*end;
    return *first < *end;
  }

  void Appositive(const Sentence& s, int id) {
    const Mention& m = mentions_[id];
    uint32_t k = m.end_token;
    if (k + 1 >= s.end_token || Tok(k) != ",") return;
    ++k;
    std::string role;
    uint32_t end = s.end_token;
    if (Tok(k) == "who" && k + 1 < s.end_token) {  // a relative clause, not an apposition
      std::string_view r = gaz_.LeadRole(Tok(k + 1));
      if (r.empty()) return;
      role = std::string(r) + " of ";
      k += 2;
    } else if (!ApposTokens(s, id, &k, &end)) {
      return;
    }
    // "Ayse Demir, 52, a teacher": skip the age (the parse's apposition starts after it).
    if (role.empty() && k + 1 < end && a_.tokens[k].kind == TokenKind::kNumber && Tok(k + 1) == ",") k += 2;
    if (k < end && IsDeterminer(Tok(k)) && role.empty()) ++k;
    uint32_t start = k, last = k;
    bool head = !role.empty();
    while (k < end && k - start < kMaxTitleTokens) {
      int sub = mention_at_[k];
      if (sub >= 0) {
        const Mention& sm = mentions_[sub];
        bool place = sm.type == MentionType::kUnknown && sm.loc_context;
        if ((sm.type == MentionType::kPerson || sm.type == MentionType::kUnknown) && !place) break;
        last = sm.end_token - 1;
        k = sm.end_token;
        continue;
      }
      std::string_view w = Tok(k);
      if (a_.tokens[k].kind == TokenKind::kPunct && IsStopPunct(w)) break;
      if (a_.tokens[k].kind == TokenKind::kNumber && k == start) return;
      uint32_t cls = IsWord(k) ? TokClasses(k) : 0;
      if ((cls & kApposStop) && !(w == "and" && k + 1 < s.end_token && IsDeterminer(Tok(k + 1)) &&
                                  k + 2 < s.end_token && mention_at_[k + 2] >= 0)) {
        break;
      }
      if (IsRole(k)) head = true;
      last = k;
      ++k;
    }
    if (!head || last < start || k == start) return;
    Mention& mm = mentions_[id];
    mm.title = Span{a_.tokens[start].span.start, a_.tokens[last].span.end};
    if (!role.empty()) mm.title_text = role + std::string(Text(mm.title));
    mm.title_rank = 1;
    TitleCountry(id, start, last + 1);
  }

  const Analysis& a_;
  const Gazetteer& gaz_;
  const ArticleNames& names_;
  std::unordered_set<std::string_view> hyphen_surnames_;  // "Austin-Delgado" of a person met
  bool caps_mode_ = false;     // the article, or the sentence being read, is in capitals
  bool article_caps_ = false;  // the whole article is in capitals
  bool headline_ = false;      // the sentence being read is an all-capitals headline
  bool score_ = false;         // the sentence being read holds a match result
  bool results_ = false;       // ... or a list of results ("Kestra 2 Dornia 1")
  std::vector<Mention> mentions_;
  std::vector<int> mention_at_;
  std::vector<Unit> units_;
  std::vector<int> title_subs_;
  std::vector<bool> caps_name_;
  static constexpr uint32_t kUnknownClasses = 0xFFFFFFFFu;
  mutable std::vector<uint32_t> classes_cache_;
};

}  // namespace

std::vector<Mention> FindMentions(const Analysis& a, const Gazetteer& gaz, const ArticleNames& names) {
  return Finder(a, gaz, names).Run();
}

}  // namespace newsgraph::entities
