// Character sets: finding the declared charset of a document (HTTP Content-Type, BOM,
// HTML <meta>, XML declaration) and converting the bytes to UTF-8 with ICU.
//
// Labels follow the WHATWG Encoding Standard where it differs from IANA: ISO-8859-1 and
// US-ASCII decode as Windows-1252, GB2312 as GBK/GB18030, Shift_JIS as Windows-31J. Bytes
// that are valid UTF-8 containing multi-byte sequences are taken as UTF-8 even when a
// single-byte Latin charset is declared (a common server misconfiguration; real Latin-1
// text is practically never valid UTF-8). Undeclared non-UTF-8 bytes are identified with
// ICU's charset detector.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace newsgraph {

// The charset parameter of a Content-Type value ("text/html; charset=GBK" → "gbk"),
// lower case, or empty.
std::string CharsetFromContentType(std::string_view content_type);

// The media type of a Content-Type value, lower case, without parameters.
std::string MediaTypeFromContentType(std::string_view content_type);

// The charset a document declares in its first bytes: a byte order mark, an HTML <meta
// charset> / <meta http-equiv content>, or an XML declaration's encoding. Empty if none.
std::string SniffDeclaredCharset(std::string_view bytes);

// Converts `bytes` in charset `declared` (empty: unknown) to well-formed UTF-8 in `*out`.
// A byte order mark is removed. Problems that were repaired (unknown label, undecodable
// bytes) are appended to `*warnings`, prefixed with `source`. Never fails on content; an
// empty result is still a success.
void ConvertToUtf8(std::string_view bytes, std::string_view declared, std::string_view source, std::string* out,
                   std::vector<std::string>* warnings);

}  // namespace newsgraph
