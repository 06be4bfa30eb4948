// Story assignment in the SQL store: which story a new article joins, and how stories stay
// the same whatever the number of concurrent writers.
//
// A story is a connected group of near-duplicates (single linkage over the LSH candidates
// of src/stories): an article joins the stories of all its stored near-duplicates and of
// the earlier articles of its batch, and when these are several stories they are folded
// into one. Unlike "join the most similar", this does not depend on the order in which
// articles arrive, which is what lets several writers agree with one.
//
// Concurrent writers. SQLite serialises writers (BEGIN IMMEDIATE), so each batch sees
// every committed article and folds stories inside its own transaction. PostgreSQL
// writers run their batches side by side under READ COMMITTED: two near-duplicates in
// batches committed at the same moment cannot see each other. Each inserted article is
// therefore queued in `story_pending`, and after its batch commits SettleStories compares
// the queued articles with their candidates again and folds what should have met. Settling
// holds one transaction-scoped advisory lock (kSettleLock), so settlers and their folds run
// one at a time; a pair of near-duplicates is then always settled by whichever of the two
// is settled last, after both commits, and a fold relabels every article of the folded
// story that is committed by then (a later straggler still carrying the old label is
// queued and settled in turn). Batches never wait for settling; settling waits only for
// other settlers. What a killed writer left queued is settled by the next batch of any
// writer. Trade-offs and measured cost: docs/cluster.md.
#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <thread>
#include <utility>

#include "store/sql_store.h"
#include "stories/sketch.h"
#include "stories/story_index.h"

namespace newsgraph::store {
namespace {

using stories::Sketch;

// pg_advisory_xact_lock key of settling ("NGstory" in ASCII, as a number).
constexpr int64_t kSettleLock = 0x4e4773746f7279;
// Queued articles settled per transaction.
constexpr size_t kSettleChunk = 512;
// Articles relabelled per statement when a story is folded.
constexpr size_t kFoldChunk = 512;

std::string_view SV(const std::string& s) { return s; }

// The candidate query: the most recent kMaxBucketScan articles of each LSH band bucket,
// with their sketches and story ids.
const std::string& CandidateSql() {
  static const std::string sql = [] {
    std::string s = "SELECT c.article, k.story_id, k.sketch FROM (";
    for (int b = 0; b < stories::kBands; ++b) {
      if (b) s += " UNION ";
      s += "SELECT article FROM (SELECT article FROM lsh WHERE band_key = $" + std::to_string(b + 1) +
           " ORDER BY article DESC LIMIT " + std::to_string(stories::kMaxBucketScan) + ") AS b" + std::to_string(b);
    }
    s += ") AS c JOIN sketches k ON k.article = c.article ORDER BY c.article";
    return s;
  }();
  return sql;
}

// "$first,$first+1,..." for n parameters.
std::string Placeholders(size_t first, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += (i ? ",$" : "$") + std::to_string(first + i);
  return s;
}

// Union-find over story ids.
class StoryUnion {
 public:
  std::string Find(const std::string& x) {
    std::string root = x;
    for (auto it = parent_.try_emplace(root, root).first; it->second != root; it = parent_.find(root)) {
      root = it->second;
    }
    for (std::string y = x; y != root;) y = std::exchange(parent_[y], root);  // path compression
    return root;
  }
  void Union(const std::string& a, const std::string& b) {
    std::string ra = Find(a), rb = Find(b);
    if (ra != rb) parent_[rb] = ra;
  }
  // Members of each group of more than one.
  std::map<std::string, std::set<std::string>> Groups() {
    std::map<std::string, std::set<std::string>> groups;
    std::vector<std::string> keys;
    for (const auto& [k, v] : parent_) keys.push_back(k);
    for (const std::string& k : keys) groups[Find(k)].insert(k);
    std::erase_if(groups, [](const auto& g) { return g.second.size() < 2; });
    return groups;
  }

