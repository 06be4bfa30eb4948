#include "events/petrarch.h"


#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace newsgraph::events {
namespace {

Status LineError(std::string_view path, int line, std::string_view what) {
  return Status::InvalidArgument(std::string(path) + ":" + std::to_string(line) + ": " + std::string(what));
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// Lines of a dictionary with `#` comments and `<!-- -->` blocks removed; numbered from 1.
struct Line {
  int number;
  std::string_view text;
};

std::vector<Line> CleanLines(std::string_view text, std::vector<std::string>* storage) {
  std::vector<Line> out;
  bool in_comment = false;
  int number = 0;
  size_t pos = 0;
  storage->reserve(storage->size() + 1024);
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++number;
    std::string kept;
    size_t i = 0;
    while (i < line.size()) {
      if (in_comment) {
        size_t end = line.find("-->", i);
        if (end == std::string_view::npos) {
          i = line.size();
        } else {
          in_comment = false;
          i = end + 3;
        }
        continue;
      }
      size_t open = line.find("<!--", i);
      size_t hash = i;  // '#' starts a comment, except inside a [code] ("[###]")
      for (int depth = 0; hash < line.size(); ++hash) {
        if (line[hash] == '[')
          ++depth;
        else if (line[hash] == ']' && depth > 0)
          --depth;
        else if (line[hash] == '#' && depth == 0)
          break;
      }
      if (hash >= line.size()) hash = std::string_view::npos;
      if (hash < open) {
        kept.append(line.substr(i, hash - i));
        break;
      }
      if (open == std::string_view::npos) {
        kept.append(line.substr(i));
        break;
      }
      kept.append(line.substr(i, open - i));
      in_comment = true;
      i = open + 4;
    }
    std::string_view t = Trim(kept);
    if (t.empty()) continue;
    storage->push_back(std::string(t));
    out.push_back({number, {}});
  }
  for (size_t k = 0; k < out.size(); ++k) out[k].text = (*storage)[storage->size() - out.size() + k];
  return out;
}

// The bracketed codes of a line: "[USAGOV >120101]" -> {code, from, to}.
bool ParseYYMMDD(std::string_view s, int* out) {
  // 7 and 9 digits occur as typos in the OEDA files ("9008223", "201005011"): read the
  // first 8 as YYYYMMDD.
  if (s.size() < 6 || s.size() > 10) return false;
  if (s.size() == 10) s = s.substr(2);  // "1920030320": a doubled century
  if (s.size() == 9) s = s.substr(0, 8);
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (s.size() == 6) v += (v / 10000 < 30 ? 20000000 : 19000000);
  *out = v;
  return true;
}

Status ParseCode(std::string_view path, int line, std::string_view inside, ActorEntry::Dated* d) {
  inside = Trim(inside);
  size_t sp = inside.find_first_of(" \t");
  std::string_view code = inside.substr(0, sp);
  if (code.empty()) return LineError(path, line, "empty actor code");
  for (char c : code)
    if (c == '[' || c == '{' || c == '}' || c == '<' || c == '>')
      return LineError(path, line, "bad actor code \"" + std::string(code) + "\"");
  d->code = Upper(code);
  if (sp == std::string_view::npos) return Status::Ok();
  std::string_view date = Trim(inside.substr(sp));
  if (date.empty()) return Status::Ok();
  if (date[0] == '>' || date[0] == '<') {
    int v = 0;
    if (!ParseYYMMDD(Trim(date.substr(1)), &v)) return LineError(path, line, "bad date restriction");
    (date[0] == '>' ? d->from : d->to) = v;
    return Status::Ok();
  }
  size_t dash = date.find('-');
  if (dash == std::string_view::npos && ParseYYMMDD(date, &d->from)) return Status::Ok();  // "[X 20121204]": from
  if (dash == std::string_view::npos || !ParseYYMMDD(Trim(date.substr(0, dash)), &d->from) ||
      !ParseYYMMDD(Trim(date.substr(dash + 1)), &d->to))
    return LineError(path, line, "bad date range");
  return Status::Ok();
}

std::string DisplayName(std::string_view raw) {
  std::string out;
  bool start = true;
  for (char c : raw) {
    if (c == '_') c = ' ';
    if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c - 'A' + 'a');
    out.push_back(c);
    start = c == ' ' || c == '-';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> NameTokens(std::string_view raw) {
  std::string s(raw);
  while (!s.empty() && s.back() == '_') s.pop_back();
  return PhraseTokens(ToLower(s));
}

// Regular forms of an (upper-case) verb: ATTACK -> ATTACKS ATTACKED ATTACKING.
std::vector<std::string> VerbForms(const std::string& v) {
  std::vector<std::string> f{v};
  if (v.empty()) return f;
  char last = v.back();
  bool vowel_before = v.size() >= 2 && std::string_view("AEIOU").find(v[v.size() - 2]) != std::string_view::npos;
  if (last == 'S' || last == 'X' || last == 'Z' || v.ends_with("SH") || v.ends_with("CH") || last == 'O')
    f.push_back(v + "ES");
  else if (last == 'Y' && !vowel_before)
    f.push_back(v.substr(0, v.size() - 1) + "IES");
  else
    f.push_back(v + "S");
  if (last == 'E') {
    f.push_back(v + "D");
    f.push_back(v.ends_with("EE") ? v + "ING" : v.substr(0, v.size() - 1) + "ING");
  } else if (last == 'Y' && !vowel_before) {
    f.push_back(v.substr(0, v.size() - 1) + "IED");
    f.push_back(v + "ING");
  } else {
    f.push_back(v + "ED");
    f.push_back(v + "ING");
  }
  return f;
}

struct VerbEntry {
  std::vector<Elem> before, after;  // words adjacent to the verb word ("STIR_+UP")
  Elem verb;
  std::string code;  // the verb line's own code, or empty
  int line = 0;
};

// A PETRARCH pattern line in the pattern language: its elements before and after the verb.
struct PatternSides {
  std::vector<Elem> pre, post;
  bool compound = false;  // '%': the members of a compound actor act on each other
};

class VerbReader {
 public:
  VerbReader(std::string_view path, Dictionaries* d) : path_(path), d_(d) {}
  Status Read(std::string_view text);
  void ReadSynsets(const std::vector<Line>& lines);

 private:
  Elem WordElem(std::string_view word, int gap) const;
  Status ParseVerbLine(int line, std::string_view text, VerbEntry* v) const;
  Status AddPattern(int line, std::string_view text, const std::vector<VerbEntry>& verbs);
  void Sides(std::string_view rest, PatternSides* out) const;
  Status ParseCodeBracket(int line, std::string_view text, std::string* code, std::string_view* rest) const;

  std::string path_;
  Dictionaries* d_;
  StringMap<std::vector<std::string>> synsets_;
};

Status VerbReader::ParseCodeBracket(int line, std::string_view text, std::string* code, std::string_view* rest) const {
  size_t open = text.rfind('[');
  if (open == std::string_view::npos) {
    code->clear();
    *rest = text;
    return Status::Ok();
  }
  size_t close = text.find(']', open);
  if (close == std::string_view::npos) return LineError(path_, line, "unclosed [code]");
  std::string_view c = Trim(text.substr(open + 1, close - open - 1));
  size_t colon = c.find(':');
  std::string_view active = Trim(c.substr(0, colon));
  std::string_view passive = colon == std::string_view::npos ? std::string_view() : Trim(c.substr(colon + 1));
  if (active.empty() && passive.empty()) return LineError(path_, line, "empty [code]");
  for (char ch : c)
    if (ch == ' ' || ch == '\t' || ch == '[')
      return LineError(path_, line, "bad event code \"" + std::string(c) + "\"");
  // Only the active code is modelled; a passive-only pattern ("[:173]") codes nothing.
  *code = active.empty() ? std::string("---") : std::string(active);
  *rest = Trim(text.substr(0, open));
  return Status::Ok();
}

Elem VerbReader::WordElem(std::string_view word, int gap) const {
  Elem e;
  e.gap_before = gap;
  if (!word.empty() && word[0] == '&') {
    std::string name = Upper(word);
    while (name.size() > 1 && name.back() == '_') name.pop_back();
    auto it = synsets_.find(name);
    if (it != synsets_.end()) {
      for (const std::string& m : it->second) {
        std::vector<std::string> parts = PhraseTokens(ToLower(m));
        if (!parts.empty()) e.words.push_back(parts.back());
      }
    }
    if (e.words.empty()) e.words.push_back(ToLower(word));
    return e;
  }
  std::string w = ToLower(word);
  bool stop = !w.empty() && w.back() == '_';
  while (!w.empty() && w.back() == '_') w.pop_back();
  if (!stop && w.size() >= 4) {
    e.prefixes.push_back(w);
  } else {
    e.words.push_back(w);
    if (!stop) e.words.push_back(w + "s");
  }
  return e;
}

Status VerbReader::ParseVerbLine(int line, std::string_view text, VerbEntry* v) const {
  std::string_view rest;
  Status s = ParseCodeBracket(line, text, &v->code, &rest);
  if (!s.ok()) return s;
  v->line = line;
  std::vector<std::string> forms;
  size_t brace = rest.find('{');
  std::string_view base = Trim(rest.substr(0, brace));
  if (brace != std::string_view::npos) {
    size_t close = rest.find('}', brace);
    if (close == std::string_view::npos) return LineError(path_, line, "unclosed {forms}");
    for (const std::string& f : SplitList(rest.substr(brace + 1, close - brace - 1), ' ')) forms.push_back(f);
  }
  if (base.empty()) return LineError(path_, line, "verb line without a verb");
  // Multi-word verbs mark the verb word with '+': "KLM_NOP_+RST", "+STIR_UP".
  std::vector<std::string> parts;
  for (const std::string& p : SplitList(base, '_')) parts.push_back(p);
  for (std::string& p : parts)
    for (std::string& q : SplitList(p, ' ')) p = q;                              // spaces inside behave like '_'
  if (parts.empty()) return LineError(path_, line, "verb line without a verb");  // "_" alone
  int verb = 0;
  for (size_t k = 0; k < parts.size(); ++k)
    if (!parts[k].empty() && parts[k][0] == '+') verb = static_cast<int>(k);
  auto strip = [](std::string w) {
    if (!w.empty() && w[0] == '+') w.erase(0, 1);
    return Upper(w);
  };
  std::string vw = strip(parts[verb]);
  for (const std::string& f : VerbForms(vw)) v->verb.words.push_back(ToLower(f));
  for (const std::string& f : forms) {
    std::vector<std::string> fp = SplitList(f, '_');
    int fv = 0;
    for (size_t k = 0; k < fp.size(); ++k)
      if (!fp[k].empty() && fp[k][0] == '+') fv = static_cast<int>(k);
    if (!fp.empty()) v->verb.words.push_back(ToLower(strip(fp[std::min<size_t>(fv, fp.size() - 1)])));
  }
  for (int k = 0; k < verb; ++k) v->before.push_back(WordElem(strip(parts[k]), 0));
  for (size_t k = verb + 1; k < parts.size(); ++k) v->after.push_back(WordElem(strip(parts[k]), 0));
  return Status::Ok();
}

namespace {

constexpr std::string_view kPrepositions[] = {"with",    "to",   "by",   "from",  "for",   "against", "on",
                                              "upon",    "in",   "into", "of",    "at",    "over",    "between",
                                              "among",   "about", "after", "under", "toward", "towards", "through",
                                              "without", "across"};

// The prepositions a word element stands for ("WITH" -> with), or none when it is another word.
std::vector<std::string> Prepositions(const Elem& e) {
  if (e.kind != Elem::Kind::kWords || e.role != Elem::Role::kWord) return {};
  std::vector<std::string> out;
  auto known = [](std::string_view w) {
    return std::find(std::begin(kPrepositions), std::end(kPrepositions), w) != std::end(kPrepositions);
  };
  for (const auto* forms : {&e.words, &e.prefixes})
    for (const std::string& w : *forms) {
      if (known(w))
        out.push_back(w);
      else if (!(w.size() > 1 && w.back() == 's' && known(std::string_view(w).substr(0, w.size() - 1))))
        return {};  // "ins" is the plural WordElem adds to "in"
    }
  return out;
}

}  // namespace

// The elements of a pattern line before and after the verb marker '*' (no marker: all after
// it): words below the verb ('_'-joined ones adjacent); an actor slot right after a
// preposition is that prepositional dependent ("WITH +" is +with:), right after the verb the
// object, right before the verb the grammatical subject (a passive's patient: "+ BEEN * BY
// $"), elsewhere the actor phrase found there in the text ("+ HOSTING * MAY_DAY $").
void VerbReader::Sides(std::string_view rest, PatternSides* out) const {
  std::string cleaned;
  for (char c : rest)
    if (c != '{' && c != '}' && c != '(' && c != ')') cleaned.push_back(c);
  if (cleaned.find('*') == std::string::npos) cleaned.insert(0, "* ");
  bool seen_verb = false;
  for (const std::string& tok : SplitList(cleaned, ' ')) {
    std::vector<std::string> parts = SplitList(tok, '_');
    for (size_t k = 0; k < parts.size(); ++k) {
      const std::string& part = parts[k];
      if (part == "*" || part == "%" || part == "^") {  // the verb; a compound (mutual) actor; skip a phrase
        seen_verb |= part == "*";
        out->compound |= part == "%";
        continue;
      }
      std::vector<Elem>& side = seen_verb ? out->post : out->pre;
      if (part != "$" && part != "+") {
        Elem e = WordElem(part, k == 0 ? 6 : 0);
        e.adjacent = k > 0 && seen_verb;
        side.push_back(std::move(e));
        continue;
      }
      Elem e;
      e.kind = part == "$" ? Elem::Kind::kSource : Elem::Kind::kTarget;
      e.gap_before = 8;
      if (std::vector<std::string> preps = side.empty() ? std::vector<std::string>() : Prepositions(side.back());
          !preps.empty()) {
        e.role = Elem::Role::kPrep;
        e.preps = std::move(preps);
        side.pop_back();
      } else if (!seen_verb) {
        e.role = Elem::Role::kSubj;
        e.grammatical = true;
      } else if (side.empty()) {
        e.role = Elem::Role::kObj;
      }
      side.push_back(std::move(e));
    }
  }
  // Only a slot right before the verb is its subject.
  for (size_t k = 0; k + 1 < out->pre.size(); ++k)
    if (out->pre[k].role == Elem::Role::kSubj) {
      out->pre[k].role = Elem::Role::kWord;
      out->pre[k].grammatical = false;
    }
}

// One pattern line, for each verb of its block.
Status VerbReader::AddPattern(int line, std::string_view text, const std::vector<VerbEntry>& verbs) {
  std::string code;
  std::string_view rest;
  Status s = ParseCodeBracket(line, text, &code, &rest);
  if (!s.ok()) return s;
  if (code.empty()) return LineError(path_, line, "pattern without [code]");
  PatternSides sides;
  Sides(rest, &sides);
  for (const VerbEntry& v : verbs) {
    Pattern p;
    p.code = code;
    p.elems = sides.pre;
    for (const Elem& e : v.before) p.elems.push_back(e);
    p.anchor = static_cast<int>(p.elems.size());
    Elem verb = v.verb;
    verb.gap_before = sides.pre.empty() && v.before.empty() ? 0 : (v.before.empty() ? 6 : 0);
    p.elems.push_back(verb);
    for (Elem e : v.after) {
      e.adjacent = true;
      p.elems.push_back(std::move(e));
    }
    for (const Elem& e : sides.post) p.elems.push_back(e);
    p.SetSlots();
    p.sym = sides.compound;
    p.nomod = true;
    p.ordered = true;
    p.rule = path_ + ":" + std::to_string(line);
    p.text = std::string(rest);
    d_->verbs.Add(std::move(p));
  }
  return Status::Ok();
}

// Pass 1: synsets (&NAME followed by +member lines), members naming other synsets expanded.
void VerbReader::ReadSynsets(const std::vector<Line>& lines) {
  std::string current;
  for (const Line& l : lines) {
    if (l.text[0] == '&') {
      current = Upper(Trim(l.text.substr(0, l.text.find_first_of(" \t"))));
      while (current.size() > 1 && current.back() == '_') current.pop_back();  // "&PREPOSIT1_"
      synsets_[current];
    } else if (l.text[0] == '+' && !current.empty()) {
      synsets_[current].push_back(std::string(Trim(l.text.substr(1))));
    } else {
      current.clear();
    }
  }
  // Expand synsets named inside synsets (one level is what the dictionaries use; three for safety).
  for (int round = 0; round < 3; ++round)
    for (auto& [name, members] : synsets_) {
      std::vector<std::string> out;
      for (const std::string& m : members) {
        auto it = m.size() > 1 && m[0] == '&' ? synsets_.find(Upper(m)) : synsets_.end();
        if (it != synsets_.end() && it->first != name)
          out.insert(out.end(), it->second.begin(), it->second.end());
        else
          out.push_back(m);
      }
      members = std::move(out);
    }
}

Status VerbReader::Read(std::string_view text) {
  std::vector<std::string> storage;
  std::vector<Line> lines = CleanLines(text, &storage);
  ReadSynsets(lines);
  // Pass 2: verb blocks.
  std::vector<VerbEntry> verbs;
  std::string block_code;
  bool in_block = false, in_patterns = false, in_synset = false;
  for (const Line& l : lines) {
    std::string_view t = l.text;
    if (t.starts_with("---")) {
      std::string_view inner = Trim(t.substr(3));
      if (inner.ends_with("---")) inner = Trim(inner.substr(0, inner.size() - 3));
      std::string_view rest;
      Status s = ParseCodeBracket(l.number, inner, &block_code, &rest);
      if (!s.ok()) return s;
      if (rest.empty()) return LineError(path_, l.number, "verb block header without a verb");
      verbs.clear();
      in_block = true;
      in_patterns = false;
      in_synset = false;
      continue;
    }
    if (t[0] == '&') {
      in_synset = true;
      continue;
    }
    if (in_synset && t[0] == '+') continue;
    in_synset = false;
    if (!in_block) {
      if (t[0] == '-') return LineError(path_, l.number, "pattern outside a verb block");
      continue;  // stray text before the first block
    }
    if (t[0] == '-') {
      in_patterns = true;
      Status s = AddPattern(l.number, Trim(t.substr(1)), verbs);
      if (!s.ok()) return s;
      continue;
    }
    if (in_patterns) {
      // A verb line after patterns starts a new group within the same block.
      verbs.clear();
      in_patterns = false;
    }
    VerbEntry v;
    Status s = ParseVerbLine(l.number, t, &v);
    if (!s.ok()) return s;
    std::string code = v.code.empty() ? block_code : v.code;
    if (code != "---" && !code.empty()) {
      Pattern p;
      p.code = code;
      p.elems = v.before;
      p.anchor = static_cast<int>(p.elems.size());
      p.elems.push_back(v.verb);
      for (Elem e : v.after) {
        e.adjacent = true;
        p.elems.push_back(std::move(e));
      }
      p.nomod = true;
      p.rule = path_ + ":" + std::to_string(l.number);
      p.text = std::string(t);
      d_->verbs.Add(std::move(p));
    }
    verbs.push_back(std::move(v));
  }
  return Status::Ok();
}

StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Status LoadPetrarchVerbs(std::string_view path, std::string_view text, Dictionaries* d) {
  return VerbReader(path, d).Read(text);
}

Status LoadPetrarchActors(std::string_view path, std::string_view text, Dictionaries* d) {
  std::vector<std::string> storage;
  int current = -1;
  for (const Line& l : CleanLines(text, &storage)) {
    std::string_view t = l.text;
    if (t[0] == '+') {
      if (current < 0) return LineError(path, l.number, "synonym before any actor");
      std::string_view syn =
          Trim(t.substr(1, t.find('[') == std::string_view::npos ? std::string_view::npos : t.find('[') - 1));
      d->actor_phrases.Add(NameTokens(syn), static_cast<uint32_t>(current), false);
      continue;
    }
    size_t open = t.find('[');
    std::string_view name = Trim(t.substr(0, open));
    if (!name.empty()) {
      ActorEntry e;
      e.kind = ActorEntry::Kind::kPerson;
      e.name = DisplayName(name);
      current = d->AddActor(std::move(e));
      d->actor_phrases.Add(NameTokens(name), static_cast<uint32_t>(current), false);
    } else if (current < 0) {
      return LineError(path, l.number, "code before any actor");
    }
    while (open != std::string_view::npos) {
      size_t close = t.find(']', open);
      if (close == std::string_view::npos) return LineError(path, l.number, "unclosed [code]");
      ActorEntry::Dated dated;
      Status s = ParseCode(path, l.number, t.substr(open + 1, close - open - 1), &dated);
      if (!s.ok()) return s;
      ActorEntry& e = d->actors[current];
      if (dated.from == 0 && dated.to == 0) {
        if (e.code.empty()) e.code = dated.code;
      } else {
        e.dated.push_back(dated);
        if (e.code.empty()) e.code = dated.code;
      }
      if (e.code.size() == 3 && e.dated.empty()) {
        e.kind = ActorEntry::Kind::kCountry;
        e.country = e.code;
      } else {
        e.kind = ActorEntry::Kind::kPerson;
        e.country.clear();
      }
      open = t.find('[', close);
    }
  }
  return Status::Ok();
}

Status LoadPetrarchAgents(std::string_view path, std::string_view text, Dictionaries* d) {
  std::vector<std::string> storage;
  StringMap<std::vector<std::string>> macros;
  for (const Line& l : CleanLines(text, &storage)) {
    std::string_view t = l.text;
    if (t[0] == '!' && t.find('=') != std::string_view::npos) {
      size_t eq = t.find('=');
      size_t end = t.find('!', 1);
      if (end == std::string_view::npos || end > eq) return LineError(path, l.number, "bad !MACRO! = A, B line");
      macros[std::string(t.substr(0, end + 1))] = SplitList(t.substr(eq + 1), ',');
      continue;
    }
    size_t open = t.rfind('[');
    if (open == std::string_view::npos) {  // an entry without a code (one in the OEDA file): skipped
      d->warnings.push_back(std::string(path) + ":" + std::to_string(l.number) + ": agent without [~CODE], skipped");
      continue;
    }
    // "[~ENV}" occurs in the OEDA agents file: a brace closes the code as well.
    size_t close = t.find_first_of("]}", open);
    if (close == std::string_view::npos) return LineError(path, l.number, "unclosed [code]");
    std::string role;
    for (char c : t.substr(open + 1, close - open - 1))
      if (c != ' ' && c != '\t') role.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    if (role.empty() || role.find('~') == std::string::npos)
      return LineError(path, l.number, "agent code must be ~CODE or CODE~");
    std::string_view head = Trim(t.substr(0, open));
    std::vector<std::string> plurals;
    bool explicit_plural = false;
    if (size_t b = head.find('{'); b != std::string_view::npos) {
      size_t e = head.find('}', b);
      if (e == std::string_view::npos) return LineError(path, l.number, "unclosed {plural}");
      plurals = SplitList(head.substr(b + 1, e - b - 1), ' ');
      explicit_plural = true;
      head = Trim(head.substr(0, b));
    }
    std::vector<std::string> phrases{std::string(head)};
    for (const auto& [macro, alts] : macros) {
      std::vector<std::string> next;
      for (const std::string& p : phrases) {
        size_t at = p.find(macro);
        if (at == std::string::npos) {
          next.push_back(p);
          continue;
        }
        for (const std::string& a : alts) next.push_back(p.substr(0, at) + a + p.substr(at + macro.size()));
      }
      phrases = std::move(next);
    }
    for (const std::string& p : phrases) {
      std::string base = p;
      while (!base.empty() && base.back() == '_') base.pop_back();
      d->agents.Add(NameTokens(base), role, false);
      if (!explicit_plural) d->agents.Add(NameTokens(base + "S"), role, false);
    }
    for (const std::string& p : plurals) d->agents.Add(NameTokens(p), role, false);
  }
  return Status::Ok();
}

Status LoadPetrarchDiscards(std::string_view path, std::string_view text, Dictionaries* d) {
  std::vector<std::string> storage;
  for (const Line& l : CleanLines(text, &storage)) {
    std::string_view t = l.text;
    bool story = t[0] == '+';
    if (story) t = Trim(t.substr(1));
    if (t.empty()) return LineError(path, l.number, "empty discard phrase");
    (story ? d->story_discards : d->discards).push_back(NameTokens(t));
  }
  return Status::Ok();
}

Status LoadPetrarchFiles(const std::string& verbs, const std::string& actors, const std::string& agents,
                         const std::string& discards, Dictionaries* d) {
  struct Job {
    const std::string* path;
    Status (*load)(std::string_view, std::string_view, Dictionaries*);
  };
  for (Job j : {Job{&verbs, LoadPetrarchVerbs}, Job{&actors, LoadPetrarchActors}, Job{&agents, LoadPetrarchAgents},
                Job{&discards, LoadPetrarchDiscards}}) {
    if (j.path->empty()) continue;
    auto text = ReadFile(*j.path);
    if (!text.ok()) return text.status();
    Status s = j.load(*j.path, *text, d);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status LoadPetrarchDirectory(const std::string& dir, Dictionaries* d) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.is_regular_file()) files.push_back(entry.path());
  if (ec) return Status::IoError("cannot read dictionary folder " + dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  int loaded = 0;
  for (const auto& f : files) {
    std::string name = ToLower(f.filename().string());
    if (!name.ends_with(".txt")) continue;
    Status (*load)(std::string_view, std::string_view, Dictionaries*) = nullptr;
    if (name.find("verbs") != std::string::npos || name.starts_with("cameo"))
      load = LoadPetrarchVerbs;
    else if (name.find("actors") != std::string::npos)
      load = LoadPetrarchActors;
    else if (name.find("agents") != std::string::npos)
      load = LoadPetrarchAgents;
    else if (name.find("discards") != std::string::npos)
      load = LoadPetrarchDiscards;
    if (load == nullptr) continue;
    auto text = ReadFile(f.string());
    if (!text.ok()) return text.status();
    Status s = load(f.string(), *text, d);
    if (!s.ok()) return s;
    ++loaded;
  }
  if (loaded == 0)
    return Status::NotFound("no PETRARCH dictionaries (*verbs*, *actors*, *agents*, *discards*.txt) in " + dir);
  return Status::Ok();
}

StatusOr<std::vector<PetrarchRecord>> ParsePetrarchRecords(std::string_view xml) {
  std::vector<PetrarchRecord> out;
  auto attr = [](std::string_view tag, std::string_view name) -> std::string {
    size_t p = 0;
    while ((p = tag.find(name, p)) != std::string_view::npos) {
      size_t q = p + name.size();
      while (q < tag.size() && tag[q] == ' ') ++q;
      if (q < tag.size() && tag[q] == '=') {
        ++q;
        while (q < tag.size() && tag[q] == ' ') ++q;
        if (q >= tag.size()) return {};
        char quote = tag[q];
        size_t e = tag.find(quote, q + 1);
        if (e == std::string_view::npos) return {};
        std::string v(tag.substr(q + 1, e - q - 1));
        v.erase(std::remove(v.begin(), v.end(), '"'), v.end());
        return v;
      }
      p = q;
    }
    return {};
  };
  size_t pos = 0;
  while ((pos = xml.find("<Sentence ", pos)) != std::string_view::npos) {
    size_t end = xml.find("</Sentence>", pos);
    if (end == std::string_view::npos) return Status::Corrupt("unclosed <Sentence> at byte " + std::to_string(pos));
    std::string_view rec = xml.substr(pos, end - pos);
    pos = end;
    PetrarchRecord r;
    std::string_view open_tag = rec.substr(0, rec.find('>'));
    r.id = attr(open_tag, "id");
    r.date = attr(open_tag, "date");
    size_t c = 0;
    while ((c = rec.find("<EventCoding", c)) != std::string_view::npos) {
      std::string_view tag = rec.substr(c, rec.find('>', c) - c);
      c += 12;
      if (tag.find("noevents") != std::string_view::npos) {
        r.no_events = true;
        continue;
      }
      if (tag.find("error") != std::string_view::npos) {
        r.error = true;
        continue;
      }
      r.expected.push_back({attr(tag, "sourcecode"), attr(tag, "targetcode"), attr(tag, "eventcode")});
    }
    size_t t = rec.find("<Text>");
    size_t te = rec.find("</Text>");
    if (t == std::string_view::npos || te == std::string_view::npos || te < t)
      return Status::Corrupt("record " + r.id + " has no <Text>");
    std::string text(Trim(rec.substr(t + 6, te - t - 6)));
    for (char& ch : text)
      if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    r.text = std::move(text);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace newsgraph::events
