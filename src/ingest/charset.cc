#include "ingest/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <memory>

#include "core/utf8.h"

namespace newsgraph {
namespace {

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n\"'");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n\"'");
  return std::string(s.substr(b, e - b + 1));
}

// The value after "charset=" in `s` (lower case), up to a quote, ';', space or '>'.
std::string CharsetParam(std::string_view lower) {
  size_t p = lower.find("charset");
  while (p != std::string_view::npos) {
    size_t q = p + 7;
    while (q < lower.size() && (lower[q] == ' ' || lower[q] == '\t')) ++q;
    if (q < lower.size() && lower[q] == '=') {
      ++q;
      while (q < lower.size() && (lower[q] == ' ' || lower[q] == '"' || lower[q] == '\'')) ++q;
      size_t e = q;
      while (e < lower.size() && lower[e] != '"' && lower[e] != '\'' && lower[e] != ';' && lower[e] != ' ' &&
             lower[e] != '>' && lower[e] != '/' && lower[e] != ',' && lower[e] != '\r' && lower[e] != '\n')
        ++e;
      if (e > q && e - q < 40) return std::string(lower.substr(q, e - q));
    }
    p = lower.find("charset", p + 7);
  }
  return {};
}

// WHATWG label → the ICU converter to use; "utf-8" for UTF-8 itself.
std::string CanonicalCharset(std::string_view label) {
  std::string l = utf8::AsciiLower(Trim(label));
  static constexpr std::pair<const char*, const char*> kMap[] = {
      {"utf-8", "utf-8"},
      {"utf8", "utf-8"},
      {"unicode-1-1-utf-8", "utf-8"},
      {"x-unicode20utf8", "utf-8"},
      {"iso-8859-1", "windows-1252"},
      {"iso8859-1", "windows-1252"},
      {"iso_8859-1", "windows-1252"},
      {"latin1", "windows-1252"},
      {"l1", "windows-1252"},
      {"us-ascii", "windows-1252"},
      {"ascii", "windows-1252"},
      {"ansi_x3.4-1968", "windows-1252"},
      {"cp1252", "windows-1252"},
      {"windows-1252", "windows-1252"},
      {"x-cp1252", "windows-1252"},
      {"cp819", "windows-1252"},
      {"ibm819", "windows-1252"},
      {"gb2312", "gbk"},
      {"gbk", "gbk"},
      {"x-gbk", "gbk"},
      {"cp936", "gbk"},
      {"windows-936", "gbk"},
      {"gb_2312-80", "gbk"},
      {"csgb2312", "gbk"},
      {"chinese", "gbk"},
      {"euc-cn", "gbk"},
      {"gb18030", "gb18030"},
      {"shift_jis", "windows-31j"},
      {"shift-jis", "windows-31j"},
      {"sjis", "windows-31j"},
      {"x-sjis", "windows-31j"},
      {"ms_kanji", "windows-31j"},
      {"csshiftjis", "windows-31j"},
      {"windows-31j", "windows-31j"},
      {"ms932", "windows-31j"},
      {"cp932", "windows-31j"},
  };
  for (const auto& [from, to] : kMap) {
    if (l == from) return to;
  }
  return l;
}

bool HasMultiByteUtf8(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }) &&
         utf8::IsValid(s);
}

bool IsSingleByteLatin(std::string_view icu_name) {
  return icu_name == "windows-1252" || icu_name.starts_with("iso-8859-") || icu_name.starts_with("windows-125");
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// Converts with ICU; false when the converter does not exist.
bool IcuToUtf8(std::string_view bytes, const std::string& name, std::string* out) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(name.c_str(), &err));
  if (U_FAILURE(err) || conv == nullptr) return false;
  out->clear();
  // Worst case: every input byte becomes a 3-byte UTF-8 sequence (U+FFFD or a BMP char).
  out->resize(bytes.size() * 3 + 16);
  std::unique_ptr<UConverter, ConverterCloser> utf8(ucnv_open("UTF-8", &err));
  if (U_FAILURE(err)) return false;
  char* target = out->data();
  const char* source = bytes.data();
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  ucnv_convertEx(utf8.get(), conv.get(), &target, out->data() + out->size(), &source, bytes.data() + bytes.size(),
                 pivot, &pivot_source, &pivot_target, pivot + 1024, true, true, &err);
  if (U_FAILURE(err)) return false;
  out->resize(target - out->data());
  return true;
}

