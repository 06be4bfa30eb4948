// newsgraph's HTTP server: the Api (api.h) behind cpp-httplib, with the limits that keep
// it alive on the open network: a request body limit, read/write timeouts, a bounded
// worker pool, JSON errors for everything the library rejects itself (413, 400, 404).
//
// Binds 127.0.0.1 unless told otherwise; a server on any other address refuses to start
// without a token, and then every POST needs "Authorization: Bearer <token>".
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "server/api.h"

namespace httplib {
class Server;
}

namespace newsgraph::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port)
  std::string token;
  size_t max_body_bytes = 10u << 20;
  int threads = 0;  // worker threads; 0: 4 per core, at least 8
  int read_timeout_s = 10;
  int write_timeout_s = 10;
  bool log_requests = false;  // one line per request on stderr
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopback(const std::string& host);

// How many requests run at once (options.threads, or the automatic choice): the number of
// stores worth giving Create.
size_t WorkerThreads(const ServerOptions& options);

class Server {
 public:
  // `analyzer` must outlive the server. `stores`: handles onto one knowledge base, each
  // serving one request at a time (see StorePool); WorkerThreads(options) of them let every
  // worker run at once.
  static StatusOr<std::unique_ptr<Server>> Create(std::vector<std::unique_ptr<Store>> stores, const Analyzer* analyzer,
                                                  ServerOptions options);
  ~Server();

  // Binds the listening socket; afterwards port() is the port actually bound.
  [[nodiscard]] Status Bind();
  int port() const { return port_; }
  // Serves until Stop() (from another thread or a signal handler's helper thread).
  [[nodiscard]] Status Run();
  void Stop();

 private:
  Server(std::unique_ptr<Api> api, ServerOptions options);

  std::unique_ptr<Api> api_;
  std::unique_ptr<httplib::Server> http_;
  ServerOptions options_;
  int port_ = 0;
};

}  // namespace newsgraph::server
