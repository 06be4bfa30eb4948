#include "server/server.h"

#include <ifaddrs.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <chrono>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "server/http_gate.h"
#include "server/http_message.h"

namespace newsgraph::server {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

// After an error answer sent before the body was read, what the client still sends is read
// and dropped for a while (at most twice the body limit, for at most kDrainTime), so that
// it sees the answer rather than a reset: the kernel resets a socket closed with unread
// input. This costs the server no worker, only a socket for a few seconds.
constexpr auto kDrainTime = std::chrono::seconds(5);

bool IsWildcard(const std::string& address) { return address == "0.0.0.0" || address == "::"; }

// What a Host header may name: the --host text, what it resolved to, the loopback names
// for a loopback server, this machine's addresses and name for a wildcard one, and any
// name allowed explicitly.
std::vector<std::string> AllowedHosts(const ServerOptions& options, const std::vector<std::string>& addresses) {
  std::vector<std::string> hosts = options.allowed_hosts;
  std::string host = options.host;
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  hosts.push_back(host);
  hosts.insert(hosts.end(), addresses.begin(), addresses.end());
  if (AllLoopback(addresses)) {
    for (const char* h : {"localhost", "127.0.0.1", "::1"}) hosts.push_back(h);
  }
  if (std::any_of(addresses.begin(), addresses.end(), IsWildcard)) {
    ifaddrs* ifs = nullptr;
    if (getifaddrs(&ifs) == 0) {
      for (ifaddrs* i = ifs; i != nullptr; i = i->ifa_next) {
        if (i->ifa_addr == nullptr || (i->ifa_addr->sa_family != AF_INET && i->ifa_addr->sa_family != AF_INET6))
          continue;
        char buf[NI_MAXHOST];
        socklen_t len = i->ifa_addr->sa_family == AF_INET ? sizeof(sockaddr_in) : sizeof(sockaddr_in6);
        if (getnameinfo(i->ifa_addr, len, buf, sizeof buf, nullptr, 0, NI_NUMERICHOST) == 0) {
          std::string a = buf;
          hosts.push_back(a.substr(0, a.find('%')));  // without an IPv6 zone
        }
      }
      freeifaddrs(ifs);
    }
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) == 0 && name[0] != '\0') hosts.push_back(name);
    hosts.push_back("localhost");
  }
  std::sort(hosts.begin(), hosts.end());
  hosts.erase(std::unique(hosts.begin(), hosts.end()), hosts.end());
  return hosts;
}

}  // namespace

StatusOr<std::vector<std::string>> ResolveHost(const std::string& host_text) {
  std::string host = host_text;
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* res = nullptr;
  int rc = getaddrinfo(host.empty() ? nullptr : host.c_str(), "0", &hints, &res);
  if (rc != 0) return Status::InvalidArgument("cannot resolve --host " + host_text + ": " + gai_strerror(rc));
  std::vector<std::string> out;
  for (addrinfo* a = res; a != nullptr; a = a->ai_next) {
    char buf[NI_MAXHOST];
    if (getnameinfo(a->ai_addr, a->ai_addrlen, buf, sizeof buf, nullptr, 0, NI_NUMERICHOST) == 0) {
      if (std::find(out.begin(), out.end(), buf) == out.end()) out.push_back(buf);
    }
  }
  freeaddrinfo(res);
  if (out.empty()) return Status::InvalidArgument("--host " + host_text + " resolves to no address");
  return out;
}

bool AllLoopback(const std::vector<std::string>& addresses) {
  if (addresses.empty()) return false;
  for (const std::string& a : addresses) {
    boost::system::error_code ec;
    net::ip::address ip = net::ip::make_address(a, ec);
    if (ec) return false;
    if (ip.is_v6() && ip.to_v6().is_v4_mapped()) ip = net::ip::make_address_v4(net::ip::v4_mapped, ip.to_v6());
    if (!ip.is_loopback()) return false;
  }
  return true;
}

bool IsLoopback(const std::string& host) {
  auto addresses = ResolveHost(host);
  return addresses.ok() && AllLoopback(*addresses);
}