std::string DetectCharset(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&err));
  if (U_FAILURE(err)) return {};
  std::string_view sample = bytes.substr(0, 64 * 1024);
  ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &err);
  const UCharsetMatch* m = ucsdet_detect(det.get(), &err);
  if (U_FAILURE(err) || m == nullptr) return {};
  const char* name = ucsdet_getName(m, &err);
  if (U_FAILURE(err) || name == nullptr) return {};
  return CanonicalCharset(name);
}

}  // namespace

std::string CharsetFromContentType(std::string_view content_type) {
  return CanonicalCharset(CharsetParam(utf8::AsciiLower(content_type)));
}

std::string MediaTypeFromContentType(std::string_view content_type) {
  return utf8::AsciiLower(Trim(content_type.substr(0, content_type.find(';'))));
}

std::string SniffDeclaredCharset(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return "utf-8";
  if (bytes.starts_with("\xFF\xFE")) return "utf-16le";
  if (bytes.starts_with("\xFE\xFF")) return "utf-16be";
  std::string head = utf8::AsciiLower(bytes.substr(0, 4096));
  if (head.starts_with("<?xml")) {
    size_t end = head.find("?>");
    size_t enc = head.find("encoding", 0);
    if (enc != std::string::npos && (end == std::string::npos || enc < end)) {
      size_t q = head.find_first_of("\"'", enc);
      if (q != std::string::npos) {
        size_t e = head.find(head[q], q + 1);
        if (e != std::string::npos && e - q < 40) return CanonicalCharset(head.substr(q + 1, e - q - 1));
      }
    }
  }
  // <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">
  for (size_t p = head.find("<meta"); p != std::string::npos; p = head.find("<meta", p + 5)) {
    size_t e = head.find('>', p);
    if (e == std::string::npos) break;
    std::string cs = CharsetParam(std::string_view(head).substr(p, e - p));
    if (!cs.empty()) return CanonicalCharset(cs);
  }
  return {};
}

void ConvertToUtf8(std::string_view bytes, std::string_view declared, std::string_view source, std::string* out,
                   std::vector<std::string>* warnings) {
  std::string where = source.empty() ? std::string("input") : std::string(source);
  std::string name = CanonicalCharset(declared);
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    name = "utf-8";
  } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    name = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
    bytes.remove_prefix(2);
  }
  if (name != "utf-8" && !name.starts_with("utf-16") && HasMultiByteUtf8(bytes)) {
    if (!name.empty() && IsSingleByteLatin(name)) {
      warnings->push_back(where + ": declared charset " + std::string(declared) +
                          " but the bytes are UTF-8; read as UTF-8");
    }
    name = "utf-8";
  }
  if (name.empty()) {
    if (utf8::IsValid(bytes)) {
      name = "utf-8";
    } else {
      name = DetectCharset(bytes);
      if (name.empty()) name = "windows-1252";
      warnings->push_back(where + ": no charset declared and not UTF-8; detected " + name);
    }
  }
  if (name == "utf-8") {
    size_t bad = utf8::Repair(bytes, out);
    if (bad > 0) {
      warnings->push_back(where + ": repaired " + std::to_string(bad) + " invalid UTF-8 sequence" +
                          (bad == 1 ? "" : "s") + " (replaced with U+FFFD)");
    }
    return;
  }
  if (!IcuToUtf8(bytes, name, out)) {
    warnings->push_back(where + ": unknown charset '" + std::string(declared) + "'; read as UTF-8");
    utf8::Repair(bytes, out);
  }
}

}  // namespace newsgraph
