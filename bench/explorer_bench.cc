// The events explorer's query on a large knowledge base (issue 15): Store::FindEvents (the
// count and the first page, as GET /v1/events answers) with the explorer's filters on a
// SQLite database of 100,000 articles (NEWSGRAPH_BENCH_STORE_ARTICLES) with five coded
// events each: actor codes from 40 countries and 8 roles, 30 CAMEO codes, 60 places, dates
// over two years. The database is built once and kept in the temp folder between runs.
// Reports p50/p95 wall-clock latency per filter kind.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>

#include "latency.h"
#include "store/store.h"

namespace newsgraph::bench {
namespace {

constexpr const char* kCountries[] = {"USA", "CHN", "RUS", "FRA", "DEU", "GBR", "JPN", "IND", "BRA", "ZAF",
                                      "NGA", "KEN", "EGY", "ETH", "TUR", "IRN", "ISR", "UKR", "POL", "ITA",
                                      "ESP", "MEX", "CAN", "AUS", "KOR", "PAK", "IDN", "SAU", "ARG", "COL",
                                      "VNM", "THA", "PHL", "MAR", "DZA", "SDN", "GHA", "SEN", "AZE", "ARM"};
constexpr const char* kRoles[] = {"GOV", "MIL", "COP", "JUD", "OPP", "BUS", "CVL", "MED"};
constexpr const char* kCodes[] = {"010", "020", "036", "040", "042", "043", "051", "057", "061", "071",
                                  "081", "090", "100", "111", "112", "120", "130", "138", "141", "145",
                                  "163", "172", "173", "175", "180", "181", "190", "193", "194", "1711"};

size_t Articles() {
  const char* env = std::getenv("NEWSGRAPH_BENCH_STORE_ARTICLES");
  return env ? std::strtoull(env, nullptr, 10) : 100000;
}

std::string Day(int n) {  // n days after 2024-01-01, as YYYY-MM-DD (30-day months suffice here)
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 2024 + n / 360, 1 + n % 360 / 30, 1 + n % 30);
  return buf;
}

StatusOr<std::string> EventsDb() {
  size_t total = Articles();
  std::string path =
      (std::filesystem::temp_directory_path() / ("newsgraph_bench_events_" + std::to_string(total) + ".db")).string();
  std::string done = path + ".complete";
  if (std::filesystem::exists(done)) return path;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  auto store = Store::Open(path);
  if (!store.ok()) return store.status();
  std::mt19937_64 rng(15);
  std::vector<Analysis> batch;
  for (size_t i = 0; i < total; ++i) {
    Analysis a;
    a.id = "ev" + std::to_string(i);
    a.title = "Report " + std::to_string(i);
    a.published = Day(static_cast<int>(rng() % 720));
    // A body of its own (distinct words), so that every article is its own story.
    for (int w = 0; w < 40; ++w) a.body += "w" + std::to_string(rng() % 100000) + " ";
    for (int k = 0; k < 5; ++k) {
      Event e;
      std::string sc = kCountries[rng() % 40], tc = kCountries[rng() % 40];
      e.source_code = sc + kRoles[rng() % 8];
      e.target_code = tc + kRoles[rng() % 8];
      e.source = sc;
      e.target = tc;
      e.cameo = kCodes[rng() % 30];
      e.root = e.cameo.substr(0, 2);
      int root = std::atoi(e.root.c_str());
      e.quad_class = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
      e.location = "Place" + std::to_string(rng() % 60);
      e.date = rng() % 3 == 0 ? Day(static_cast<int>(rng() % 720)) : "";
      e.evidence = "evidence " + std::to_string(k);
      e.sentence = 0;
      e.rule = "bench";
      a.events.push_back(std::move(e));
    }
    batch.push_back(std::move(a));
    if (batch.size() == 1000 || i + 1 == total) {
      size_t n = 0;
      if (Status s = (*store)->Put(batch, &n); !s.ok()) return s;
      batch.clear();
    }
  }
  std::ofstream(done) << "ok\n";
  return path;
}

// The explorer's filters, one kind per benchmark argument.
EventQuery Query(int kind, std::mt19937_64& rng) {
  EventQuery q;
  q.limit = 50;
  std::string country = kCountries[rng() % 40], role = kRoles[rng() % 8];
  switch (kind) {
    case 0:  // one actor, either side
      q.actor = country + role;
      break;
    case 1:  // an actor pair
      q.source = country + role;
      q.target = std::string(kCountries[rng() % 40]) + kRoles[rng() % 8];
      break;
    case 2: {  // a CAMEO root over three months
      q.cameo = std::string(kCodes[rng() % 30]).substr(0, 2);
      int start = static_cast<int>(rng() % 630);
      q.from = Day(start);
      q.to = Day(start + 90);
      break;
    }
    case 3:  // a place and a quad class
      q.location = "place" + std::to_string(rng() % 60);
      q.quad_class = 1 + static_cast<int>(rng() % 4);
      break;
    default:  // an actor and a code
      q.actor = country + role;
      q.cameo = kCodes[rng() % 30];
      break;
  }
  return q;
}

void BM_EventsExplorerSqlite(benchmark::State& state) {
  auto path = EventsDb();
  if (!path.ok()) return state.SkipWithError(path.status().message().c_str());
  auto store = Store::Open(*path);
  if (!store.ok()) return state.SkipWithError(store.status().message().c_str());
  std::mt19937_64 rng(7 + state.range(0));
  Latencies latencies;
  int64_t matches = 0;
  for (auto _ : state) {
    for (int i = 0; i < 100; ++i) {
      EventQuery q = Query(static_cast<int>(state.range(0)), rng);
      auto page = latencies.Time([&] { return (*store)->FindEvents(q); });
      if (!page.ok()) return state.SkipWithError(page.status().message().c_str());
      matches += page->total;
    }
  }
  latencies.Report(state);
  state.counters["mean_matches"] = static_cast<double>(matches) / static_cast<double>(latencies.count());
  state.counters["articles"] = static_cast<double>(Articles());
  static const char* const kLabels[] = {"actor", "actor pair", "root + 3 months", "place + quad class", "actor + code"};
  state.SetLabel(kLabels[state.range(0)]);
}
BENCHMARK(BM_EventsExplorerSqlite)->DenseRange(0, 4)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace newsgraph::bench
