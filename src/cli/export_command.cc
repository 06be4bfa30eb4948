// newsgraph export --db DB --format jsonl|gdelt: the knowledge base out again.
//   jsonl  one analysis (the contract of analyze --json) per line, with its "story"
//   gdelt  the GDELT 2.0 event table (61 tab-separated columns), one row per event of a
//          story: reposts count once, as NumMentions/NumArticles of that row.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/database.h"
#include "core/json.h"
#include "store/query.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

struct ExportOptions {
  std::string db = "newsgraph.db";
  std::string format = "jsonl";
  std::string output = "-";
};

Status ExportJsonl(Store* store, std::ostream& out) {
  return store->ForEachArticle([&](const Analysis& a, const std::string& story) {
    nlohmann::json j = ToJson(a);
    j["story"] = story;
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return static_cast<bool>(out);
  });
}

Status ExportGdelt(Store* store, std::ostream& out) {
  EventQuery q;
  q.limit = 1000;
  int64_t next_id = 1;
  while (true) {
    auto rows = store->Events(q);
    if (!rows.ok()) return rows.status();
    std::string text;
    if (Status s = AppendGdeltRows(store, *rows, &next_id, &text); !s.ok()) return s;
    out << text;
    if (rows->size() < static_cast<size_t>(q.limit)) break;
    q.offset += q.limit;
  }
  return out ? Status::Ok() : Status::IoError("export: write failed");
}

int RunExport(const ExportOptions& opt) {
  if (!RequireDatabase(opt.db)) return kExitUsage;
  auto store = Store::Open(opt.db);
  if (!store.ok()) {
    std::cerr << "newsgraph: " << store.status().message() << "\n";
    return kExitError;
  }
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (opt.output != "-") {
    file.open(opt.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "newsgraph: " << opt.output << ": cannot write\n";
      return kExitError;
    }
    out = &file;
  }
  Status s = opt.format == "gdelt" ? ExportGdelt(store->get(), *out) : ExportJsonl(store->get(), *out);
  out->flush();
  if (!s.ok()) {
    std::cerr << "newsgraph: export: " << s.message() << "\n";
    return kExitError;
  }
  return kExitOk;
}

CommandRunner SetupExport(CLI::App* app) {
  auto opt = std::make_shared<ExportOptions>();
  app->add_option("--db", opt->db, "existing database: a SQLite file (default newsgraph.db) or a postgresql:// URL");
  app->add_option("--format", opt->format, "jsonl (analyses with their story) or gdelt (GDELT 2.0 event table)")
      ->check(CLI::IsMember({"jsonl", "gdelt"}));
  app->add_option("-o,--output", opt->output, "file to write (default: standard output)");
  return [opt] { return RunExport(*opt); };
}

const bool kRegistered =
    RegisterCommand("export", "export the knowledge base as JSON Lines or GDELT 2.0 event rows", SetupExport);

}  // namespace
}  // namespace newsgraph::cli
