// newsgraph's HTTP server: the Api (api.h) behind an asynchronous HTTP/1.1 transport
// (Boost.Beast over Asio), with the limits that keep it alive on the open network.
//
// Method: a few I/O threads read and write every connection without blocking; only a
// complete, checked request reaches a worker thread (the Api), so slow or idle clients
// hold a socket, never a worker. Per request: the head must arrive within
// read_timeout_s (counted from the connection's start or the previous response), the
// body within body_timeout_s; the head is checked before the body is read (Host, Origin
// and token of writes, declared length, encoding: http_gate.h), the body limit holds for
// every framing and again while a gzip/deflate body is inflated. Connections are capped
// per client address and in all; /healthz is answered by a thread and a store of its own,
// so it answers while every worker is busy.
//
// Binds 127.0.0.1 unless told otherwise. Whether the address is loopback is decided on
// what --host resolves to: a server on any non-loopback address refuses to start without
// a token, and then every POST needs "Authorization: Bearer <token>".
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "server/api.h"

namespace newsgraph::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port)
  std::string token;
  size_t max_body_bytes = 10u << 20;
  size_t max_header_bytes = 8u << 10;
  int threads = 0;                         // worker threads; 0: 4 per core, at least 8
  int read_timeout_s = 10;                 // the request head, from connect or the previous response
  int body_timeout_s = 60;                 // the request body, from the end of the head
  int write_timeout_s = 10;                // the response
  int max_client_connections = 32;         // open connections per client address
  int max_connections = 1000;              // open connections in all
  std::vector<std::string> allowed_hosts;  // more names a Host header may carry
  bool log_requests = false;               // one line per request on stderr
};

// The addresses `host` resolves to (numeric strings). Error when it does not resolve.
[[nodiscard]] StatusOr<std::vector<std::string>> ResolveHost(const std::string& host);
// True when `addresses` is not empty and every one is loopback (127.0.0.0/8, ::1,
// ::ffff:127.0.0.0/104).
bool AllLoopback(const std::vector<std::string>& addresses);
// True when `host` resolves, and only to loopback addresses.
bool IsLoopback(const std::string& host);

// How many requests run at once (options.threads, or the automatic choice).
size_t WorkerThreads(const ServerOptions& options);
// How many store handles are worth giving Create: one per worker and one for /healthz.
size_t StoreHandles(const ServerOptions& options);

class Server {
 public:
  // `analyzer` must outlive the server. `stores`: handles onto one knowledge base, each
  // serving one request at a time (see StorePool); StoreHandles(options) of them let every
  // worker run at once and keep one for /healthz.
  static StatusOr<std::unique_ptr<Server>> Create(std::vector<std::unique_ptr<Store>> stores, const Analyzer* analyzer,
                                                  ServerOptions options);
  ~Server();

  // Binds the listening socket; afterwards port() is the port actually bound. A port that
  // another process listens on is an error "port N is in use".
  [[nodiscard]] Status Bind();
  int port() const { return port_; }
  // Serves until Stop() (from another thread or a signal handler's helper thread).
  [[nodiscard]] Status Run();
  void Stop();

  struct Impl;  // the transport (server.cc)

 private:
  Server(std::unique_ptr<Impl> impl, ServerOptions options, std::vector<std::string> addresses);

  std::unique_ptr<Impl> impl_;
  ServerOptions options_;
  std::vector<std::string> addresses_;  // what options_.host resolved to
  int port_ = 0;
};

}  // namespace newsgraph::server
