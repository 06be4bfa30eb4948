#include "core/utf8.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace newsgraph::utf8 {

size_t Repair(std::string_view in, std::string* out) {
  out->clear();
  out->reserve(in.size());
  size_t bad = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int32_t n = static_cast<int32_t>(in.size());
  int32_t i = 0;
  // ICU's U8_NEXT takes int32 lengths; process very large inputs in windows.
  if (in.size() > static_cast<size_t>(INT32_MAX / 2)) {
    size_t pos = 0;
    std::string piece;
    while (pos < in.size()) {
      size_t len = std::min<size_t>(1 << 20, in.size() - pos);
      // Do not cut a multi-byte sequence: back up to a lead byte.
      while (pos + len < in.size() && len > 0 && (static_cast<uint8_t>(in[pos + len]) & 0xC0) == 0x80) --len;
      if (len == 0) len = 1;
      bad += Repair(in.substr(pos, len), &piece);
      out->append(piece);
      pos += len;
    }
    return bad;
  }
  while (i < n) {
    if (s[i] < 0x80) {
      int32_t e = i + 1;
      while (e < n && s[e] < 0x80) ++e;
      out->append(in.data() + i, e - i);
      i = e;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      out->append("\xEF\xBF\xBD");
      ++bad;
    } else {
      out->append(in.data() + start, i - start);
    }
  }
  return bad;
}

bool IsValid(std::string_view in) {
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  size_t i = 0, n = in.size();
  while (i < n) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    size_t before = i;
    if (Next(in, &i) == 0xFFFD) {
      // A literal U+FFFD is valid; a decoding failure is not.
      if (!(i - before == 3 && s[before] == 0xEF && s[before + 1] == 0xBF && s[before + 2] == 0xBD)) return false;
    }
  }
  return true;
}

bool NfcIfNeeded(std::string_view s, std::string* out) {
  // Below U+0300 nothing composes or reorders, nor in General Punctuation (U+2000-U+203F:
  // dashes, curly quotes), the commonest non-Latin-1 characters in news.
  bool stable = true;
  for (size_t i = 0; i < s.size(); ++i) {
    uint8_t b = static_cast<uint8_t>(s[i]);
    if (b < 0xCC) continue;
    if (b == 0xE2 && i + 2 < s.size() && static_cast<uint8_t>(s[i + 1]) == 0x80) {
      i += 2;
      continue;
    }
    stable = false;
    break;
  }
  if (stable) return false;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return false;
  icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
  if (nfc->isNormalizedUTF8(piece, err) && U_SUCCESS(err)) return false;
  err = U_ZERO_ERROR;
  out->clear();
  icu::StringByteSink<std::string> sink(out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, err);
  return U_SUCCESS(err);
}

std::string ToNfc(std::string_view s) {
  std::string out;
  return NfcIfNeeded(s, &out) ? out : std::string(s);
}

char32_t NextMultiByte(std::string_view str, size_t* i) {
  const auto* s = reinterpret_cast<const uint8_t*>(str.data());
  size_t n = str.size();
  uint8_t b = s[*i];
  int len = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || *i + len > n) {
    ++*i;
    return 0xFFFD;
  }
  char32_t c = b & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) {
    uint8_t t = s[*i + k];
    if ((t & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    c = (c << 6) | (t & 0x3F);
  }
  static constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kMin[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    ++*i;
    return 0xFFFD;
  }
  *i += len;
  return c;
}

void Append(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string Lower(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.toLower();
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool IsAlphaSlow(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool IsUpperSlow(char32_t c) { return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c)); }
bool IsDigitSlow(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }
bool IsSpaceSlow(char32_t c) {
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x00A0 || c == 0x202F || c == 0x2007;
}

}  // namespace newsgraph::utf8
