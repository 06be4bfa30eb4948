#include "events/dictionary.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "core/data.h"
#include "core/ud.h"

namespace newsgraph::events {

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string> SplitList(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t next = s.find(sep, pos);
    if (next == std::string_view::npos) next = s.size();
    std::string_view piece = s.substr(pos, next - pos);
    while (!piece.empty() && (piece.front() == ' ' || piece.front() == '\t')) piece.remove_prefix(1);
    while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\t' || piece.back() == '\r'))
      piece.remove_suffix(1);
    if (!piece.empty()) out.emplace_back(piece);
    pos = next + 1;
  }
  return out;
}

std::vector<std::string> PhraseTokens(std::string_view phrase) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < phrase.size(); ++i) {
    char c = phrase[i];
    if (c == ' ' || c == '_' || c == '\t') {
      flush();
    } else if (c == '\'' && i + 1 < phrase.size() && (phrase[i + 1] == 's' || phrase[i + 1] == 'S') &&
               (i + 2 == phrase.size() || phrase[i + 2] == ' ' || phrase[i + 2] == '_')) {
      flush();
      cur.assign(phrase.substr(i, 2));
      ++i;
      flush();
    } else if (c == ',' && (i + 1 == phrase.size() || phrase[i + 1] == ' ' || phrase[i + 1] == '_')) {
      flush();
      out.emplace_back(",");
    } else {
      cur.push_back(c);
    }
  }
  flush();
  return out;
}

bool Elem::Matches(std::string_view w) const {
  for (const auto& x : words)
    if (w == x) return true;
  for (const auto& p : prefixes)
    if (w.size() >= p.size() && w.compare(0, p.size(), p) == 0) return true;
  return false;
}

namespace {

constexpr int kBelowGap = 8;  // surface reading of a word below the trigger: within this many tokens

// "accus*|blam*" into `e`'s words and stems; false when an alternative is empty.
bool ParseAlternatives(std::string_view body, Elem* e) {
  for (const std::string& alt : SplitList(body, '|')) {
    std::string w = ToLower(alt);
    if (w.size() > 1 && w.back() == '*') {
      w.pop_back();
      e->prefixes.push_back(w);
    } else if (w == "*") {
      return false;
    } else {
      e->words.push_back(w);
    }
  }
  return !e->AnyWord();
}

// A role element ("+with:", "OBJ[talks]", "$SUBJ", "on|upon:"); false when `piece` is none.
StatusOr<bool> ParseRole(std::string piece, Elem* e) {
  if (!piece.empty() && (piece[0] == '$' || piece[0] == '+')) {
    e->kind = piece[0] == '$' ? Elem::Kind::kSource : Elem::Kind::kTarget;
    piece.erase(0, 1);
  }
  std::string words;
  bool bracket = false;
  if (size_t open = piece.find('['); open != std::string::npos) {
    if (piece.back() != ']') return Status::InvalidArgument("unclosed [words] in \"" + piece + "\"");
    words = piece.substr(open + 1, piece.size() - open - 2);
    piece.resize(open);
    bracket = true;
  }
  static constexpr std::pair<std::string_view, Elem::Role> kRoles[] = {{"SUBJ", Elem::Role::kSubj},
                                                                       {"OBJ", Elem::Role::kObj},
                                                                       {"IOBJ", Elem::Role::kIobj},
                                                                       {"XCOMP", Elem::Role::kXcomp},
                                                                       {"CCOMP", Elem::Role::kCcomp}};
  for (auto [name, role] : kRoles)
    if (piece == name) e->role = role;
  if (e->role == Elem::Role::kWord && piece.size() > 1 && piece.back() == ':') {
    e->role = Elem::Role::kPrep;
    e->preps = SplitList(ToLower(piece.substr(0, piece.size() - 1)), '|');
  }
  if (e->role == Elem::Role::kWord) {
    if (e->kind != Elem::Kind::kWords || bracket)
      return Status::InvalidArgument("\"" + piece +
                                     "\" is no role (SUBJ, OBJ, IOBJ, XCOMP, CCOMP or a preposition and ':')");
    return false;
  }
  if (bracket && !ParseAlternatives(words, e)) return Status::InvalidArgument("empty word in [" + words + "]");
  return true;
}

}  // namespace

