// newsgraph stats --db DB: what the knowledge base holds: counts, the largest stories,
// the entities and speakers found in the most stories, and events per CAMEO root (each
// counted once per story).
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "events/cameo_codes.h"
#include "cli/database.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

struct StatsOptions {
  std::string db = "newsgraph.db";
  int top = 10;
};

int RunStats(const StatsOptions& opt) {
  if (!RequireDatabase(opt.db)) return kExitUsage;
  auto store = Store::Open(opt.db);
  if (!store.ok()) {
    std::cerr << "newsgraph: " << store.status().message() << "\n";
    return kExitError;
  }
  Store* db = store->get();
  auto st = db->Stats();
  auto stories = db->ListStories(opt.top, 0);
  auto entities = db->ListEntities("", opt.top, 0);
  auto speakers = db->TopSpeakers(opt.top);
  auto roots = db->EventRoots();
  auto failed = [](const auto& r) {
    if (!r.ok()) std::cerr << "newsgraph: stats: " << r.status().message() << "\n";
    return !r.ok();
  };
  if (failed(st) || failed(stories) || failed(entities) || failed(speakers) || failed(roots)) return kExitError;
  std::printf("%s (schema %d): %lld articles in %lld stories, %lld entities, %lld quotes, %lld events (%lld reports)\n",
              opt.db.c_str(), st->schema_version, static_cast<long long>(st->articles),
              static_cast<long long>(st->stories), static_cast<long long>(st->entities),
              static_cast<long long>(st->quotes), static_cast<long long>(st->events),
              static_cast<long long>(st->event_mentions));
  std::printf("\nlargest stories:\n");
  for (const StorySummary& s : *stories) {
    std::printf("  %4lld  %-16s  %-10s  %s\n", static_cast<long long>(s.articles), s.id.c_str(),
                s.first_published.empty() ? "-" : s.first_published.c_str(), s.title.c_str());
  }
  std::printf("\ntop entities (stories, mentions):\n");
  for (const EntitySummary& e : *entities) {
    std::printf("  %4lld %5lld  %-6s  %s%s%s\n", static_cast<long long>(e.articles), static_cast<long long>(e.mentions),
                e.type.c_str(), e.name.c_str(), e.country.empty() ? "" : "  ", e.country.c_str());
  }
  std::printf("\ntop speakers (stories):\n");
  for (const Facet& f : *speakers) std::printf("  %4lld  %s\n", static_cast<long long>(f.count), f.value.c_str());
  std::printf("\nevents by CAMEO root (each counted once per story):\n");
  for (const Facet& f : *roots) {
    std::printf("  %4lld  %s\n", static_cast<long long>(f.count), events::CameoCodes::Get().Named(f.value).c_str());
  }
  return kExitOk;
}

CommandRunner SetupStats(CLI::App* app) {
  auto opt = std::make_shared<StatsOptions>();
  app->add_option("--db", opt->db, "existing database: a SQLite file (default newsgraph.db) or a postgresql:// URL");
  app->add_option("--top", opt->top, "rows per list (default 10)")->check(CLI::Range(0, 10000));
  return [opt] { return RunStats(*opt); };
}

const bool kRegistered =
    RegisterCommand("stats", "summary of a knowledge base: stories, top entities and speakers, events", SetupStats);

}  // namespace
}  // namespace newsgraph::cli
