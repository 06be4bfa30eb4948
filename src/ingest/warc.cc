#include "ingest/warc.h"

#include <zlib.h>

#include "core/utf8.h"
#include "ingest/charset.h"
#include "ingest/extract.h"

namespace newsgraph {
namespace {

constexpr size_t kMaxHeaderBytes = 256 * 1024;

std::string_view TrimView(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Splits "Name: value" header lines of `block` (up to the blank line) and calls fn(lower name, value).
template <typename Fn>
void ForEachHeader(std::string_view headers, Fn fn) {
  size_t pos = 0;
  while (pos < headers.size()) {
    size_t nl = headers.find('\n', pos);
    if (nl == std::string_view::npos) nl = headers.size();
    std::string_view line = headers.substr(pos, nl - pos);
    pos = nl + 1;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    fn(utf8::AsciiLower(TrimView(line.substr(0, colon))), TrimView(line.substr(colon + 1)));
  }
}

bool Dechunk(std::string_view body, std::string* out) {
  out->clear();
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) return false;
    std::string_view size_line = TrimView(body.substr(pos, nl - pos));
    size_line = size_line.substr(0, size_line.find(';'));
    if (size_line.empty() || size_line.size() > 12) return false;
    uint64_t n = 0;
    for (char c : size_line) {
      int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
              : (c >= 'A' && c <= 'F')                    ? c - 'A' + 10
                                                          : -1;
      if (d < 0) return false;
      n = n * 16 + static_cast<uint64_t>(d);
    }
    pos = nl + 1;
    if (n == 0) return true;
    if (n > body.size() - pos) return false;
    out->append(body.substr(pos, n));
    pos += n;
    while (pos < body.size() && (body[pos] == '\r' || body[pos] == '\n')) ++pos;
  }
  return true;
}

Status Inflate(std::string_view in, uint64_t max_bytes, std::string* out) {
  z_stream z{};
  if (inflateInit2(&z, 32 + MAX_WBITS) != Z_OK) return Status::Internal("cannot start zlib");
  out->clear();
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  char buf[64 * 1024];
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out->append(buf, sizeof buf - z.avail_out);
    if (out->size() > max_bytes) {
      inflateEnd(&z);
      return Status::Corrupt("HTTP body inflates to more than " + std::to_string(max_bytes >> 20) + " MB");
    }
    if (rc == Z_BUF_ERROR || (rc != Z_OK && rc != Z_STREAM_END)) {
      inflateEnd(&z);
      return Status::Corrupt("corrupt Content-Encoding gzip/deflate data");
    }
  }
  inflateEnd(&z);
  return Status::Ok();
}

// True when `ahead` (the bytes from the start of a record's content) has `length` content
// bytes followed by the record end (CRLF CRLF, tolerating LFs) and then the end of the input
// or the next record.
bool EndsRecord(std::string_view ahead, size_t length) {
  if (ahead.size() < length) return false;
  std::string_view rest = ahead.substr(length);
  for (int i = 0; i < 2; ++i) {
    if (rest.starts_with("\r\n")) {
      rest.remove_prefix(2);
    } else if (rest.starts_with("\n")) {
      rest.remove_prefix(1);
    }
  }
  if (rest.empty()) return ahead.size() < length + 16;  // the input ends there
  return rest.starts_with("WARC/1.") || std::string_view("WARC/1.").starts_with(rest);
}

// Offset of the first "WARC/1.0" or "WARC/1.1" header line that starts a line of `content`.
size_t FindRecordStart(std::string_view content) {
  size_t pos = 0;
  while ((pos = content.find("\nWARC/1.", pos)) != std::string_view::npos) {
    size_t at = pos + 1;
    std::string_view line = content.substr(at, 10);
    if (line.size() >= 9 && (line[7] == '0' || line[7] == '1') && (line[8] == '\r' || line[8] == '\n')) return at;
    pos = at;
  }
  return std::string_view::npos;
}

}  // namespace

