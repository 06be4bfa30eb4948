// Boost.Beast message types the server and the gate share (inside src/server only).
#pragma once

#include <boost/beast/http.hpp>

#include "server/http_gate.h"

namespace newsgraph::server {

namespace http = boost::beast::http;
using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;
using HttpParser = http::request_parser<http::string_body>;

// A parser with the gate's header and body limits (the body limit holds for every framing:
// Content-Length and chunked; a request with neither has no body).
void LimitParser(const RequestGate& gate, HttpParser* parser);
// The head of `header` as the gate reads it (views into `header`).
RequestHead HeadOf(const http::request_header<>& header);
// The gate's head checks on a parsed head: an error response, or nothing.
std::optional<ApiResponse> CheckParsedHead(const RequestGate& gate, const http::request_header<>& header);
// The body decoded and the request turned into an ApiRequest (moves the body out of `msg`).
ParsedRequest FinishRequest(const RequestGate& gate, HttpRequest&& msg);
// The error response for a parse error of Beast's (413 body too large, 431, 400).
ApiResponse ParseErrorResponse(const boost::system::error_code& ec);
// `r` as an HTTP response to `req_version`/`keep_alive` (HEAD: headers only).
HttpResponse ToHttpResponse(ApiResponse r, unsigned version, bool keep_alive, bool head);

}  // namespace newsgraph::server
