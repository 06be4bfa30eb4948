// libFuzzer target: raw bytes through the server's request path as the transport reads a
// connection (server/http_gate.h): HTTP/1.1 framing (request line, headers, Content-Length,
// chunked), the header and body limits, the Host/Origin/token checks, gzip/deflate decoding
// under the body limit, query decoding, then the Api and the HTTP response.
// Byte 0 picks the gate: bit 0 a token, bit 1 a small body limit (4 KB instead of 64 KB).
// Checks: a request that passes never carries a body over the limit, nor a write without
// the token; every error is a status the gate may give; every answer serialises.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_api.h"
#include "server/http_gate.h"
#include "server/http_message.h"

namespace {

const newsgraph::server::RequestGate& Gate(int which) {
  static const newsgraph::server::RequestGate* gates[4] = {};
  if (gates[which] == nullptr) {
    newsgraph::server::GateOptions o;
    o.hosts = {"127.0.0.1", "localhost", "::1"};
    o.port = 8080;
    if (which & 1) o.token = "s3cret";
    o.max_body_bytes = which & 2 ? 4096 : 65536;
    gates[which] = new newsgraph::server::RequestGate(o);
  }
  return *gates[which];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  namespace server = newsgraph::server;
  const server::RequestGate& gate = Gate(data[0] & 3);
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  server::ParsedRequest parsed = server::ParseRawRequest(gate, bytes);
  server::ApiResponse r;
  if (parsed.request) {
    const server::ApiRequest& req = *parsed.request;
    if (req.body.size() > gate.options().max_body_bytes) std::abort();
    bool write = req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS";
    if (write && !gate.options().token.empty() && req.authorization != "Bearer s3cret") std::abort();
    r = newsgraph::fuzz::FuzzApi().Handle(req);
  } else {
    if (!parsed.error) std::abort();
    r = *parsed.error;
    switch (r.status) {
      case 400:
      case 401:
      case 403:
      case 413:
      case 415:
      case 431:
        break;
      default:
        std::abort();
    }
  }
  if (r.status < 200 || r.status > 599) std::abort();
  server::HttpResponse res = server::ToHttpResponse(r, 11, parsed.keep_alive, false);
  if (res.body().size() != r.body.size()) std::abort();
  return 0;
}
