// newsgraph serve --db DB [--port 8080] [--host 127.0.0.1] [--token T]: the HTTP JSON API
// and the web UI over a knowledge base.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

#include "cli/command.h"
#include "cli/database.h"
#include "pipeline/analyzer.h"
#include "server/memory_store.h"
#include "server/server.h"

namespace newsgraph::cli {
namespace {

struct ServeOptions {
  std::string db = "newsgraph.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string token;
  int threads = 0;
  int max_client_connections = 32;
  int read_timeout_s = 10;
  std::vector<std::string> allow_hosts;
  bool log = false;
  std::string dictionaries;
};

// `n` handles onto the knowledge base `db`, one per server worker. A .jsonl file of
// analysis contracts is served from memory; anything else is a database.
StatusOr<std::vector<std::unique_ptr<Store>>> OpenServeStores(const std::string& db, size_t n) {
  if (db.ends_with(".jsonl")) {
    auto store = MemoryStore::LoadJsonl(db);
    if (!store.ok()) return store.status();
    return MemoryStore::Share(std::move(*store), n);
  }
  std::vector<std::unique_ptr<Store>> stores;
  for (size_t i = 0; i < n; ++i) {
    auto store = Store::Open(db);
    if (!store.ok()) return store.status();
    stores.push_back(std::move(*store));
  }
  return stores;
}

server::Server* g_server = nullptr;

int RunServe(const ServeOptions& opt) {
  if (!RequireDatabase(opt.db)) return kExitUsage;
  AnalyzerOptions ao;
  ao.dictionaries_dir = opt.dictionaries;
  auto analyzer = Analyzer::Create(ao);
  if (!analyzer.ok()) {
    std::cerr << "newsgraph: " << analyzer.status().message() << "\n";
    return kExitError;
  }
  server::ServerOptions so;
  so.host = opt.host;
  so.port = opt.port;
  so.token = opt.token;
  if (so.token.empty()) {
    if (const char* env = std::getenv("NEWSGRAPH_TOKEN")) so.token = env;
  }
  so.threads = opt.threads;
  so.max_client_connections = opt.max_client_connections;
  so.read_timeout_s = opt.read_timeout_s;
  so.allowed_hosts = opt.allow_hosts;
  so.log_requests = opt.log;
  auto stores = OpenServeStores(opt.db, server::StoreHandles(so));
  if (!stores.ok()) {
    std::cerr << "newsgraph: " << stores.status().message() << "\n";
    return kExitError;
  }
  auto srv = server::Server::Create(std::move(*stores), analyzer->get(), so);
  if (!srv.ok()) {
    std::cerr << "newsgraph: " << srv.status().message() << "\n";
    return kExitUsage;
  }
  if (Status s = (*srv)->Bind(); !s.ok()) {
    std::cerr << "newsgraph: " << s.message() << "\n";
    return kExitError;
  }
  std::string host = so.host.find(':') != std::string::npos ? "[" + so.host + "]" : so.host;
  std::cout << "newsgraph: serving " << opt.db << " on http://" << host << ":" << (*srv)->port() << "/" << std::endl;
  // SIGINT/SIGTERM stop the server cleanly: a helper thread waits for them.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  g_server = srv->get();
  std::thread waiter([set] {
    int sig = 0;
    sigwait(&set, &sig);
    if (g_server != nullptr) g_server->Stop();
  });
  waiter.detach();
  Status s = (*srv)->Run();
  g_server = nullptr;
  if (!s.ok()) {
    std::cerr << "newsgraph: " << s.message() << "\n";
    return kExitError;
  }
  return kExitOk;
}

CommandRunner SetupServe(CLI::App* app) {
  auto opt = std::make_shared<ServeOptions>();
  app->add_option("--db", opt->db, "knowledge base: SQLite file, postgresql:// URL, or a .jsonl of analyses")
      ->capture_default_str();
  app->add_option("--host", opt->host,
                  "address or name to listen on (one that resolves to any non-loopback address needs a token)")
      ->capture_default_str();
  app->add_option("--port", opt->port, "port (0: any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  app->add_option("--token", opt->token,
                  "token POST requests must send as 'Authorization: Bearer TOKEN' "
                  "(default: $NEWSGRAPH_TOKEN)");
  app->add_option("--threads", opt->threads, "worker threads (0: automatic)")->check(CLI::Range(0, 1024));
  app->add_option("--allow-host", opt->allow_hosts,
                  "another name clients may use in the Host header (a DNS name or proxy name; repeatable)");
  app->add_option("--max-client-connections", opt->max_client_connections, "open connections per client address")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  app->add_option("--read-timeout", opt->read_timeout_s,
                  "seconds a client has to send a request's head (from connecting or the previous answer)")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  app->add_flag("--log", opt->log, "log one line per request on stderr");
  app->add_option("--dictionaries", opt->dictionaries, "PETRARCH/TABARI dictionaries for POST /v1/analyze");
  return [opt] { return RunServe(*opt); };
}

const bool kRegistered = RegisterCommand("serve", "HTTP JSON API and web UI over a knowledge base", SetupServe);

}  // namespace
}  // namespace newsgraph::cli
