// libFuzzer target: arbitrary requests through the HTTP API (routing, parameter parsing,
// JSON bodies, the analyzer behind POST) over a small in-memory knowledge base. Input:
// byte 0 picks the method and content type, then the path up to '\n', the query string up
// to the next '\n', and the rest is the body. Checks that every answer has a valid status
// and that JSON answers parse.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "fuzz_api.h"

namespace {

// "a=1&b=%20x" → params (percent-decoding is the HTTP library's job; raw bytes here).
void ParseQuery(std::string_view q, std::multimap<std::string, std::string>* out) {
  while (!q.empty()) {
    size_t amp = q.find('&');
    std::string_view pair = q.substr(0, amp);
    size_t eq = pair.find('=');
    out->emplace(std::string(pair.substr(0, eq)), eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
    if (amp == std::string_view::npos) break;
    q.remove_prefix(amp + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* kMethods[] = {"GET", "POST", "HEAD", "DELETE"};
  static const char* kTypes[] = {"text/plain", "text/html", "application/json", ""};
  newsgraph::server::ApiRequest req;
  req.method = kMethods[data[0] & 3];
  req.content_type = kTypes[(data[0] >> 2) & 3];
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  size_t nl = rest.find('\n');
  req.path = std::string(rest.substr(0, nl));
  rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  nl = rest.find('\n');
  ParseQuery(rest.substr(0, nl), &req.params);
  req.body = nl == std::string_view::npos ? std::string() : std::string(rest.substr(nl + 1));
  newsgraph::server::ApiResponse r = newsgraph::fuzz::FuzzApi().Handle(req);
  if (r.status < 200 || r.status > 599) std::abort();
  if (r.content_type == "application/json" && !nlohmann::json::accept(r.body)) std::abort();
  return 0;
}
