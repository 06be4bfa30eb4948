// newsgraph search QUERY --db DB: ranked full-text search with filters; a readable table,
// or --json for machines.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "events/cameo_codes.h"
#include "cli/database.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

struct SearchOptions {
  std::string db = "newsgraph.db";
  SearchQuery query;
  bool json = false;
  bool facets = false;
};

nlohmann::json FacetsJson(const std::vector<Facet>& facets) {
  nlohmann::json out = nlohmann::json::array();
  for (const Facet& f : facets) out.push_back({{"value", f.value}, {"count", f.count}});
  return out;
}

// Cuts `s` to at most `width` bytes on a UTF-8 boundary, marking the cut.
std::string Fit(const std::string& s, size_t width) {
  if (s.size() <= width) return s;
  size_t cut = width - 3;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "...";
}

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  return s;
}

void PrintTable(const SearchResult& r, const SearchOptions& opt) {
  bool color = isatty(STDOUT_FILENO);
  const char* bold = color ? "\033[1m" : "";
  const char* dim = color ? "\033[2m" : "";
  const char* reset = color ? "\033[0m" : "";
  std::printf("%lld match%s", static_cast<long long>(r.total), r.total == 1 ? "" : "es");
  if (!r.hits.empty()) {
    std::printf(", showing %d-%zu", opt.query.offset + 1, opt.query.offset + r.hits.size());
  }
  std::printf("\n");
  if (r.hits.empty()) return;
  std::printf("%s%3s  %7s  %-10s  %-16s  %s%s\n", bold, "#", "score", "published", "article", "title", reset);
  int i = opt.query.offset;
  for (const SearchHit& h : r.hits) {
    std::printf("%3d  %7.2f  %-10s  %-16s  %s%s%s\n", ++i, h.score, h.published.empty() ? "-" : h.published.c_str(),
                h.article_id.c_str(), bold, Fit(OneLine(h.title.empty() ? "(untitled)" : h.title), 80).c_str(), reset);
    if (h.story_id != h.article_id) std::printf("%33s%sstory %s%s\n", "", dim, h.story_id.c_str(), reset);
    std::string snippet = OneLine(h.snippet);
    if (color) {
      std::string marked;
      for (char c : snippet) {
        if (c == '[') {
          marked += "\033[1;33m";
        } else if (c == ']') {
          marked += "\033[0m";
        } else {
          marked += c;
        }
      }
      snippet = marked;
    }
    std::printf("%33s%s\n", "", snippet.c_str());
  }
  if (opt.facets) {
    auto print = [](const char* name, const std::vector<Facet>& fs, bool cameo = false) {
      if (fs.empty()) return;
      std::printf("%s:", name);
      for (const Facet& f : fs) {
        std::string value = cameo ? events::CameoCodes::Get().Named(f.value) : f.value;
        std::printf("  %s (%lld)", value.c_str(), static_cast<long long>(f.count));
      }
      std::printf("\n");
    };
    std::printf("\n");
    print("entities", r.entities);
    print("speakers", r.speakers);
    print("cameo roots", r.cameo_roots, /*cameo=*/true);
    print("dates", r.dates);
  }
}

int RunSearch(SearchOptions opt) {
  if (!RequireDatabase(opt.db)) return kExitUsage;
  auto store = Store::Open(opt.db);
  if (!store.ok()) {
    std::cerr << "newsgraph: " << store.status().message() << "\n";
    return kExitError;
  }
  opt.query.facets = opt.facets || opt.json;
  auto r = (*store)->Search(opt.query);
  if (!r.ok()) {
    std::cerr << "newsgraph: search: " << r.status().message() << "\n";
    return kExitError;
  }
  if (opt.json) {
    nlohmann::json hits = nlohmann::json::array();
    for (const SearchHit& h : r->hits) {
      hits.push_back({{"id", h.article_id},
                      {"title", h.title},
                      {"url", h.url},
                      {"published", h.published.empty() ? nlohmann::json() : nlohmann::json(h.published)},
                      {"story", h.story_id},
                      {"snippet", h.snippet},
                      {"score", h.score}});
    }
    nlohmann::json out = {{"query", opt.query.text},
                          {"total", r->total},
                          {"offset", opt.query.offset},
                          {"hits", hits},
                          {"facets",
                           {{"entities", FacetsJson(r->entities)},
                            {"speakers", FacetsJson(r->speakers)},
                            {"cameo_roots", FacetsJson(r->cameo_roots)},
                            {"dates", FacetsJson(r->dates)}}}};
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    PrintTable(*r, opt);
  }
  return kExitOk;
}

CommandRunner SetupSearch(CLI::App* app) {
  auto opt = std::make_shared<SearchOptions>();
  app->add_option("query", opt->query.text,
                  "words (all must match), \"a phrase\", a OR b, prefix*; empty: every article, newest first");
  app->add_option("--db", opt->db, "existing database: a SQLite file (default newsgraph.db) or a postgresql:// URL");
  app->add_option("--entity", opt->query.entity, "only articles mentioning this entity (name or alias)");
  app->add_option("--speaker", opt->query.speaker, "only articles quoting this speaker");
  app->add_option("--cameo", opt->query.cameo, "only articles with an event whose CAMEO code starts so (e.g. 04)");
  app->add_option("--from", opt->query.from, "published on or after YYYY-MM-DD")->check(CalendarDate());
  app->add_option("--to", opt->query.to, "published on or before YYYY-MM-DD")->check(CalendarDate());
  app->add_option("--story", opt->query.story, "only articles of this story");
  app->add_option("-n,--limit", opt->query.limit, "hits to show (default 20)")->check(CLI::Range(0, 10000));
  app->add_option("--offset", opt->query.offset, "hits to skip")->check(CLI::NonNegativeNumber);
  app->add_flag("--facets", opt->facets, "also count entities, speakers, CAMEO roots and dates over all matches");
  app->add_flag("--json", opt->json, "print one JSON object (hits and facets)");
  return [opt] { return RunSearch(*opt); };
}

const bool kRegistered =
    RegisterCommand("search", "full-text search of the knowledge base with filters (--json for machines)", SetupSearch);

}  // namespace
}  // namespace newsgraph::cli