 private:
  std::map<std::string, std::string> parent_;
};

}  // namespace

Status SqlStore::NearStories(const Sketch& sketch, const std::array<int64_t, stories::kBands>& keys,
                             std::set<std::string>* stories) {
  std::vector<Param> params(keys.begin(), keys.end());
  std::vector<Row> rows;
  Status s = db_->Exec(CandidateSql(), params, &rows);
  if (!s.ok()) return s;
  for (const Row& r : rows) {
    Sketch other;
    if (!stories::DecodeSketch(r[2].text.data(), r[2].text.size(), &other)) continue;
    if (stories::NearDuplicateScore(sketch, other) > 0.0) stories->insert(r[1].text);
  }
  return Status::Ok();
}

StatusOr<std::string> SqlStore::SurvivingStory(const std::set<std::string>& stories) {
  std::vector<Param> params;
  for (const std::string& id : stories) params.emplace_back(SV(id));
  std::vector<Row> rows;
  Status s = db_->Exec("SELECT story_id, COUNT(*), MIN(rid) FROM articles WHERE story_id IN (" +
                           Placeholders(1, params.size()) + ") GROUP BY story_id",
                       params, &rows);
  if (!s.ok()) return s;
  // Rank (articles, -oldest row id); a story without stored articles ranks last.
  std::string best = *stories.begin();
  std::pair<int64_t, int64_t> best_rank{0, std::numeric_limits<int64_t>::min()};
  for (const Row& r : rows) {
    std::pair<int64_t, int64_t> rank{r[1].Int(), -r[2].Int()};
    if (rank > best_rank || (rank == best_rank && r[0].text < best)) {
      best_rank = rank;
      best = r[0].text;
    }
  }
  return best;
}

Status SqlStore::FoldStories(const std::string& survivor, const std::vector<std::string>& dead) {
  for (const std::string& d : dead) {
    if (d == survivor) continue;
    // The folded story's articles are read once, and exactly their sketches, events and
    // rows are relabelled. Under READ COMMITTED each statement sees the commits made
    // before it: an article a writer commits between two statements that each picked
    // the rows by story would be relabelled in some tables and not in others. Read once,
    // such a straggler keeps the old label everywhere, and is settled in turn.
    std::vector<Row> articles;
    Status s = db_->Exec("SELECT rid FROM articles WHERE story_id = $1 ORDER BY rid", {SV(d)}, &articles);
    for (size_t first = 0; s.ok() && first < articles.size(); first += kFoldChunk) {
      const size_t n = std::min(kFoldChunk, articles.size() - first);
      std::vector<Param> params = {SV(survivor), SV(d)};  // then $3...: the chunk's row ids
      for (size_t i = first; i < first + n; ++i) params.emplace_back(articles[i][0].Int());
      const std::string in = " IN (" + Placeholders(3, n) + ")";
      s = db_->Exec("UPDATE sketches SET story_id = $1 WHERE story_id = $2 AND article" + in, params);
      if (s.ok()) s = db_->Exec("UPDATE events SET story_id = $1 WHERE story_id = $2 AND article" + in, params);
      if (s.ok()) s = db_->Exec("UPDATE articles SET story_id = $1 WHERE story_id = $2 AND rid" + in, params);
    }
    if (s.ok()) s = db_->Exec("DELETE FROM stories WHERE id = $1", {SV(d)});
    if (!s.ok()) return s;
  }
  // A story folded away by a concurrent settler may come back as the survivor of
  // stragglers; it gets a row again, named after its oldest article.
  return db_->Exec(
      "INSERT INTO stories(id, title, first_article) SELECT CAST($1 AS TEXT), title, id FROM articles "
      "WHERE story_id = $1 ORDER BY rid LIMIT 1 ON CONFLICT(id) DO NOTHING",
      {SV(survivor)});
}

Status SqlStore::AssignStories(std::vector<Pending>* pending,
                               std::vector<std::pair<std::string, std::vector<std::string>>>* merges) {
  // Nodes are story ids: stored stories, and each pending article under its own id (the
  // story it would found).
  StoryUnion groups;
  std::set<std::string> stored;
  for (size_t i = 0; i < pending->size(); ++i) {
    const Pending& p = (*pending)[i];
    groups.Find(p.a->id);
    std::set<std::string> near;
    if (Status s = NearStories(p.p->sketch, p.p->band_keys, &near); !s.ok()) return s;
    for (const std::string& story : near) {
      stored.insert(story);
      groups.Union(p.a->id, story);
    }
    // Earlier articles of this batch are not in the tables yet; they are candidates as
    // they would be there, by a common band key (so batch sizes do not change stories).
    for (size_t j = 0; j < i; ++j) {
      const Pending& q = (*pending)[j];
      bool candidate = false;
      for (int b = 0; b < stories::kBands && !candidate; ++b) candidate = p.p->band_keys[b] == q.p->band_keys[b];
      if (candidate && stories::NearDuplicateScore(p.p->sketch, q.p->sketch) > 0.0) groups.Union(p.a->id, q.a->id);
    }
  }
  // The story of each group: its stored story, the survivor of its stored stories, or
  // else its first article (in input order).
  std::map<std::string, std::string> story_of_group;
  std::map<std::string, std::set<std::string>> stored_in_group;
  for (const std::string& story : stored) stored_in_group[groups.Find(story)].insert(story);
  for (const auto& [root, members] : stored_in_group) {
    std::string survivor = *members.begin();
    if (members.size() > 1) {
      auto best = SurvivingStory(members);
      if (!best.ok()) return best.status();
      survivor = *best;
      std::vector<std::string> dead;
      for (const std::string& m : members) {
        if (m != survivor) dead.push_back(m);
      }
      merges->emplace_back(survivor, std::move(dead));
    }
    story_of_group[root] = survivor;
  }
  for (Pending& p : *pending) {
    auto [it, fresh] = story_of_group.try_emplace(groups.Find(p.a->id), p.a->id);
    p.story = it->second;
  }
  return Status::Ok();
}

Status SqlStore::SettleStories() {
  if (!pg()) return Status::Ok();
  std::vector<Row> rows;
  if (Status s = db_->Exec("SELECT 1 FROM story_pending LIMIT 1", {}, &rows); !s.ok() || rows.empty()) return s;
  std::mt19937 rng(std::random_device{}());
  bool more = true;
  while (more) {
    Status s;
    for (int attempt = 0; attempt < 20; ++attempt) {
      s = SettleOnce(&more);
      if (s.ok() || !db_->LastErrorRetryable()) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(5 + rng() % (20 * (attempt + 1))));
    }
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status SqlStore::SettleOnce(bool* more) {
  *more = false;
  Status s = db_->Begin();
  if (s.ok()) s = db_->Exec("SELECT pg_advisory_xact_lock($1)", {kSettleLock});
  std::vector<Row> queued;
  if (s.ok()) {
    s = db_->Exec(
        "SELECT p.article, k.story_id, k.sketch FROM story_pending p JOIN sketches k ON k.article = p.article "
        "ORDER BY p.article LIMIT " +
            std::to_string(kSettleChunk),
        {}, &queued);
  }
  StoryUnion groups;
  std::set<std::string> labels;  // stories of the queued articles
  for (size_t i = 0; s.ok() && i < queued.size(); ++i) {
    const Row& r = queued[i];
    const std::string& own = r[1].text;
    labels.insert(own);
    groups.Find(own);
    Sketch sketch;
    if (!stories::DecodeSketch(r[2].text.data(), r[2].text.size(), &sketch)) continue;
    std::set<std::string> near;
    s = NearStories(sketch, stories::BandKeys(sketch), &near);
    for (const std::string& story : near) groups.Union(own, story);
  }
  if (s.ok()) {
    for (const auto& [root, members] : groups.Groups()) {
      auto survivor = SurvivingStory(members);
      if (!survivor.ok()) {
        s = survivor.status();
        break;
      }
      std::vector<std::string> dead;
      for (const std::string& m : members) {
        if (m != *survivor) dead.push_back(m);
        labels.erase(m);
      }
      if (s = FoldStories(*survivor, dead); !s.ok()) break;
    }
  }
  if (s.ok() && !labels.empty()) {
    // Stories that met no other: one folded away meanwhile (a straggler's) gets its row back.
    std::vector<Param> params;
    for (const std::string& l : labels) params.emplace_back(SV(l));
    std::vector<Row> present;
    s = db_->Exec("SELECT id FROM stories WHERE id IN (" + Placeholders(1, params.size()) + ")", params, &present);
    for (const Row& r : present) labels.erase(r[0].text);
    for (auto it = labels.begin(); s.ok() && it != labels.end(); ++it) s = FoldStories(*it, {});
  }
  if (s.ok() && !queued.empty()) {
    std::vector<Param> params;
    for (const Row& r : queued) params.emplace_back(r[0].Int());
    s = db_->Exec("DELETE FROM story_pending WHERE article IN (" + Placeholders(1, params.size()) + ")", params);
  }
  if (s.ok()) s = db_->Commit();
  if (!s.ok()) {
    db_->Rollback();
    return s;
  }
  *more = queued.size() == kSettleChunk;
  return Status::Ok();
}

}  // namespace newsgraph::store
