#include "quotes/lexicon.h"

#include <algorithm>

#include "core/data.h"

namespace newsgraph::quotes {
namespace {

Status BadLine(std::string_view file, int line, std::string_view why) {
  return DataLineError("quotes/" + std::string(file), line, why);
}

StatusOr<std::vector<DataLine>> Lines(std::string_view file, size_t fields, std::string* storage) {
  auto text = ReadDataFile("quotes/" + std::string(file));
  if (!text.ok()) return text.status();
  *storage = std::move(text).value();
  std::vector<DataLine> lines = ParseTsv(*storage);
  for (const DataLine& l : lines) {
    if (l.fields.size() < fields) return BadLine(file, l.line_number, "expected " + std::to_string(fields) + " fields");
  }
  return lines;
}

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t sp = s.find(' ', pos);
    if (sp == std::string_view::npos) sp = s.size();
    if (sp > pos) out.emplace_back(s.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return out;
}

}  // namespace

std::string Fold(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c == 0xE2 && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x80 &&
        static_cast<unsigned char>(word[i + 2]) == 0x99) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : static_cast<char>(c));
  }
  return out;
}

bool FoldInto(std::string_view word, char* buf, size_t cap, size_t* len) {
  size_t n = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    if (n >= cap) return false;
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c == 0xE2 && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x80 &&
        static_cast<unsigned char>(word[i + 2]) == 0x99) {
      buf[n++] = '\'';
      i += 2;
      continue;
    }
    buf[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : static_cast<char>(c);
  }
  *len = n;
  return true;
}

void QuoteLexicon::BuildTable() {
  size_t cap = 16;
  while (cap < info.size() * 4) cap <<= 1;
  table_.assign(cap, Slot{});
  for (const auto& entry : info) {
    uint64_t h = Fingerprint(entry.first) | 1;
    size_t i = h & (cap - 1);
    while (table_[i].hash != 0) i = (i + 1) & (cap - 1);
    table_[i] = Slot{h, &entry};
  }
}

StatusOr<std::unique_ptr<QuoteLexicon>> QuoteLexicon::Load() {
  auto lex = std::make_unique<QuoteLexicon>();
  std::string text;
  {
    auto lines = Lines("cues.tsv", 3, &text);
    if (!lines.ok()) return lines.status();
    for (const DataLine& l : *lines) {
      Cue c;
      c.words = SplitWords(l.fields[0]);
      std::string_view kind = l.fields[1], where = l.fields[2];
      if (kind == "verb")
        c.kind = CueKind::kVerb;
      else if (kind == "participle")
        c.kind = CueKind::kParticiple;
      else if (kind == "source")
        c.kind = CueKind::kSource;
      else if (kind == "frame")
        c.kind = CueKind::kFrame;
      else if (kind == "noun")
        c.kind = CueKind::kNoun;
      else
        return BadLine("cues.tsv", l.line_number, "unknown kind");
      if (where == "any")
        c.where = CueWhere::kAny;
      else if (where == "before")
        c.where = CueWhere::kBefore;
      else if (where == "after")
        c.where = CueWhere::kAfter;
      else
        return BadLine("cues.tsv", l.line_number, "unknown position");
      if (c.words.empty()) return BadLine("cues.tsv", l.line_number, "empty phrase");
      lex->max_cue_words = std::max(lex->max_cue_words, c.words.size());
      lex->closer_followers.insert(c.words[0]);
      lex->cues_by_first[c.words[0]].push_back(static_cast<uint32_t>(lex->cues.size()));
      lex->cues.push_back(std::move(c));
    }
    for (auto& [w, ids] : lex->cues_by_first) {
      std::stable_sort(ids.begin(), ids.end(),
                       [&](uint32_t a, uint32_t b) { return lex->cues[a].words.size() > lex->cues[b].words.size(); });
    }
  }
  {
    auto lines = Lines("pronouns.tsv", 3, &text);
    if (!lines.ok()) return lines.status();
    for (const DataLine& l : *lines) {
      auto g = ParseGender("quotes/pronouns.tsv", l.line_number, l.fields[1]);
      if (!g.ok()) return g.status();
      bool subject = l.fields[2] == "yes";
      lex->pronouns[std::string(l.fields[0])] = Pronoun{*g, subject};
      if (subject) lex->closer_followers.insert(std::string(l.fields[0]));
    }
  }
  {
    auto lines = Lines("titles.tsv", 2, &text);
    if (!lines.ok()) return lines.status();
    for (const DataLine& l : *lines) {
      auto g = ParseGender("quotes/titles.tsv", l.line_number, l.fields[1]);
      if (!g.ok()) return g.status();
      lex->titles[std::string(l.fields[0])] = *g;
    }
  }
  {
    auto lines = Lines("roles.tsv", 2, &text);
    if (!lines.ok()) return lines.status();
    for (const DataLine& l : *lines) {
      std::string_view k = l.fields[1];
      RoleKind kind = k == "person" ? RoleKind::kPerson : k == "body" ? RoleKind::kBody : RoleKind::kDoc;
      if (k != "person" && k != "body" && k != "doc") return BadLine("roles.tsv", l.line_number, "unknown kind");
      lex->roles[std::string(l.fields[0])] = kind;
      if (l.fields.size() > 2 && !l.fields[2].empty())
        lex->role_refers[std::string(l.fields[0])] = std::string(l.fields[2]);
    }
  }
  {
    auto lines = Lines("demonyms.tsv", 2, &text);
    if (!lines.ok()) return lines.status();
    for (const DataLine& l : *lines) lex->demonyms[std::string(l.fields[0])] = std::string(l.fields[1]);
  }
  {
    auto lines = Lines("words.tsv", 2, &text);
    if (!lines.ok()) return lines.status();
    for (const DataLine& l : *lines) {
      std::string_view c = l.fields[1];
      uint8_t bit = c == "prep"       ? 1
                    : c == "det"      ? 2
                    : c == "adv"      ? 4
                    : c == "notname"  ? 8
                    : c == "rel"      ? 16
                    : c == "conj"     ? 32
                                      : 0;
      if (!bit) return BadLine("words.tsv", l.line_number, "unknown class");
      lex->words[std::string(l.fields[0])] |= bit;
    }
  }
  lex->closer_followers.insert("and");
  for (const auto& [w, ids] : lex->cues_by_first) lex->info[w].cues = ids;
  for (const auto& [w, p] : lex->pronouns) {
    WordInfo& i = lex->info[w];
    i.pronoun = true;
    i.subject_pronoun = p.subject;
  }
  for (const auto& [w, g] : lex->titles) lex->info[w].title = true;
  for (const auto& [w, r] : lex->roles) lex->info[w].role = static_cast<int8_t>(r);
  for (const auto& [w, c] : lex->words) lex->info[w].classes |= c;
  lex->BuildTable();
  for (const auto& [w, i] : lex->info) lex->max_word_bytes = std::max(lex->max_word_bytes, w.size() + 2);
  for (const auto& [w, c] : lex->demonyms) lex->demonym_by_word[w] = c;
  return lex;
}

}  // namespace newsgraph::quotes