StatusOr<HttpResponse> ParseHttpResponse(std::string_view message, uint64_t max_body_bytes) {
  HttpResponse r;
  if (!message.starts_with("HTTP/")) return Status::Corrupt("not an HTTP response (no status line)");
  size_t end = message.find("\r\n\r\n");
  size_t body_at = end == std::string_view::npos ? std::string_view::npos : end + 4;
  if (end == std::string_view::npos) {
    end = message.find("\n\n");
    body_at = end == std::string_view::npos ? std::string_view::npos : end + 2;
  }
  if (end == std::string_view::npos) return Status::Corrupt("HTTP headers do not end (no blank line)");
  std::string_view head = message.substr(0, end);
  size_t sp = head.find(' ');
  if (sp == std::string_view::npos || sp + 4 > head.size()) return Status::Corrupt("malformed HTTP status line");
  for (size_t i = sp + 1; i < sp + 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(head[i]))) return Status::Corrupt("malformed HTTP status code");
    r.status = r.status * 10 + (head[i] - '0');
  }
  std::string transfer, encoding;
  ForEachHeader(head.substr(head.find('\n') == std::string_view::npos ? head.size() : head.find('\n') + 1),
                [&](const std::string& name, std::string_view value) {
                  if (name == "content-type" && r.media_type.empty()) {
                    r.media_type = MediaTypeFromContentType(value);
                    r.charset = CharsetFromContentType(value);
                  } else if (name == "transfer-encoding") {
                    transfer = utf8::AsciiLower(value);
                  } else if (name == "content-encoding") {
                    encoding = utf8::AsciiLower(value);
                  }
                });
  std::string_view body = message.substr(body_at);
  std::string dechunked;
  if (transfer.find("chunked") != std::string::npos && Dechunk(body, &dechunked)) body = dechunked;
  if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
    std::string inflated;
    if (Status s = Inflate(body, max_body_bytes, &inflated); !s.ok()) return s;
    r.body = std::move(inflated);
  } else if (!encoding.empty() && encoding != "identity") {
    return Status::Corrupt("unsupported HTTP Content-Encoding '" + encoding + "'");
  } else {
    r.body.assign(body);
  }
  return r;
}

bool WarcReader::Resync() {
  if (in_->gzip()) return in_->SkipToNextMember();
  // Plain WARC: the next line that starts a record.
  std::string line;
  bool too_long = false;
  while (true) {
    std::string_view peek = in_->Peek(8);
    if (peek.starts_with("WARC/1.")) return true;
    if (!in_->ReadLine(&line, 64, &too_long)) return false;
  }
}

