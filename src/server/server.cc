#include "server/server.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <thread>

namespace newsgraph::server {
namespace {

ApiRequest ToApiRequest(const httplib::Request& req) {
  ApiRequest out;
  out.method = req.method;
  out.path = req.path;
  for (const auto& [k, v] : req.params) out.params.emplace(k, v);
  out.body = req.body;
  out.content_type = req.get_header_value("Content-Type");
  out.authorization = req.get_header_value("Authorization");
  return out;
}

void Send(const ApiResponse& r, httplib::Response& res) {
  res.status = r.status;
  res.set_content(r.body, r.content_type.c_str());
  res.set_header("X-Content-Type-Options", "nosniff");
  if (r.content_type.starts_with("text/html")) {
    // Defence in depth: the UI inserts text, never markup, and no inline script may run.
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                   "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    res.set_header("Referrer-Policy", "no-referrer");
  }
}

}  // namespace

bool IsLoopback(const std::string& host) { return host == "localhost" || host == "::1" || host.starts_with("127."); }

Server::Server(std::unique_ptr<Api> api, ServerOptions options)
    : api_(std::move(api)), http_(std::make_unique<httplib::Server>()), options_(std::move(options)) {}

Server::~Server() = default;

size_t WorkerThreads(const ServerOptions& options) {
  if (options.threads > 0) return static_cast<size_t>(options.threads);
  return std::max<size_t>(8, 4 * std::thread::hardware_concurrency());
}

StatusOr<std::unique_ptr<Server>> Server::Create(std::vector<std::unique_ptr<Store>> stores, const Analyzer* analyzer,
                                                 ServerOptions options) {
  if (stores.empty()) return Status::InvalidArgument("no store to serve");
  if (!IsLoopback(options.host) && options.token.empty()) {
    return Status::InvalidArgument("serving on " + options.host +
                                   " (not loopback) needs a token: --token or NEWSGRAPH_TOKEN");
  }
  if (options.port < 0 || options.port > 65535) return Status::InvalidArgument("port out of range");
  ApiOptions api_options;
  api_options.token = options.token;
  auto api = std::make_unique<Api>(std::move(stores), analyzer, api_options);
  return std::unique_ptr<Server>(new Server(std::move(api), std::move(options)));
}

Status Server::Bind() {
  httplib::Server& http = *http_;
  size_t threads = options_.threads > 0 ? static_cast<size_t>(options_.threads)
                                        : std::max<size_t>(8, 4 * std::thread::hardware_concurrency());
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(options_.max_body_bytes);
  http.set_read_timeout(options_.read_timeout_s, 0);
  http.set_write_timeout(options_.write_timeout_s, 0);
  http.set_keep_alive_timeout(5);
  http.set_keep_alive_max_count(1000);
  http.set_tcp_nodelay(true);
  Api* api = api_.get();
  auto handle = [api](const httplib::Request& req, httplib::Response& res) {
    Send(api->Handle(ToApiRequest(req)), res);
  };
  for (const char* pattern : {"/.*", "/"}) {
    http.Get(pattern, handle);
    http.Post(pattern, handle);
    http.Put(pattern, handle);
    http.Delete(pattern, handle);
    http.Patch(pattern, handle);
  }
  // Errors the library produces itself (body too large, bad request line, no route) get
  // the same JSON shape as the API's.
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string message = res.status == 413   ? "request body too large"
                          : res.status == 414 ? "request URI too long"
                          : res.status == 404 ? "not found"
                          : res.status == 400 ? "bad request"
                                              : "HTTP error " + std::to_string(res.status);
    Send(Api::Error(res.status, message), res);
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    Send(Api::Error(500, "internal error"), res);
  });
  if (options_.log_requests) {
    http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::cerr << req.remote_addr << " " << req.method << " " << req.path << " " << res.status << "\n";
    });
  }
  if (options_.port == 0) {
    int port = http.bind_to_any_port(options_.host);
    if (port <= 0) return Status::IoError("cannot bind " + options_.host);
    port_ = port;
  } else {
    if (!http.bind_to_port(options_.host, options_.port)) {
      return Status::IoError("cannot bind " + options_.host + ":" + std::to_string(options_.port) +
                             " (in use, or not an address of this machine)");
    }
    port_ = options_.port;
  }
  return Status::Ok();
}

Status Server::Run() {
  if (!http_->listen_after_bind()) return Status::IoError("server stopped with an error");
  return Status::Ok();
}

void Server::Stop() { http_->stop(); }

}  // namespace newsgraph::server
