// The checks every HTTP request passes before the Api sees it, independent of the socket
// code (server.cc) so that unit tests and the HTTP fuzzer run them on bytes:
//   - on the head, before any byte of the body is read: Host must name this server (DNS
//     rebinding), a state-changing request from a browser must come from the server's own
//     origin (cross-origin form posts and no-cors fetches), the token of writes, a declared
//     length within the body limit, a Content-Encoding we can undo;
//   - on the body: gzip/deflate undone with the body limit applied while inflating, so a
//     small compressed body cannot grow past it (a "gzip bomb").
// Also the parsing of a request (bytes → ApiRequest or an error response) that the server
// and the fuzzer share: HTTP framing (Content-Length, chunked), header and body limits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/api.h"

namespace newsgraph::server {

struct GateOptions {
  // Names and addresses a Host header may carry (without port; IPv6 without brackets),
  // compared case-insensitively. Empty: any Host is accepted.
  std::vector<std::string> hosts;
  int port = 0;  // the port a Host header may carry (besides none)
  std::string token;
  size_t max_body_bytes = 10u << 20;
  size_t max_header_bytes = 8u << 10;
};

// What CheckHead needs of a request head.
struct RequestHead {
  std::string_view method;
  std::string_view host;            // Host header
  std::string_view origin;          // Origin header, or empty
  std::string_view sec_fetch_site;  // Sec-Fetch-Site header, or empty
  std::string_view authorization;
  std::string_view content_encoding;
  std::optional<uint64_t> content_length;  // when declared
  bool has_origin = false;
};

class RequestGate {
 public:
  explicit RequestGate(GateOptions options);

  // An error response for a head that must not go further, or nothing.
  std::optional<ApiResponse> CheckHead(const RequestHead& head) const;
  // Undoes `encoding` ("", "identity", "gzip", "x-gzip", "deflate") on `*body` in place,
  // never producing more than max_body_bytes. An error response (413, 400, 415) otherwise.
  std::optional<ApiResponse> DecodeBody(std::string_view encoding, std::string* body) const;
  // True when `host` (a Host header: name or address, optional port) names this server.
  bool HostAllowed(std::string_view host) const;

  const GateOptions& options() const { return options_; }

 private:
  GateOptions options_;
};

// Splits a request target "/path?a=1&b=%20x" into the path and decoded parameters ('+' in
// the query is a space). False when a percent escape is malformed.
bool SplitTarget(std::string_view target, std::string* path, std::multimap<std::string, std::string>* params);

// One request read from raw bytes as the server reads it (framing, header and body limits,
// gate checks, decoding): the ApiRequest, or the error response to send instead.
struct ParsedRequest {
  std::optional<ApiRequest> request;
  std::optional<ApiResponse> error;
  bool keep_alive = false;
};
ParsedRequest ParseRawRequest(const RequestGate& gate, std::string_view bytes);

}  // namespace newsgraph::server