size_t WorkerThreads(const ServerOptions& options) {
  if (options.threads > 0) return static_cast<size_t>(options.threads);
  return std::max<size_t>(8, 4 * std::thread::hardware_concurrency());
}

size_t StoreHandles(const ServerOptions& options) { return WorkerThreads(options) + 1; }

// ---- the transport

struct Server::Impl {
  Impl(std::unique_ptr<Api> main_api, std::unique_ptr<Api> health, const ServerOptions& server_options)
      : options(server_options),
        api(std::move(main_api)),
        health_api(std::move(health)),
        workers(WorkerThreads(server_options)) {
    for (size_t i = 0; i < WorkerThreads(server_options); ++i) {
      contexts.push_back(std::make_unique<net::io_context>(1));
      guards.emplace_back(contexts.back()->get_executor());
    }
    acceptor.emplace(*contexts.front());
  }

  // Declared first, destroyed last: sessions still queued in the contexts leave through them.
  std::mutex mu;
  std::map<std::string, int> per_client;  // open connections per client address
  int open = 0;

  std::optional<RequestGate> gate;
  ServerOptions options;
  std::unique_ptr<Api> api;
  std::unique_ptr<Api> health_api;  // /healthz, over a store of its own
  // One single-threaded I/O context per I/O thread; a connection lives on one of them (taken
  // in turn), so its handlers never change threads and need no strand.
  std::vector<std::unique_ptr<net::io_context>> contexts;
  std::vector<net::executor_work_guard<net::io_context::executor_type>> guards;
  size_t next_context = 0;
  net::thread_pool workers;               // requests with a body
  std::optional<tcp::acceptor> acceptor;  // on contexts[0]