StatusOr<Pattern> ParsePattern(std::string_view text) {
  Pattern p;
  p.text = std::string(text);
  bool first = true;
  for (std::string piece : SplitList(text, ' ')) {
    if (piece == ".." || piece == "$" || piece == "+")
      return Status::InvalidArgument(
          "\"" + piece + "\" in \"" + p.text +
          "\": write a word below the trigger as itself, an actor slot as +OBJ, +with: or $SUBJ");
    bool optional = piece.size() > 1 && piece.back() == '?';
    if (optional) piece.pop_back();
    if (first && (piece[0] == '$' || piece[0] == '+' || piece[0] == '['))
      return Status::InvalidArgument("pattern \"" + p.text + "\" must start with its trigger word");
    Elem role;
    auto is_role = first ? StatusOr<bool>(false) : ParseRole(piece, &role);
    if (!is_role.ok()) return Status::InvalidArgument(is_role.status().message() + " in \"" + p.text + "\"");
    if (*is_role) {
      role.optional = optional;
      role.gap_before = kBelowGap;
      p.elems.push_back(std::move(role));
      continue;
    }
    // Words: the first below the trigger (or the trigger itself), the others right after it.
    // "deal/NOUN": the trigger only where the parse reads it as this part of speech.
    int upos = -1;
    if (size_t slash = piece.rfind('/'); first && slash != std::string::npos && slash + 1 < piece.size()) {
      int u = ud::UposIndex(piece.substr(slash + 1));
      if (u < 0) return Status::InvalidArgument("unknown part of speech in \"" + piece + "\"");
      upos = u;
      piece.resize(slash);
    }
    std::vector<std::string> chain = SplitList(piece, '_');
    if (chain.empty()) return Status::InvalidArgument("empty element in \"" + p.text + "\"");
    for (size_t k = 0; k < chain.size(); ++k) {
      Elem e;
      e.adjacent = k > 0;
      e.gap_before = first || k > 0 ? 0 : kBelowGap;
      e.optional = optional && !first;
      if (!ParseAlternatives(chain[k], &e)) return Status::InvalidArgument("empty word in \"" + p.text + "\"");
      if (first && k == 0) e.upos = upos;
      p.elems.push_back(std::move(e));
    }
    if (first && optional) return Status::InvalidArgument("the trigger of \"" + p.text + "\" cannot be optional");
    first = false;
  }
  if (p.elems.empty()) return Status::InvalidArgument("empty pattern");
  p.SetSlots();
  return p;
}

void Pattern::SetSlots() {
  has_source_slot = has_target_slot = false;
  for (const Elem& e : elems) {
    has_source_slot |= e.kind == Elem::Kind::kSource && e.role != Elem::Role::kSubj;
    has_target_slot |= e.kind == Elem::Kind::kTarget;
  }
}

void PatternSet::Add(Pattern p) {
  auto idx = static_cast<uint32_t>(patterns_.size());
  const Elem& a = p.elems[p.anchor];
  for (const auto& w : a.words) exact_[w].push_back(idx);
  for (const auto& s : a.prefixes) prefix_[s.substr(0, std::min<size_t>(3, s.size()))].push_back(idx);
  patterns_.push_back(std::move(p));
}

void PatternSet::Candidates(std::string_view w, std::vector<uint32_t>* out) const {
  if (const std::vector<uint32_t>* exact = exact_.Find(w)) out->insert(out->end(), exact->begin(), exact->end());
  for (size_t len = 1; len <= 3 && len <= w.size(); ++len) {
    const std::vector<uint32_t>* prefixed = prefix_.Find(w.substr(0, len));
    if (prefixed == nullptr) continue;
    for (uint32_t i : *prefixed) {
      if (patterns_[i].elems[patterns_[i].anchor].Matches(w) && std::find(out->begin(), out->end(), i) == out->end())
        out->push_back(i);
    }
  }
}

std::string ActorEntry::CodeOn(int yyyymmdd) const {
  if (yyyymmdd > 0) {
    for (const Dated& d : dated)
      if ((d.from == 0 || yyyymmdd >= d.from) && (d.to == 0 || yyyymmdd <= d.to)) return d.code;
  }
  return code;
}

int Dictionaries::AddActor(ActorEntry e) {
  actors.push_back(std::move(e));
  return static_cast<int>(actors.size()) - 1;
}

std::string Dictionaries::MapModality(std::string_view kind, std::string_view code) const {
  std::string key(kind);
  key.push_back('/');
  for (size_t len = code.size(); len >= 1; --len) {
    key.resize(kind.size() + 1);
    key.append(code.substr(0, len));
    auto it = modality_map.find(key);
    if (it != modality_map.end()) return it->second == "=" ? std::string() : it->second;
  }
  return std::string();
}

const CodeInfo& Dictionaries::Info(std::string_view code) const {
  static const CodeInfo kNone;
  const CodeInfo* info = codes.Find(code);
  return info ? *info : kNone;
}

