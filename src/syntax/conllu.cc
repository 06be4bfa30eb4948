#include "syntax/conllu.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace newsgraph::syntax {
namespace {

bool ParseInt(std::string_view s, int* v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

bool SpaceAfterNo(std::string_view misc) {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    if (bar == std::string_view::npos) bar = misc.size();
    if (misc.substr(pos, bar - pos) == "SpaceAfter=No") return true;
    pos = bar + 1;
  }
  return false;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

Status LineError(int line, std::string_view what) {
  return Status::InvalidArgument("CoNLL-U line " + std::to_string(line) + ": " + std::string(what));
}

}  // namespace

StatusOr<std::vector<ConlluSentence>> ParseConllu(std::string_view text) {
  std::vector<ConlluSentence> out;
  ConlluSentence cur;
  bool open = false;
  int line_no = 0;
  size_t pos = 0;
  auto finish = [&]() -> Status {
    if (!open) return Status::Ok();
    for (size_t i = 0; i < cur.words.size(); ++i) {
      int h = cur.words[i].head;
      if (h < 0 || h > static_cast<int>(cur.words.size())) {
        return LineError(line_no, "head " + std::to_string(h) + " outside the sentence");
      }
    }
    out.push_back(std::move(cur));
    cur = ConlluSentence();
    open = false;
    return Status::Ok();
  };
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) {
      if (Status s = finish(); !s.ok()) return s;
      continue;
    }
    open = true;
    if (line[0] == '#') {
      std::string_view body = Trim(line.substr(1));
      size_t eq = body.find('=');
      std::string key(Trim(body.substr(0, eq)));
      std::string value(eq == std::string_view::npos ? "" : Trim(body.substr(eq + 1)));
      if (key == "text") cur.text = value;
      else if (key == "sent_id") cur.sent_id = value;
      else if (key == "newdoc id" || key == "newdoc") cur.newdoc = value.empty() ? "-" : value;
      cur.comments.emplace_back(std::move(key), std::move(value));
      continue;
    }
    std::string_view cols[10];
    size_t c = 0, start = 0;
    for (size_t i = 0; i <= line.size() && c < 10; ++i) {
      if (i == line.size() || line[i] == '\t') {
        cols[c++] = line.substr(start, i - start);
        start = i + 1;
      }
    }
    if (c != 10) return LineError(line_no, "expected 10 tab-separated columns, found " + std::to_string(c));
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    if (size_t dash = id.find('-'); dash != std::string_view::npos) {
      ConlluToken t;
      if (!ParseInt(id.substr(0, dash), &t.first) || !ParseInt(id.substr(dash + 1), &t.last) ||
          t.first > t.last) {
        return LineError(line_no, "bad multiword token range '" + std::string(id) + "'");
      }
      t.form = cols[1];
      t.space_after = !SpaceAfterNo(cols[9]);
      cur.multiword.push_back(std::move(t));
      continue;
    }
    int n = 0;
    if (!ParseInt(id, &n) || n != static_cast<int>(cur.words.size()) + 1) {
      return LineError(line_no, "word id '" + std::string(id) + "' out of sequence");
    }
    ConlluWord w;
    w.form = cols[1];
    w.lemma = cols[2];
    w.upos = cols[3];
    w.xpos = cols[4];
    w.feats = cols[5];
    if (cols[6] == "_") {
      w.head = 0;
    } else if (!ParseInt(cols[6], &w.head)) {
      return LineError(line_no, "bad head '" + std::string(cols[6]) + "'");
    }
    w.deprel = cols[7];
    w.deps = cols[8];
    w.misc = cols[9];
    w.space_after = !SpaceAfterNo(cols[9]);
    cur.words.push_back(std::move(w));
  }
  if (Status s = finish(); !s.ok()) return s;
  return out;
}

StatusOr<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  auto parsed = ParseConllu(ss.str());
  if (!parsed.ok()) return Status::InvalidArgument(path + ": " + parsed.status().message());
  return parsed;
}

void WriteConllu(const ConlluSentence& s, std::string* out) {
  for (const auto& [key, value] : s.comments) {
    *out += "# ";
    *out += key;
    if (!value.empty() || key == "text") {
      *out += " = ";
      *out += value;
    }
    *out += '\n';
  }
  size_t mw = 0;
  for (size_t i = 0; i < s.words.size(); ++i) {
    int id = static_cast<int>(i) + 1;
    while (mw < s.multiword.size() && s.multiword[mw].first == id) {
      const ConlluToken& t = s.multiword[mw++];
      *out += std::to_string(t.first) + "-" + std::to_string(t.last) + "\t" + t.form + "\t_\t_\t_\t_\t_\t_\t_\t" +
              (t.space_after ? "_" : "SpaceAfter=No") + "\n";
    }
    const ConlluWord& w = s.words[i];
    auto col = [](const std::string& v) { return v.empty() ? std::string("_") : v; };
    *out += std::to_string(id) + "\t" + col(w.form) + "\t" + col(w.lemma) + "\t" + col(w.upos) + "\t" +
            col(w.xpos) + "\t" + col(w.feats) + "\t" + std::to_string(w.head) + "\t" + col(w.deprel) + "\t" +
            col(w.deps) + "\t" + col(w.misc) + "\n";
  }
  *out += '\n';
}

std::string SurfaceText(const ConlluSentence& s) {
  std::string text;
  size_t mw = 0;
  for (size_t i = 0; i < s.words.size();) {
    int id = static_cast<int>(i) + 1;
    while (mw < s.multiword.size() && s.multiword[mw].first < id) ++mw;
    if (mw < s.multiword.size() && s.multiword[mw].first == id) {
      const ConlluToken& t = s.multiword[mw];
      text += t.form;
      if (t.space_after) text += ' ';
      i = static_cast<size_t>(t.last);
      continue;
    }
    text += s.words[i].form;
    if (s.words[i].space_after) text += ' ';
    ++i;
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

void ReadEntityMentions(std::string_view misc, int word, std::vector<EntityMention>* open,
                        std::vector<EntityMention>* out) {
  size_t at = misc.find("Entity=");
  if (at == std::string_view::npos) return;
  std::string_view v = misc.substr(at + 7);
  v = v.substr(0, v.find('|'));
  for (size_t k = 0; k < v.size();) {
    if (v[k] == '(') {
      size_t e = v.find_first_of("()", k + 1);
      std::string_view label = v.substr(k + 1, (e == std::string_view::npos ? v.size() : e) - k - 1);
      size_t dash = label.find('-');
      EntityMention m;
      m.id = std::string(label.substr(0, dash));
      std::string_view type = dash == std::string_view::npos ? "" : label.substr(dash + 1);
      m.type = std::string(type.substr(0, type.find('-')));
      m.first = m.last = word;
      if (e != std::string_view::npos && v[e] == ')') {
        out->push_back(std::move(m));
        k = e + 1;
      } else {
        open->push_back(std::move(m));
        k = e == std::string_view::npos ? v.size() : e;
      }
    } else {
      size_t e = v.find(')', k);
      if (e == std::string_view::npos) break;
      std::string_view id = v.substr(k, e - k);
      for (size_t o = open->size(); o-- > 0;) {
        if ((*open)[o].id != id) continue;
        (*open)[o].last = word;
        out->push_back(std::move((*open)[o]));
        open->erase(open->begin() + static_cast<long>(o));
        break;
      }
      k = e + 1;
    }
  }
}

}  // namespace newsgraph::syntax