  void Accept();
  bool Admit(const std::string& client);
  void Leave(const std::string& client);
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::Impl* server, std::string client)
      : stream_(std::move(socket)), server_(server), client_(std::move(client)) {}
  ~Session() { server_->Leave(client_); }

  void Start() { ReadHead(); }

 private:
  const RequestGate& gate() const { return *server_->gate; }

  void ReadHead() {
    parser_.emplace();
    LimitParser(gate(), &*parser_);
    stream_.expires_after(std::chrono::seconds(server_->options.read_timeout_s));
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHead(ec); });
  }

  void OnHead(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == net::error::operation_aborted ||
        ec == net::error::connection_reset || ec == net::error::eof) {
      return Close();
    }
    if (ec) return Refuse(ParseErrorResponse(ec));
    const auto& header = parser_->get().base();
    if (auto err = CheckParsedHead(gate(), header)) return Refuse(std::move(*err));
    if (parser_->is_done()) return Dispatch();
    stream_.expires_after(std::chrono::seconds(server_->options.body_timeout_s));
    auto expect = header.find(http::field::expect);
    if (expect != header.end() && beast::iequals(expect->value(), "100-continue")) {
      static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      net::async_write(stream_, net::buffer(kContinue), [self = shared_from_this()](beast::error_code ec, size_t) {
        if (ec) return self->Close();
        self->ReadBody();
      });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) { self->OnBody(ec); });
  }

  void OnBody(beast::error_code ec) {
    if (ec == beast::error::timeout || ec == net::error::operation_aborted || ec == net::error::connection_reset) {
      return Close();
    }
    if (ec) return Refuse(ParseErrorResponse(ec));
    Dispatch();
  }

  // A complete request. Reads (GET, HEAD) are answered here on the I/O thread: they are
  // bounded queries, and the hop to another thread would cost more than most of them.
  // Requests with a body (the analyzer behind POST: up to seconds) go to the workers, so
  // that the I/O threads keep reading and answering everything else meanwhile; the answer
  // comes back to this connection's I/O thread.
  void Dispatch() {
    stream_.expires_never();
    HttpRequest msg = parser_->release();
    bool read_only = msg.method() == http::verb::get || msg.method() == http::verb::head;
    if (read_only) return Write(Process(std::move(msg)));
    net::post(server_->workers, [self = shared_from_this(), msg = std::move(msg)]() mutable {
      auto res = self->Process(std::move(msg));
      net::post(self->stream_.get_executor(), [self, res] { self->Write(res); });
    });
  }

  std::shared_ptr<HttpResponse> Process(HttpRequest&& msg) {
    unsigned version = msg.version();
    bool head = msg.method() == http::verb::head;
    // /healthz has a store of its own: it answers while the others are busy.
    Api* api = msg.target() == "/healthz" && server_->health_api ? server_->health_api.get() : server_->api.get();
    std::string line = server_->options.log_requests
                           ? std::string(msg.method_string()) + " " + std::string(msg.target().substr(0, 200))
                           : std::string();
    ParsedRequest parsed;
    ApiResponse r;
    try {
      parsed = FinishRequest(gate(), std::move(msg));
      r = parsed.error ? std::move(*parsed.error) : api->Handle(*parsed.request);
    } catch (const std::exception& e) {  // out of memory: this request fails, not the thread
      r = Api::Error(500, std::string("internal error: ") + e.what());
      parsed.keep_alive = false;
    }
    if (!line.empty()) std::cerr << client_ << " " << line << " " << r.status << "\n";
    return std::make_shared<HttpResponse>(ToHttpResponse(std::move(r), version, parsed.keep_alive, head));
  }

  // An answer before the body was read: sent, then the connection closes.
  void Refuse(ApiResponse r) {
    unsigned version = parser_ && parser_->is_header_done() ? parser_->get().version() : 11;
    if (server_->options.log_requests) std::cerr << client_ << " refused " << r.status << "\n";
    Write(std::make_shared<HttpResponse>(ToHttpResponse(std::move(r), version, false, false)), true);
  }

  void Write(std::shared_ptr<HttpResponse> res) { Write(res, !res->keep_alive()); }
  void Write(std::shared_ptr<HttpResponse> res, bool then_close) {
    stream_.expires_after(std::chrono::seconds(server_->options.write_timeout_s));
    http::async_write(stream_, *res, [self = shared_from_this(), res, then_close](beast::error_code ec, size_t) {
      if (ec) return self->Close();
      if (then_close) return self->Drain();
      self->ReadHead();
    });
  }

  // Half-closes, then reads and drops what the client still sends for a short while.
  void Drain() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (drained_ == 0) stream_.expires_after(kDrainTime);
    drain_.resize(64 * 1024);
    stream_.async_read_some(net::buffer(drain_), [self = shared_from_this()](beast::error_code ec, size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ > 2 * self->server_->options.max_body_bytes) return self->Close();
      self->Drain();
    });
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  Server::Impl* server_;
  std::string client_;
  beast::flat_buffer buffer_;
  std::optional<HttpParser> parser_;
  std::string drain_;
  size_t drained_ = 0;
};

}  // namespace

bool Server::Impl::Admit(const std::string& client) {
  std::lock_guard<std::mutex> lock(mu);
  int& n = per_client[client];
  if (n >= options.max_client_connections || open >= options.max_connections) {
    if (n == 0) per_client.erase(client);
    return false;
  }
  ++n;
  ++open;
  return true;
}

void Server::Impl::Leave(const std::string& client) {
  std::lock_guard<std::mutex> lock(mu);
  auto it = per_client.find(client);
  if (it != per_client.end() && --it->second <= 0) per_client.erase(it);
  --open;
}

