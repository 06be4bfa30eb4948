// newsgraph ingested --db DB: the input files that ingests finished (Store::RecordInputs),
// one per line as tab-separated path, bytes, articles, new, failed and finish time (UTC).
// cluster/newsgraph_dask.py reads it to skip files already ingested.
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

int RunIngested(const std::string& db) {
  auto store = Store::Open(db);
  if (!store.ok()) {
    std::cerr << "newsgraph: " << store.status().message() << "\n";
    return kExitError;
  }
  auto files = (*store)->IngestedInputs();
  if (!files.ok()) {
    std::cerr << "newsgraph: ingested: " << files.status().message() << "\n";
    return kExitError;
  }
  for (const InputFile& f : *files) {
    std::printf("%s\t%lld\t%lld\t%lld\t%lld\t%s\n", f.path.c_str(), static_cast<long long>(f.bytes),
                static_cast<long long>(f.articles), static_cast<long long>(f.inserted),
                static_cast<long long>(f.failed), f.finished.c_str());
  }
  return kExitOk;
}

CommandRunner SetupIngested(CLI::App* app) {
  auto db = std::make_shared<std::string>("newsgraph.db");
  app->add_option("--db", *db, "database: a SQLite file (default newsgraph.db) or a postgresql:// URL");
  return [db] { return RunIngested(*db); };
}

const bool kRegistered = RegisterCommand(
    "ingested",
    "list the input files that ingests finished (tab-separated: path, bytes, articles, new, failed, finished)",
    SetupIngested);

}  // namespace
}  // namespace newsgraph::cli
