#include "syntax/lexical.h"

#include "core/utf8.h"
#include "syntax/perceptron.h"

namespace newsgraph::syntax {

std::string NormalizeWord(std::string_view form) {
  std::string out;
  out.reserve(form.size());
  bool ascii = true;
  for (char c : form) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    for (char c : form) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      else if (c >= '0' && c <= '9') c = '0';
      out.push_back(c);
    }
    return out;
  }
  out = utf8::Lower(form);
  for (char& c : out) {
    if (c >= '0' && c <= '9') c = '0';
  }
  return out;
}

Lexeme MakeLexeme(std::string_view form) {
  Lexeme x;
  x.form = HashString(form);
  std::string low = NormalizeWord(form);
  x.lower = HashString(low);
  // Affixes by characters (UTF-8 aware): where the first characters start, and the last
  // four (a ring).
  size_t head[4] = {}, last[4] = {};
  size_t chars = 0;
  for (size_t i = 0; i < low.size(); ++i) {
    if ((static_cast<unsigned char>(low[i]) & 0xC0) == 0x80) continue;
    if (chars < 4) head[chars] = i;
    last[chars % 4] = i;
    ++chars;
  }
  const std::string_view lv = low;
  for (size_t k = 1; k <= 3; ++k) {
    x.prefix[k - 1] = chars >= k ? HashString(lv.substr(0, k < chars ? head[k] : lv.size())) : kNone;
  }
  for (size_t k = 1; k <= 4; ++k) {
    x.suffix[k - 1] = chars >= k ? HashString(lv.substr(last[(chars - k) % 4])) : kNone;
  }
  std::string shape;
  bool upper = false, lower = false, digit = false, hyphen = false;
  size_t i = 0;
  bool first = true;
  while (i < form.size()) {
    char32_t c = utf8::Next(form, &i);
    char s;
    if (utf8::IsUpper(c)) {
      s = 'X';
      upper = true;
      if (first) x.flags |= kFirstUpper;
    } else if (utf8::IsAlpha(c)) {
      s = 'x';
      lower = true;
    } else if (utf8::IsDigit(c)) {
      s = 'd';
      digit = true;
    } else {
      s = c < 0x80 ? static_cast<char>(c) : '*';
      if (c == '-') hyphen = true;
    }
    first = false;
    // Runs of the same class collapse after two characters ("Xxxx" -> "Xx").
    if (shape.size() >= 2 && shape.back() == s && shape[shape.size() - 2] == s) continue;
    shape.push_back(s);
  }
  x.shape = HashString(shape);
  if (upper) x.flags |= kHasUpper;
  if (digit) x.flags |= kHasDigit;
  if (hyphen) x.flags |= kHasHyphen;
  if (upper && !lower) x.flags |= kAllUpper;
  return x;
}

}  // namespace newsgraph::syntax
