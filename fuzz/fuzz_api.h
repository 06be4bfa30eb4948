// The Api the server fuzzers drive: the default analyzer over a small in-memory knowledge
// base (src/server/test_articles.h), built once per process.
#pragma once

#include <cstdlib>
#include <memory>

#include "server/api.h"
#include "server/memory_store.h"
#include "server/test_articles.h"

namespace newsgraph::fuzz {

inline server::Api& FuzzApi() {
  static server::Api* api = [] {
    auto analyzer = Analyzer::Create();
    if (!analyzer.ok()) std::abort();
    auto store = std::make_unique<MemoryStore>();
    if (!store->Put(server::testing::SmallCorpus(), nullptr).ok()) std::abort();
    return new server::Api(MemoryStore::Share(std::move(store), 1), std::move(analyzer).value().release(), {});
  }();
  return *api;
}

}  // namespace newsgraph::fuzz