namespace {

Status LineError(std::string_view file, int line, std::string_view what) {
  return Status::InvalidArgument("data/events/" + std::string(file) + ":" + std::to_string(line) + ": " +
                                 std::string(what));
}

StatusOr<std::vector<DataLine>> ReadTsv(std::string_view file, std::string* storage) {
  auto text = ReadDataFile("events/" + std::string(file));
  if (!text.ok()) return text.status();
  *storage = std::move(text).value();
  return ParseTsv(*storage);
}

bool IsCode(std::string_view c) {
  if (c.size() < 3 || c.size() > 4) return false;
  return std::all_of(c.begin(), c.end(), [](char x) { return x >= '0' && x <= '9'; });
}

bool IsPatternId(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

Status SetPatternFlags(std::string_view flags, Pattern* p, int line) {
  for (const std::string& f : SplitList(flags, ',')) {
    if (f == "sym")
      p->sym = true;
    else if (f == "nomod")
      p->nomod = true;
    else if (f == "tgtloc")
      p->tgtloc = true;
    else if (f == "scope")
      p->scope = true;
    else
      return LineError("verbs.tsv", line, "unknown flag " + f);
  }
  return Status::Ok();
}

Status LoadVerbs(Dictionaries* d) {
  std::string text;
  auto lines = ReadTsv("verbs.tsv", &text);
  if (!lines.ok()) return lines.status();
  std::unordered_map<std::string, int> ids;  // id -> line
  for (const DataLine& l : *lines) {
    if (l.fields.size() < 3) return LineError("verbs.tsv", l.line_number, "expected id<TAB>code<TAB>pattern");
    if (!IsPatternId(l.fields[0]))
      return LineError("verbs.tsv", l.line_number, "bad id (letters, digits and '-' only)");
    auto [at, fresh] = ids.emplace(std::string(l.fields[0]), l.line_number);
    if (!fresh)
      return LineError("verbs.tsv", l.line_number,
                       "id " + at->first + " is already used on line " + std::to_string(at->second));
    // "---": words that look like an event but are none ("an appeal against the verdict").
    if (!IsCode(l.fields[1]) && l.fields[1] != "---") return LineError("verbs.tsv", l.line_number, "bad CAMEO code");
    auto p = ParsePattern(l.fields[2]);
    if (!p.ok()) return LineError("verbs.tsv", l.line_number, p.status().message());
    p->code = std::string(l.fields[1]);
    if (l.fields.size() > 3) {
      Status s = SetPatternFlags(l.fields[3], &*p, l.line_number);
      if (!s.ok()) return s;
    }
    p->rule = "verbs.tsv#" + std::string(l.fields[0]);
    d->verbs.Add(std::move(p).value());
  }
  return Status::Ok();
}

Status LoadCountries(Dictionaries* d) {
  std::string text;
  auto lines = ReadTsv("countries.tsv", &text);
  if (!lines.ok()) return lines.status();
  for (const DataLine& l : *lines) {
    if (l.fields.size() < 2 || l.fields[0].empty() || l.fields[1].empty())
      return LineError("countries.tsv", l.line_number, "expected code<TAB>name[<TAB>aliases<TAB>capitals]");
    ActorEntry e;
    e.code = std::string(l.fields[0]);
    e.name = std::string(l.fields[1]);
    bool igo = e.code.rfind("IGO", 0) == 0;
    e.kind = igo ? ActorEntry::Kind::kOrg : ActorEntry::Kind::kCountry;
    if (!igo) e.country = e.code;
    if (!igo) d->country_names[e.code] = e.name;
    int idx = d->AddActor(e);
    d->actor_phrases.Add(PhraseTokens(e.name), idx, true);
    if (l.fields.size() > 2)
      for (const std::string& a : SplitList(l.fields[2], '|')) d->actor_phrases.Add(PhraseTokens(a), idx, true);
    if (l.fields.size() > 3) {
      for (const std::string& cap : SplitList(l.fields[3], '|')) {
        ActorEntry c = e;
        c.kind = ActorEntry::Kind::kCapital;
        c.place = cap;
        int ci = d->AddActor(c);
        d->actor_phrases.Add(PhraseTokens(cap), ci, true);
      }
    }
  }
  return Status::Ok();
}

// Every other state of ISO 3166 (the entities stage's generated place list, from Debian's
// iso-codes) is an actor too, under its short name, with the names the list gives it;
// countries.tsv comes first and keeps its own names and capitals.
Status LoadOtherCountries(Dictionaries* d) {
  auto text = ReadDataFile("gen/entities/places.tsv");
  if (!text.ok()) return text.status();
  std::map<std::string, int> added;  // code -> actor index
  for (const DataLine& l : ParseTsv(*text)) {
    if (l.fields.size() < 4 || l.fields[1] != "country" || l.fields[2].size() != 3) continue;
    std::string code(l.fields[2]);
    if (d->country_names.contains(code) && !added.contains(code)) continue;
    auto it = added.find(code);
    if (it == added.end()) {
      ActorEntry e;
      e.code = code;
      e.name = std::string(l.fields[3]);
      e.kind = ActorEntry::Kind::kCountry;
      e.country = code;
      d->country_names[code] = e.name;
      it = added.emplace(code, d->AddActor(e)).first;
      d->actor_phrases.Add(PhraseTokens(e.name), it->second, true);
    }
    d->actor_phrases.Add(PhraseTokens(l.fields[0]), it->second, true);
  }
  return Status::Ok();
}

Status LoadAgents(Dictionaries* d) {
  std::string text;
  auto lines = ReadTsv("agents.tsv", &text);
  if (!lines.ok()) return lines.status();
  for (const DataLine& l : *lines) {
    if (l.fields.size() < 2 || l.fields[1].empty())
      return LineError("agents.tsv", l.line_number, "expected phrase<TAB>role");
    for (const std::string& ph : SplitList(l.fields[0], '|'))
      d->agents.Add(PhraseTokens(ph), std::string(l.fields[1]), false);
  }
  return Status::Ok();
}

Status LoadModality(Dictionaries* d) {
  std::string text;
  auto lines = ReadTsv("modality.tsv", &text);
  if (!lines.ok()) return lines.status();
  for (const DataLine& l : *lines) {
    if (l.fields.size() == 3 && l.fields[0] == "cue") {
      d->cues.push_back({std::string(l.fields[1]), PhraseTokens(ToLower(l.fields[2]))});
    } else if (l.fields.size() == 4 && l.fields[0] == "map") {
      d->modality_map[std::string(l.fields[1]) + "/" + std::string(l.fields[2])] = std::string(l.fields[3]);
    } else {
      return LineError("modality.tsv", l.line_number,
                       "expected cue<TAB>kind<TAB>phrase or map<TAB>kind<TAB>from<TAB>to");
    }
  }
  return Status::Ok();
}

Status LoadCodes(Dictionaries* d) {
  auto text = ReadDataFile("events/codes.tsv");
  if (!text.ok()) return text.status();
  auto codes = CameoCodes::Load(*text, "data/events/codes.tsv");
  if (!codes.ok()) return codes.status();
  d->codes = std::move(codes).value();
  return Status::Ok();
}

Status LoadFrameWords(Dictionaries* d) {
  auto text = ReadDataFile("events/frames.tsv");
  if (!text.ok()) return text.status();
  auto words = FrameWords::Parse(*text, "data/events/frames.tsv");
  if (!words.ok()) return words.status();
  d->frame_words = std::move(words).value();
  return Status::Ok();
}

Status LoadStopwordsAndTime(Dictionaries* d) {
  std::string text;
  auto lines = ReadTsv("stopwords.tsv", &text);
  if (!lines.ok()) return lines.status();
  for (const DataLine& l : *lines) d->stopwords[ToLower(l.fields[0])] = true;
  std::string ntext;
  auto nl = ReadTsv("event_nouns.tsv", &ntext);
  if (!nl.ok()) return nl.status();
  for (const DataLine& l : *nl) {
    if (l.fields.size() != 2 || l.fields[0].empty())
      return LineError("event_nouns.tsv", l.line_number, "expected noun<TAB>prefixes");
    d->event_nouns[ToLower(l.fields[0])] = SplitList(l.fields[1], '|');
  }
  std::string ttext;
  auto tl = ReadTsv("time.tsv", &ttext);
  if (!tl.ok()) return tl.status();
  for (const DataLine& l : *tl) {
    if (l.fields.size() != 3) return LineError("time.tsv", l.line_number, "expected word<TAB>kind<TAB>value");
    int v = 0;
    auto r = std::from_chars(l.fields[2].data(), l.fields[2].data() + l.fields[2].size(), v);
    if (r.ec != std::errc()) return LineError("time.tsv", l.line_number, "value must be an integer");
    d->time_words.Add(PhraseTokens(l.fields[0]), {std::string(l.fields[1]), v}, false);
  }
  return Status::Ok();
}

}  // namespace

Status LoadOwnDictionaries(Dictionaries* d, bool verbs) {
  if (verbs) {
    for (auto* load : {LoadVerbs, LoadCountries, LoadOtherCountries, LoadAgents, LoadModality}) {
      Status s = load(d);
      if (!s.ok()) return s;
    }
  }
  d->locative_targets = !verbs;
  for (auto* load : {LoadCodes, LoadStopwordsAndTime, LoadFrameWords}) {
    Status s = load(d);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace newsgraph::events
