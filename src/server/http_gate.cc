#include "server/http_gate.h"

#include <zlib.h>

#include <algorithm>
#include <array>

#include "server/http_message.h"

namespace newsgraph::server {
namespace {

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// "name", "name:port", "[v6]" or "[v6]:port" → name (brackets dropped) and port (-1: none).
// False when malformed.
bool SplitAuthority(std::string_view authority, std::string_view* name, int* port) {
  *port = -1;
  std::string_view rest;
  if (authority.starts_with('[')) {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return false;
    *name = authority.substr(1, close - 1);
    rest = authority.substr(close + 1);
  } else {
    size_t colon = authority.find(':');
    *name = authority.substr(0, colon);
    rest = colon == std::string_view::npos ? std::string_view() : authority.substr(colon);
  }
  if (!rest.empty()) {
    if (rest[0] != ':' || rest.size() < 2 || rest.size() > 6) return false;
    int p = 0;
    for (char c : rest.substr(1)) {
      if (c < '0' || c > '9') return false;
      p = p * 10 + (c - '0');
    }
    *port = p;
  }
  if (name->ends_with('.')) name->remove_suffix(1);
  return !name->empty();
}

bool Safe(std::string_view method) { return method == "GET" || method == "HEAD" || method == "OPTIONS"; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding; a malformed escape is kept as it is.
std::string Unescape(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += plus_is_space && s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

}  // namespace

RequestGate::RequestGate(GateOptions options) : options_(std::move(options)) {}

bool RequestGate::HostAllowed(std::string_view host) const {
  if (options_.hosts.empty()) return true;
  std::string_view name;
  int port = -1;
  if (!SplitAuthority(host, &name, &port)) return false;
  if (port >= 0 && port != options_.port) return false;
  return std::any_of(options_.hosts.begin(), options_.hosts.end(),
                     [&](const std::string& h) { return IEquals(h, name); });
}

std::optional<ApiResponse> RequestGate::CheckHead(const RequestHead& head) const {
  if (head.host.empty()) return Api::Error(400, "a Host header is required");
  if (!HostAllowed(head.host)) {
    return Api::Error(403, "Host '" + std::string(head.host) + "' is not this server (use the address it listens on)");
  }
  if (!Safe(head.method)) {
    // Browsers send Origin with every cross-origin POST (forms, no-cors fetch): only the
    // server's own pages may write.
    if (head.has_origin) {
      std::string_view origin = head.origin, authority;
      if (origin.starts_with("http://")) {
        authority = origin.substr(7);
      } else if (origin.starts_with("https://")) {
        authority = origin.substr(8);
      }
      if (authority.empty() || !IEquals(authority, head.host)) {
        return Api::Error(403, "cross-origin request refused (Origin " + std::string(origin.substr(0, 200)) + ")");
      }
    }
    if (head.sec_fetch_site == "cross-site") return Api::Error(403, "cross-site request refused");
    if (!options_.token.empty() && !ConstantTimeEquals(head.authorization, "Bearer " + options_.token)) {
      return Api::Error(401, "this endpoint needs 'Authorization: Bearer <token>'");
    }
  }
  if (head.content_length && *head.content_length > options_.max_body_bytes) {
    return Api::Error(413, "request body too large (limit " + std::to_string(options_.max_body_bytes) + " bytes)");
  }
  std::string_view enc = head.content_encoding;
  if (!enc.empty() && !IEquals(enc, "identity") && !IEquals(enc, "gzip") && !IEquals(enc, "x-gzip") &&
      !IEquals(enc, "deflate")) {
    return Api::Error(415,
                      "unsupported Content-Encoding '" + std::string(enc.substr(0, 100)) + "' (gzip, deflate or none)");
  }
  return std::nullopt;
}

std::optional<ApiResponse> RequestGate::DecodeBody(std::string_view encoding, std::string* body) const {
  if (encoding.empty() || IEquals(encoding, "identity")) return std::nullopt;
  bool deflate = IEquals(encoding, "deflate");
  // gzip: 16+15 (gzip wrapper); deflate: zlib wrapper first, raw deflate when that fails.
  for (int window_bits : deflate ? std::array<int, 2>{15, -15} : std::array<int, 2>{31, 0}) {
    if (window_bits == 0) break;
    z_stream z{};
    if (inflateInit2(&z, window_bits) != Z_OK) return Api::Error(500, "cannot start inflating");
    z.next_in = reinterpret_cast<Bytef*>(body->data());
    z.avail_in = static_cast<uInt>(body->size());
    std::string out;
    std::array<char, 16384> buf;
    int ret = Z_OK;
    bool too_large = false;
    while (true) {
      z.next_out = reinterpret_cast<Bytef*>(buf.data());
      z.avail_out = buf.size();
      ret = inflate(&z, Z_NO_FLUSH);
      size_t got = buf.size() - z.avail_out;
      if (out.size() + got > options_.max_body_bytes) {
        too_large = true;
        break;
      }
      out.append(buf.data(), got);
      if (ret == Z_STREAM_END && z.avail_in > 0 && window_bits == 31) {
        inflateReset(&z);  // the next gzip member
        continue;
      }
      if (ret != Z_OK) break;
      if (got == 0 && z.avail_in == 0) break;  // input ended inside the stream
    }
    inflateEnd(&z);
    if (too_large) {
      return Api::Error(
          413, "request body too large once decoded (limit " + std::to_string(options_.max_body_bytes) + " bytes)");
    }
    if (ret == Z_STREAM_END) {
      *body = std::move(out);
      return std::nullopt;
    }
    if (!(deflate && window_bits == 15 && ret == Z_DATA_ERROR && out.empty())) break;
  }
  return Api::Error(400, "request body is not valid " + std::string(encoding.substr(0, 20)));
}

bool SplitTarget(std::string_view target, std::string* path, std::multimap<std::string, std::string>* params) {
  size_t q = target.find('?');
  *path = Unescape(target.substr(0, q), false);
  if (q == std::string_view::npos) return true;
  std::string_view query = target.substr(q + 1);
  if (size_t hash = query.find('#'); hash != std::string_view::npos) query = query.substr(0, hash);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      params->emplace(Unescape(pair.substr(0, eq), true),
                      eq == std::string_view::npos ? std::string() : Unescape(pair.substr(eq + 1), true));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return true;
}

// ---- Beast glue (http_message.h)

void LimitParser(const RequestGate& gate, HttpParser* parser) {
  parser->header_limit(static_cast<std::uint32_t>(gate.options().max_header_bytes));
  parser->body_limit(gate.options().max_body_bytes);
}

RequestHead HeadOf(const http::request_header<>& header) {
  RequestHead h;
  auto field = [&](auto f) {
    auto it = header.find(f);
    return it == header.end() ? std::string_view() : std::string_view(it->value().data(), it->value().size());
  };
  h.method = std::string_view(header.method_string().data(), header.method_string().size());
  h.host = field(http::field::host);
  h.has_origin = header.find(http::field::origin) != header.end();
  h.origin = field(http::field::origin);
  h.sec_fetch_site = field("Sec-Fetch-Site");
  h.authorization = field(http::field::authorization);
  h.content_encoding = field(http::field::content_encoding);
  if (auto it = header.find(http::field::content_length); it != header.end()) {
    uint64_t n = 0;
    bool ok = !it->value().empty();
    for (char c : it->value()) {
      if (c < '0' || c > '9' || n > (UINT64_MAX - 9) / 10) {
        ok = false;
        break;
      }
      n = n * 10 + static_cast<uint64_t>(c - '0');
    }
    h.content_length = ok ? n : UINT64_MAX;
  }
  return h;
}

std::optional<ApiResponse> CheckParsedHead(const RequestGate& gate, const http::request_header<>& header) {
  return gate.CheckHead(HeadOf(header));
}

ParsedRequest FinishRequest(const RequestGate& gate, HttpRequest&& msg) {
  ParsedRequest out;
  out.keep_alive = msg.keep_alive();
  auto enc = msg.find(http::field::content_encoding);
  std::string body = std::move(msg.body());
  if (enc != msg.end()) {
    if (auto err = gate.DecodeBody(std::string_view(enc->value().data(), enc->value().size()), &body)) {
      out.error = std::move(err);
      return out;
    }
  }
  ApiRequest req;
  req.method = std::string(msg.method_string());
  SplitTarget(std::string_view(msg.target().data(), msg.target().size()), &req.path, &req.params);
  req.body = std::move(body);
  if (auto it = msg.find(http::field::content_type); it != msg.end()) req.content_type = std::string(it->value());
  if (auto it = msg.find(http::field::authorization); it != msg.end()) req.authorization = std::string(it->value());
  out.request = std::move(req);
  return out;
}

ApiResponse ParseErrorResponse(const boost::system::error_code& ec) {
  if (ec == http::error::body_limit) return Api::Error(413, "request body too large");
  if (ec == http::error::header_limit) return Api::Error(431, "request header fields too large");
  if (ec == http::error::bad_method || ec == http::error::bad_target || ec == http::error::bad_version) {
    return Api::Error(400, "bad request line");
  }
  return Api::Error(400, "bad request (" + ec.message() + ")");
}

HttpResponse ToHttpResponse(ApiResponse r, unsigned version, bool keep_alive, bool head) {
  HttpResponse res{static_cast<http::status>(r.status), version};
  res.set(http::field::content_type, r.content_type);
  res.set("X-Content-Type-Options", "nosniff");
  if (r.content_type.starts_with("text/html")) {
    // Defence in depth: the UI inserts text, never markup, and no inline script may run.
    res.set("Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    res.set("Referrer-Policy", "no-referrer");
  }
  res.keep_alive(keep_alive);
  res.body() = std::move(r.body);
  res.prepare_payload();
  if (head) res.body().clear();  // Content-Length stays that of the GET
  return res;
}

ParsedRequest ParseRawRequest(const RequestGate& gate, std::string_view bytes) {
  ParsedRequest out;
  HttpParser parser;
  LimitParser(gate, &parser);
  boost::system::error_code ec;
  bool head_checked = false;
  while (!parser.is_done()) {
    size_t n = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
    bytes.remove_prefix(n);
    if (ec == http::error::need_more) ec = {};
    if (ec) {
      out.error = ParseErrorResponse(ec);
      return out;
    }
    if (parser.is_header_done() && !head_checked) {
      head_checked = true;
      if (auto err = CheckParsedHead(gate, parser.get().base())) {
        out.error = std::move(err);
        return out;
      }
    }
    // No progress with every byte offered: the request needs bytes that never come (the
    // server would wait for them until the body deadline).
    if (n == 0 && !parser.is_done()) {
      out.error = Api::Error(400, "incomplete request");
      return out;
    }
  }
  return FinishRequest(gate, parser.release());
}

}  // namespace newsgraph::server
