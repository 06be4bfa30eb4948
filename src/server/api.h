// The HTTP JSON API of newsgraph, independent of the HTTP library: a request (method, path,
// query parameters, body) in, a response (status, content type, body) out. server.cc wires
// it to sockets; tests call Handle directly.
//
// Routes (all JSON; errors are {"error": {"status": N, "message": "..."}}):
//   GET  /healthz                     liveness and store counts
//   GET  /v1/openapi.json             the OpenAPI 3 description (web/openapi.json)
//   POST /v1/analyze                  text/HTML (or {"text"|"html", ...} JSON) → analysis, nothing stored
//   POST /v1/articles                 the same, and stored; 201 when new, 200 when already there
//   GET  /v1/search                   q, entity, speaker, cameo, from, to, story, limit, offset → hits + facets
//   GET  /v1/articles/{id}            one analysis
//   GET  /v1/stories, /v1/stories/{id}
//   GET  /v1/entities?q=, /v1/entities/{id}   (aliases, titles, quotes, events, co-occurring)
//   GET  /v1/quotes?speaker=&q=&from=&to=&story=     quotes with context, title, story; total
//   GET  /v1/events?actor=&source=&target=&cameo=&location=&quad_class=&from=&to=&story=&format=json|csv|gdelt
//   GET  /v1/network?(the events filter)&limit=      who acted on whom, actors keyed by CAMEO actor code
//   GET  /v1/places?(the events filter)   event places with coordinates, actors' countries (map)
//   GET  /v1/cameo                    CAMEO event codes with names and quad classes (data/events/codes.tsv)
//   GET  / and /static assets         the web UI (web/), embedded in the binary
// Paging: limit (default 20, at most 200; events up to 5000; network: edges, 1 to 500) and offset.
// Lists return `total`, the matches before paging.
// Thread-safety: Handle may be called from many threads. Each request borrows one Store
// from a pool (a Store is used by one thread at a time: give the Api one store per worker
// for parallel requests, or one store to serialise them); the Analyzer is immutable.
#pragma once

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "pipeline/analyzer.h"
#include "store/store.h"

namespace newsgraph::server {

struct ApiRequest {
  std::string method;                              // "GET", "POST", ...
  std::string path;                                // without the query string
  std::multimap<std::string, std::string> params;  // decoded query parameters
  std::string body;
  std::string content_type;
  std::string authorization;  // the Authorization header, or empty
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

struct ApiOptions {
  // When not empty, POST endpoints need "Authorization: Bearer <token>".
  std::string token;
};

// Stores lent to one request at a time.
class StorePool {
 public:
  explicit StorePool(std::vector<std::unique_ptr<Store>> stores);

  // A borrowed store, returned to the pool when the lease ends.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    Store* operator->() const { return store_.get(); }
    Store* get() const { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };
  // Waits until a store is free.
  Lease Acquire();

 private:
  void Return(std::unique_ptr<Store> store);
  std::mutex mu_;
  std::condition_variable free_;
  std::vector<std::unique_ptr<Store>> stores_;
};

// Compares without leaking where `a` and `b` differ through timing (tokens); false when `b`
// is empty.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

class Api {
 public:
  // `analyzer` must outlive the Api. `stores` (at least one) are views of one knowledge
  // base, each used by one request at a time.
  Api(std::vector<std::unique_ptr<Store>> stores, const Analyzer* analyzer, ApiOptions options);
  Api(std::unique_ptr<Store> store, const Analyzer* analyzer, ApiOptions options);

  ApiResponse Handle(const ApiRequest& req);

  // A JSON error response.
  static ApiResponse Error(int status, std::string_view message);

 private:
  ApiResponse Route(const ApiRequest& req);
  ApiResponse Analyze(const ApiRequest& req, bool store);
  ApiResponse Search(const ApiRequest& req);
  ApiResponse Article(const std::string& id);
  ApiResponse Stories(const ApiRequest& req);
  ApiResponse Story(const std::string& id);
  ApiResponse Entities(const ApiRequest& req);
  ApiResponse Entity(const std::string& id);
  ApiResponse Quotes(const ApiRequest& req);
  ApiResponse Events(const ApiRequest& req);
  ApiResponse Network(const ApiRequest& req);
  ApiResponse Health();
  ApiResponse Cameo();
  ApiResponse Places(const ApiRequest& req);
  ApiResponse Asset(const std::string& path);

  StorePool stores_;
  const Analyzer* analyzer_;
  ApiOptions options_;
};

}  // namespace newsgraph::server