void Server::Impl::Accept() {
  net::io_context& context = *contexts[next_context++ % contexts.size()];
  acceptor->async_accept(context, [this](beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted) return;
    if (!ec) {
      beast::error_code ignored;
      std::string client = socket.remote_endpoint(ignored).address().to_string();
      if (Admit(client)) {
        socket.set_option(tcp::no_delay(true), ignored);
        std::make_shared<Session>(std::move(socket), this, std::move(client))->Start();
      } else {
        // Over the cap: a short answer if the socket takes it at once, then closed.
        static const std::string kBusy = [] {
          std::string body = R"({"error":{"status":503,"message":"too many connections from this address"}})";
          return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nConnection: close\r\n"
                 "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
        }();
        ::send(socket.native_handle(), kBusy.data(), kBusy.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
        socket.shutdown(tcp::socket::shutdown_both, ignored);
        socket.close(ignored);
      }
    } else if (ec == net::error::no_descriptors) {
      // Out of file descriptors: wait a moment rather than spin.
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    Accept();
  });
}

Server::Server(std::unique_ptr<Impl> impl, ServerOptions options, std::vector<std::string> addresses)
    : impl_(std::move(impl)), options_(std::move(options)), addresses_(std::move(addresses)) {}

Server::~Server() {
  Stop();
  impl_->workers.join();
}

StatusOr<std::unique_ptr<Server>> Server::Create(std::vector<std::unique_ptr<Store>> stores, const Analyzer* analyzer,
                                                 ServerOptions options) {
  if (stores.empty()) return Status::InvalidArgument("no store to serve");
  if (options.port < 0 || options.port > 65535) return Status::InvalidArgument("port out of range");
  auto addresses = ResolveHost(options.host);
  if (!addresses.ok()) return addresses.status();
  if (!AllLoopback(*addresses) && options.token.empty()) {
    std::string resolved;
    for (const std::string& a : *addresses) resolved += (resolved.empty() ? "" : ", ") + a;
    return Status::InvalidArgument("serving on " + options.host + " (" + resolved +
                                   ", not only loopback) needs a token: --token or NEWSGRAPH_TOKEN");
  }
  ApiOptions api_options;
  api_options.token = options.token;
  std::unique_ptr<Api> health;
  if (stores.size() >= 2) {
    std::unique_ptr<Store> own = std::move(stores.back());
    stores.pop_back();
    health = std::make_unique<Api>(std::move(own), analyzer, api_options);
  }
  auto api = std::make_unique<Api>(std::move(stores), analyzer, api_options);
  auto impl = std::make_unique<Impl>(std::move(api), std::move(health), options);
  return std::unique_ptr<Server>(new Server(std::move(impl), std::move(options), std::move(*addresses)));
}

Status Server::Bind() {
  boost::system::error_code ec;
  net::ip::address ip = net::ip::make_address(addresses_.front(), ec);
  if (ec) return Status::InvalidArgument("bad address " + addresses_.front());
  tcp::endpoint endpoint(ip, static_cast<unsigned short>(options_.port));
  tcp::acceptor& acceptor = *impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (ec) return Status::IoError("cannot open a socket: " + ec.message());
  // SO_REUSEADDR only (restarts while old connections linger); never SO_REUSEPORT, which
  // would let a second server share the port.
  acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (ip.is_v6()) acceptor.set_option(net::ip::v6_only(false), ec);
  acceptor.bind(endpoint, ec);
  if (ec == net::error::address_in_use) {
    return Status::IoError("port " + std::to_string(options_.port) + " is in use (another server listens on " +
                           options_.host + ":" + std::to_string(options_.port) + ")");
  }
  if (ec == boost::system::errc::address_not_available) {
    return Status::IoError("cannot bind " + options_.host + ": not an address of this machine");
  }
  if (ec)
    return Status::IoError("cannot bind " + options_.host + ":" + std::to_string(options_.port) + ": " + ec.message());
  acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return Status::IoError("cannot listen on " + options_.host + ": " + ec.message());
  port_ = acceptor.local_endpoint().port();
  GateOptions gate;
  gate.hosts = AllowedHosts(options_, addresses_);
  gate.port = port_;
  gate.token = options_.token;
  gate.max_body_bytes = options_.max_body_bytes;
  gate.max_header_bytes = options_.max_header_bytes;
  impl_->gate.emplace(std::move(gate));
  return Status::Ok();
}

Status Server::Run() {
  if (!impl_->gate) return Status::InvalidArgument("Run before Bind");
  impl_->Accept();
  // As many I/O threads as workers: they read and write without blocking and answer the
  // reads themselves.
  std::vector<std::thread> threads;
  for (size_t i = 1; i < impl_->contexts.size(); ++i) threads.emplace_back([this, i] { impl_->contexts[i]->run(); });
  impl_->contexts[0]->run();
  for (auto& t : threads) t.join();
  return Status::Ok();
}

void Server::Stop() {
  for (auto& c : impl_->contexts) c->stop();
}

}  // namespace newsgraph::server