WarcReader::Next WarcReader::Read(WarcRecord* record, Status* error) {
  *record = WarcRecord();
  // Blank lines between records are tolerated.
  while (true) {
    std::string_view p = in_->Peek(2);
    if (p.starts_with("\r\n")) {
      in_->Skip(2);
    } else if (p.starts_with("\n")) {
      in_->Skip(1);
    } else {
      break;
    }
  }
  if (in_->at_end()) {
    if (!in_->status().ok()) {
      *error = in_->status();
      if (!Resync()) return in_->status().ok() ? Next::kError : Next::kError;
      return Next::kError;
    }
    return Next::kEnd;
  }
  in_->StartRecord();
  record->offset = in_->record_offset();
  std::string where = in_->name() + "@" + std::to_string(record->offset);
  std::string line;
  bool too_long = false;
  in_->ReadLine(&line, 64, &too_long);
  if (!line.starts_with("WARC/1.")) {
    // A stream error (truncated or corrupt gzip) is the cause of a garbled line.
    *error = in_->status().ok() ? Status::Corrupt(where + ": not a WARC record (expected a 'WARC/1.x' line)")
                                : in_->status();
    Resync();
    return Next::kError;
  }
  record->version = std::string(TrimView(line));
  int64_t length = -1;
  size_t header_bytes = 0;
  while (true) {
    if (!in_->ReadLine(&line, 64 * 1024, &too_long)) {
      *error =
          in_->status().ok() ? Status::Corrupt(where + ": truncated WARC record (headers do not end)") : in_->status();
      Resync();
      return Next::kError;
    }
    header_bytes += line.size() + 1;
    if (header_bytes > kMaxHeaderBytes) {
      *error = Status::Corrupt(where + ": WARC headers longer than 256 KB");
      Resync();
      return Next::kError;
    }
    std::string_view l = TrimView(line);
    if (l.empty()) break;
    size_t colon = l.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name = utf8::AsciiLower(TrimView(l.substr(0, colon)));
    std::string_view value = TrimView(l.substr(colon + 1));
    if (name == "warc-type") {
      record->type = utf8::AsciiLower(value);
    } else if (name == "warc-target-uri") {
      record->target_uri = std::string(value);
      // WARC 1.0 allowed <uri> in angle brackets.
      if (record->target_uri.starts_with("<") && record->target_uri.ends_with(">")) {
        record->target_uri = record->target_uri.substr(1, record->target_uri.size() - 2);
      }
    } else if (name == "warc-date") {
      record->date = std::string(value);
    } else if (name == "warc-record-id") {
      record->record_id = std::string(value);
    } else if (name == "content-type") {
      record->content_type = std::string(value);
    } else if (name == "content-length") {
      length = 0;
      for (char c : value) {
        if (!std::isdigit(static_cast<unsigned char>(c)) || length > (int64_t{1} << 50)) {
          length = -2;
          break;
        }
        length = length * 10 + (c - '0');
      }
    }
  }
  if (length < 0) {
    *error = Status::Corrupt(where + ": WARC record without a valid Content-Length");
    Resync();
    return Next::kError;
  }
  if (static_cast<uint64_t>(length) > max_record_bytes_) {
    // Skipped unread: the rest of its gzip member, or up to the next record header of a
    // plain WARC (a wrong Content-Length must not swallow the records after it).
    *error = Status::Corrupt(where + ": WARC record of " + std::to_string(length) + " bytes exceeds the " +
                             std::to_string(max_record_bytes_ >> 20) + " MB limit; skipped");
    Resync();
    return Next::kError;
  }
  {
    // When the declared content does not end in a record end but holds the start of another
    // record, the Content-Length is too large; resume at that record (plain WARC, or a
    // .warc.gz compressed whole rather than one member per record).
    std::string_view ahead = in_->Peek(static_cast<size_t>(length) + 16);
    if (!EndsRecord(ahead, static_cast<size_t>(length))) {
      size_t next = FindRecordStart(ahead.substr(0, std::min<size_t>(ahead.size(), length)));
      if (next != std::string_view::npos) {
        *error = Status::Corrupt(where + ": Content-Length " + std::to_string(length) +
                                 " runs into the next WARC record (at content byte " + std::to_string(next) +
                                 "); record skipped");
        in_->Skip(next);
        return Next::kError;
      }
    }
  }
  // A .warc.gz record ends with its gzip member, whatever its Content-Length says.
  size_t got = in_->ReadInMember(static_cast<size_t>(length), &record->block);
  if (got < static_cast<size_t>(length)) {
    bool member_ended = in_->status().ok() && in_->gzip() && !in_->at_end();
    *error = !in_->status().ok() ? in_->status()
             : member_ended      ? Status::Corrupt(where + ": Content-Length " + std::to_string(length) +
                                                   " runs past the end of the record's gzip member (" + std::to_string(got) +
                                                   " content bytes); record skipped")
                                 : Status::Corrupt(where + ": truncated WARC record (" + std::to_string(got) + " of " +
                                                   std::to_string(length) + " content bytes)");
    if (!member_ended) Resync();  // else the next member, a record of its own, is next
    return Next::kError;
  }
  // The record ends with two CRLFs (tolerate LFs or nothing at the end of the input).
  for (int i = 0; i < 2; ++i) {
    std::string_view p = in_->Peek(2);
    if (p.starts_with("\r\n")) {
      in_->Skip(2);
    } else if (p.starts_with("\n")) {
      in_->Skip(1);
    }
  }
  return Next::kRecord;
}

StatusOr<bool> WarcRecordToDocument(WarcRecord&& record, const std::string& file, RawDocument* doc,
                                    uint64_t max_body_bytes) {
  std::string where = file + "@" + std::to_string(record.offset);
  std::string record_media = MediaTypeFromContentType(record.content_type);
  doc->file = file;
  doc->offset = record.offset;
  doc->source = where;
  doc->url = record.target_uri;
  doc->date = record.date;
  if (record.type == "response") {
    if (record_media != "application/http" && !record_media.empty()) return false;
    auto http = ParseHttpResponse(record.block, max_body_bytes);
    if (!http.ok()) return Status::Corrupt(where + ": " + http.status().message());
    if (http->status != 200) return false;
    bool html = http->media_type == "text/html" || http->media_type == "application/xhtml+xml" ||
                (http->media_type.empty() && SniffMediaType(http->body) == "text/html");
    if (!html) return false;
    doc->media_type = "text/html";
    doc->charset = http->charset;
    doc->bytes = std::move(http->body);
    return true;
  }
  if (record.type == "resource" && (record_media == "text/html" || record_media == "application/xhtml+xml")) {
    doc->media_type = "text/html";
    doc->charset = CharsetFromContentType(record.content_type);
    doc->bytes = std::move(record.block);
    return true;
  }
  if (record.type == "conversion" && record_media == "text/plain") {
    doc->media_type = "text/plain";
    doc->bytes = std::move(record.block);
    return true;
  }
  return false;
}

}  // namespace newsgraph
