#include "server/memory_store.h"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <shared_mutex>
#include <unordered_set>

#include <libstemmer.h>

#include "core/json.h"
#include "store/query.h"

namespace newsgraph {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool EqualsFolded(std::string_view a, std::string_view b) { return a.size() == b.size() && Lower(a) == Lower(b); }

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Lower-cased words of `text`: runs of ASCII letters/digits and non-ASCII bytes.
// The Snowball English stem of a lower-case word ("protests" -> "protest"), as the SQL
// stores' full-text indexes stem (FTS5 porter, PostgreSQL 'english'). One stemmer per thread:
// libstemmer's are not shared.
std::string Stem(const std::string& word) {
  struct Stemmer {
    sb_stemmer* s = sb_stemmer_new("english", "UTF_8");
    ~Stemmer() {
      if (s) sb_stemmer_delete(s);
    }
  };
  thread_local Stemmer stemmer;
  if (stemmer.s == nullptr) return word;
  const sb_symbol* out =
      sb_stemmer_stem(stemmer.s, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (out == nullptr) return word;
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(stemmer.s)));
}

template <typename Fn>
void ForEachWord(std::string_view text, Fn&& fn) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordByte(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && IsWordByte(text[i])) ++i;
    if (i > start) fn(Lower(text.substr(start, i - start)));
  }
}

template <typename T>
std::vector<T> Page(std::vector<T> rows, int limit, int offset) {
  size_t from = std::min(rows.size(), static_cast<size_t>(std::max(offset, 0)));
  size_t to = std::min(rows.size(), from + static_cast<size_t>(std::max(limit, 0)));
  return std::vector<T>(std::make_move_iterator(rows.begin() + from), std::make_move_iterator(rows.begin() + to));
}

// Moves `i` back to the start of the UTF-8 character it lies in.
size_t CharStart(std::string_view s, size_t i) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

// About 200 bytes of `body` around the first query word, each query word marked [like so].
std::string Snippet(std::string_view body, const std::vector<std::string>& words) {
  std::string lower = Lower(body);
  size_t first = std::string::npos;
  for (const std::string& w : words) first = std::min(first, lower.find(w));
  size_t start = first == std::string::npos || first < 80 ? 0 : CharStart(body, first - 80);
  size_t end = CharStart(body, std::min(body.size(), start + 200));
  std::string out = start > 0 ? "…" : "";
  size_t i = start;
  while (i < end) {
    size_t best = std::string::npos, len = 0;
    for (const std::string& w : words) {
      size_t at = lower.find(w, i);
      if (at < end && (at < best || (at == best && w.size() > len))) best = at, len = w.size();
    }
    if (best == std::string::npos) break;
    out.append(body.substr(i, best - i)).append("[").append(body.substr(best, len)).append("]");
    i = best + len;
  }
  out.append(body.substr(i, end - std::min(i, end)));
  if (end < body.size()) out += "…";
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return out;
}

// One of several handles onto a MemoryStore; see MemoryStore::Share.
class SharedHandle : public Store {
 public:
  SharedHandle(std::shared_ptr<MemoryStore> store, std::shared_ptr<std::shared_mutex> mu)
      : store_(std::move(store)), mu_(std::move(mu)) {}

  // MemoryStore's read methods change nothing, so readers may overlap.
 private:
  template <typename Fn>
  auto Read(Fn&& fn) -> decltype(fn()) {
    std::shared_lock lock(*mu_);
    return fn();
  }

 public:
  Status Put(const std::vector<Analysis>& batch, size_t* inserted) override {
    std::unique_lock lock(*mu_);
    return store_->Put(batch, inserted);
  }
  StatusOr<bool> Contains(std::string_view id) override {
    return Read([&] { return store_->Contains(id); });
  }
  StatusOr<Analysis> GetArticle(std::string_view id) override {
    return Read([&] { return store_->GetArticle(id); });
  }
  StatusOr<SearchResult> Search(const SearchQuery& q) override {
    return Read([&] { return store_->Search(q); });
  }
  StatusOr<std::vector<StorySummary>> ListStories(int limit, int offset) override {
    return Read([&] { return store_->ListStories(limit, offset); });
  }
  StatusOr<StorySummary> GetStory(std::string_view id) override {
    return Read([&] { return store_->GetStory(id); });
  }
  StatusOr<std::vector<EntitySummary>> ListEntities(std::string_view q, int limit, int offset) override {
    return Read([&] { return store_->ListEntities(q, limit, offset); });
  }
  StatusOr<EntitySummary> GetEntity(int64_t id) override {
    return Read([&] { return store_->GetEntity(id); });
  }
  StatusOr<std::vector<QuoteRow>> Quotes(std::string_view speaker, int limit, int offset) override {
    return Read([&] { return store_->Quotes(speaker, limit, offset); });
  }
  StatusOr<std::vector<EventRow>> Events(const EventQuery& q) override {
    return Read([&] { return store_->Events(q); });
  }
  StatusOr<QuotePage> FindQuotes(const QuoteQuery& q) override {
    return Read([&] { return store_->FindQuotes(q); });
  }
  StatusOr<std::vector<EntitySummary>> CoOccurring(int64_t id, int limit) override {
    return Read([&] { return store_->CoOccurring(id, limit); });
  }
  StatusOr<StoreStats> Stats() override {
    return Read([&] { return store_->Stats(); });
  }

 private:
  std::shared_ptr<MemoryStore> store_;
  std::shared_ptr<std::shared_mutex> mu_;
};

}  // namespace

std::vector<std::unique_ptr<Store>> MemoryStore::Share(std::unique_ptr<MemoryStore> store, size_t n) {
  std::shared_ptr<MemoryStore> shared(std::move(store));
  auto mu = std::make_shared<std::shared_mutex>();
  std::vector<std::unique_ptr<Store>> handles;
  for (size_t i = 0; i < std::max<size_t>(n, 1); ++i) handles.push_back(std::make_unique<SharedHandle>(shared, mu));
  return handles;
}

StatusOr<std::unique_ptr<MemoryStore>> MemoryStore::LoadJsonl(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  auto store = std::make_unique<MemoryStore>();
  std::vector<Analysis> batch;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return Status::Corrupt(path + ":" + std::to_string(line_number) + ": not JSON");
    auto a = AnalysisFromJson(j);
    if (!a.ok()) return Status::Corrupt(path + ":" + std::to_string(line_number) + ": " + a.status().message());
    batch.push_back(std::move(*a));
  }
  Status s = store->Put(batch, nullptr);
  if (!s.ok()) return s;
  return store;
}

std::string MemoryStore::StoryOf(const Analysis& a) const {
  std::string key;
  ForEachWord(a.title.empty() ? std::string_view(a.body).substr(0, 200) : std::string_view(a.title),
              [&](std::string w) { key += w + " "; });
  // Short FNV-1a hash of the normalised title, as 16 hex digits.
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
  char buf[17];
  snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string("s") + buf;
}

Status MemoryStore::Put(const std::vector<Analysis>& batch, size_t* inserted) {
  size_t added = 0;
  for (const Analysis& a : batch) {
    if (a.id.empty()) return Status::InvalidArgument("analysis without id");
    if (by_id_.count(a.id) > 0) continue;
    for (const Entity& e : a.entities) {
      for (const Span& m : e.mentions) {
        if (m.end > a.body.size() || m.start > m.end) {
          return Status::InvalidArgument("article " + a.id + ": mention of " + e.name + " outside body");
        }
      }
    }
    uint32_t index = static_cast<uint32_t>(docs_.size());
    by_id_.emplace(a.id, index);
    Doc doc;
    doc.analysis = a;
    doc.story_id = StoryOf(a);
    docs_.push_back(std::move(doc));
    Index(index);
    ++added;
  }
  if (inserted != nullptr) *inserted = added;
  return Status::Ok();
}

void MemoryStore::Index(uint32_t index) {
  Doc& d = docs_[index];
  const Analysis& a = d.analysis;
  std::unordered_map<std::string, uint32_t> weights;
  ForEachWord(a.title, [&](std::string w) { weights[Stem(w)] += 3; });
  ForEachWord(a.body, [&](std::string w) { weights[Stem(w)] += 1; });
  for (auto& [word, weight] : weights) postings_[word].push_back(Posting{index, weight});
  stories_[d.story_id].push_back(index);
  quotes_ += static_cast<int64_t>(a.quotes.size());
  events_ += static_cast<int64_t>(a.events.size());
  for (const Entity& e : a.entities) {
    std::string key = std::string(EntityTypeName(e.type)) + "\t" + Lower(e.name);
    auto [it, fresh] = entity_by_key_.emplace(key, static_cast<int64_t>(entities_.size()) + 1);
    if (fresh) {
      EntitySummary s;
      s.id = it->second;
      s.name = e.name;
      s.type = EntityTypeName(e.type);
      s.country = e.country;
      entities_.push_back(std::move(s));
      entity_docs_.emplace_back();
    }
    EntitySummary& s = entities_[it->second - 1];
    for (const std::string& alias : e.aliases) {
      if (std::find(s.aliases.begin(), s.aliases.end(), alias) == s.aliases.end()) s.aliases.push_back(alias);
    }
    if (!e.title.empty() && std::find(s.titles.begin(), s.titles.end(), e.title) == s.titles.end()) {
      s.titles.push_back(e.title);
    }
    if (s.country.empty()) s.country = e.country;
    std::vector<uint32_t>& docs = entity_docs_[it->second - 1];
    if (docs.empty() || docs.back() != index) {
      docs.push_back(index);
      ++s.articles;
    }
    s.mentions += static_cast<int64_t>(e.mentions.size());
    d.entity_ids.push_back(it->second);
    for (const std::string& surface : e.aliases) {
      auto& ids = entity_by_surface_[Lower(surface)];
      if (std::find(ids.begin(), ids.end(), it->second) == ids.end()) ids.push_back(it->second);
    }
    auto& ids = entity_by_surface_[Lower(e.name)];
    if (std::find(ids.begin(), ids.end(), it->second) == ids.end()) ids.push_back(it->second);
  }
  DocFacets f;
  f.begin = static_cast<uint32_t>(facet_ids_.size());
  for (int64_t id : d.entity_ids) {
    if (std::find(facet_ids_.begin() + f.begin, facet_ids_.end(), id) != facet_ids_.end()) continue;
    facet_ids_.push_back(static_cast<uint32_t>(id));
    ++f.entities;
  }
  size_t mark = facet_ids_.size();
  for (const Quote& q : a.quotes) {
    if (q.speaker.empty()) continue;
    uint32_t id = speakers_.Id(Lower(q.speaker));
    if (id > speaker_names_.size()) {
      speaker_names_.push_back(q.speaker);
      speaker_docs_.emplace_back();
    }
    if (std::find(facet_ids_.begin() + mark, facet_ids_.end(), id) != facet_ids_.end()) continue;
    facet_ids_.push_back(id);
    speaker_docs_[id - 1].push_back(index);
    ++f.speakers;
  }
  mark = facet_ids_.size();
  for (const Event& e : a.events) {
    if (e.root.empty()) continue;
    uint32_t id = roots_.Id(e.root);
    if (std::find(facet_ids_.begin() + mark, facet_ids_.end(), id) != facet_ids_.end()) continue;
    facet_ids_.push_back(id);
    ++f.roots;
  }
  f.story = story_ids_.Id(d.story_id);
  if (!a.published.empty()) {
    f.date = dates_.Id(a.published);
    unsigned y = 0, m = 0, dd = 0;
    if (sscanf(a.published.c_str(), "%4u-%2u-%2u", &y, &m, &dd) == 3) f.day = y * 10000 + m * 100 + dd;
  }
  facets_.push_back(f);
}

uint32_t MemoryStore::Interned::Id(const std::string& v) {
  if (values.empty()) values.emplace_back();  // id 0: none
  auto [it, fresh] = ids.emplace(v, static_cast<uint32_t>(values.size()));
  if (fresh) values.push_back(v);
  return it->second;
}

StatusOr<bool> MemoryStore::Contains(std::string_view article_id) { return by_id_.count(std::string(article_id)) > 0; }

StatusOr<Analysis> MemoryStore::GetArticle(std::string_view article_id) {
  auto it = by_id_.find(std::string(article_id));
  if (it == by_id_.end()) return Status::NotFound("no article " + std::string(article_id));
  return docs_[it->second].analysis;
}

bool MemoryStore::Matches(uint32_t doc, const SearchQuery& q, const std::vector<int64_t>& entities,
                          int64_t speaker) const {
  const DocFacets& f = facets_[doc];
  const uint32_t* ids = facet_ids_.data() + f.begin;
  if (!q.from.empty() && (f.date == 0 || dates_.values[f.date] < q.from)) return false;
  if (!q.to.empty() && (f.date == 0 || dates_.values[f.date] > q.to)) return false;
  if (!q.entity.empty() && std::none_of(ids, ids + f.entities, [&](uint32_t id) {
        return std::find(entities.begin(), entities.end(), id) != entities.end();
      })) {
    return false;
  }
  if (!q.speaker.empty() && std::find(ids + f.entities, ids + f.entities + f.speakers,
                                      static_cast<uint32_t>(speaker)) == ids + f.entities + f.speakers) {
    return false;
  }
  const Doc& d = docs_[doc];
  if (!q.story.empty() && d.story_id != q.story) return false;
  if (!q.cameo.empty() && std::none_of(d.analysis.events.begin(), d.analysis.events.end(), [&](const Event& e) {
        return e.cameo.compare(0, q.cameo.size(), q.cameo) == 0;
      })) {
    return false;
  }
  return true;
}

std::vector<MemoryStore::Match> MemoryStore::Candidates(const SearchQuery& q, const std::vector<int64_t>& entities,
                                                        int64_t speaker) const {
  std::vector<Match> out;
  std::vector<std::string> words;
  ForEachWord(q.text, [&](std::string w) { words.push_back(Stem(w)); });
  if (words.empty()) {
    std::vector<uint32_t> docs;
    if (!q.entity.empty()) {  // every document of the entities so named
      for (int64_t id : entities) docs.insert(docs.end(), entity_docs_[id - 1].begin(), entity_docs_[id - 1].end());
      std::sort(docs.begin(), docs.end());
      docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
    } else if (!q.speaker.empty()) {
      if (speaker > 0) docs = speaker_docs_[speaker - 1];
    } else {
      out.reserve(docs_.size());
      for (uint32_t i = 0; i < docs_.size(); ++i) out.push_back(Match{i, 0});
      return out;
    }
    out.reserve(docs.size());
    for (uint32_t doc : docs) out.push_back(Match{doc, 0});
    return out;
  }
  // Every word must occur: intersect the doc-ordered postings, rarest first.
  std::vector<const std::vector<Posting>*> lists;
  for (const std::string& w : words) {
    auto it = postings_.find(w);
    if (it == postings_.end()) return out;
    lists.push_back(&it->second);
  }
  std::sort(lists.begin(), lists.end(), [](auto* a, auto* b) { return a->size() < b->size(); });
  out.reserve(lists[0]->size());
  for (const Posting& p : *lists[0]) out.push_back(Match{p.doc, p.weight});
  for (size_t l = 1; l < lists.size() && !out.empty(); ++l) {
    const std::vector<Posting>& list = *lists[l];
    size_t j = 0, kept = 0;
    for (const Match& m : out) {
      while (j < list.size() && list[j].doc < m.doc) ++j;
      if (j == list.size()) break;
      if (list[j].doc == m.doc) out[kept++] = Match{m.doc, m.score + list[j].weight};
    }
    out.resize(kept);
  }
  return out;
}

StatusOr<SearchResult> MemoryStore::Search(const SearchQuery& q) {
  std::vector<int64_t> entities;
  if (!q.entity.empty()) {
    auto it = entity_by_surface_.find(Lower(q.entity));
    if (it != entity_by_surface_.end()) entities = it->second;
  }
  int64_t speaker = -1;
  if (!q.speaker.empty()) {
    auto it = speakers_.ids.find(Lower(q.speaker));
    if (it != speakers_.ids.end()) speaker = it->second;
  }
  std::vector<Match> matches = Candidates(q, entities, speaker);
  bool filtered = !q.entity.empty() || !q.speaker.empty() || !q.cameo.empty() || !q.from.empty() || !q.to.empty() ||
                  !q.story.empty();
  if (filtered) {
    std::erase_if(matches, [&](const Match& m) { return !Matches(m.doc, q, entities, speaker); });
  }
  SearchResult result;
  result.total = static_cast<int64_t>(matches.size());
  // Facets: counts in arrays indexed by entity / interned id, each story counted once (the
  // matches are walked story by story; `last` holds the story a value was last counted for).
  std::vector<int64_t> entity_counts(entities_.size() + 1), speaker_counts(speakers_.values.size() + 1),
      root_counts(roots_.values.size() + 1), date_counts(dates_.values.size() + 1);
  std::vector<uint32_t> by_story(matches.size());
  for (size_t i = 0; i < matches.size(); ++i) by_story[i] = matches[i].doc;
  std::stable_sort(by_story.begin(), by_story.end(),
                   [&](uint32_t a, uint32_t b) { return facets_[a].story < facets_[b].story; });
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> entity_last(entity_counts.size(), kNone), speaker_last(speaker_counts.size(), kNone),
      root_last(root_counts.size(), kNone), date_last(date_counts.size(), kNone);
  auto count = [](std::vector<int64_t>& counts, std::vector<uint32_t>& last, uint32_t id, uint32_t story) {
    if (last[id] != story) ++counts[id], last[id] = story;
  };
  std::map<uint32_t, DayVolume> days;  // by date id
  for (size_t i = 0; i < by_story.size(); ++i) {
    const uint32_t doc = by_story[i];
    const DocFacets& f = facets_[doc];
    if (i == 0 || facets_[by_story[i - 1]].story != f.story) ++result.stories;
    const uint32_t* id = facet_ids_.data() + f.begin;
    for (const uint32_t* end = id + f.entities; id < end; ++id) count(entity_counts, entity_last, *id, f.story);
    for (const uint32_t* end = id + f.speakers; id < end; ++id) count(speaker_counts, speaker_last, *id, f.story);
    for (const uint32_t* end = id + f.roots; id < end; ++id) count(root_counts, root_last, *id, f.story);
    count(date_counts, date_last, f.date, f.story);
    if (q.timeline && f.date != 0) {
      DayVolume& d = days[f.date];
      d.articles += 1;
      d.tone += docs_[doc].analysis.tone.score;
    }
  }
  for (auto& [date, d] : days) {
    d.day = dates_.values[date];
    d.stories = date_counts[date];
    d.tone /= static_cast<double>(d.articles);
    result.timeline.push_back(std::move(d));
  }
  std::sort(result.timeline.begin(), result.timeline.end(),
            [](const DayVolume& a, const DayVolume& b) { return a.day < b.day; });
  auto facets = [](const std::vector<int64_t>& counts, size_t n, auto&& name) {
    std::vector<std::pair<int64_t, size_t>> order;
    for (size_t i = 1; i < counts.size(); ++i) {
      if (counts[i] > 0) order.emplace_back(counts[i], i);
    }
    size_t top = std::min(n, order.size());
    std::partial_sort(order.begin(), order.begin() + top, order.end(), [&](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : name(a.second) < name(b.second);
    });
    std::vector<Facet> out;
    for (size_t i = 0; i < top; ++i) out.push_back(Facet{name(order[i].second), order[i].first});
    return out;
  };
  result.entities = facets(entity_counts, 15, [&](size_t id) -> const std::string& { return entities_[id - 1].name; });
  result.speakers = facets(speaker_counts, 15, [&](size_t id) -> const std::string& { return speaker_names_[id - 1]; });
  result.cameo_roots = facets(root_counts, 20, [&](size_t id) -> const std::string& { return roots_.values[id]; });
  result.dates = facets(date_counts, 31, [&](size_t id) -> const std::string& { return dates_.values[id]; });
  std::sort(result.dates.begin(), result.dates.end(), [](const Facet& a, const Facet& b) { return a.value < b.value; });
  // Best first: score, then newest, then index order.
  auto better = [&](const Match& a, const Match& b) {
    if (a.score != b.score) return a.score > b.score;
    uint32_t da = facets_[a.doc].day, db = facets_[b.doc].day;
    return da != db ? da > db : a.doc < b.doc;
  };
  size_t from = std::min(matches.size(), static_cast<size_t>(std::max(q.offset, 0)));
  size_t to = std::min(matches.size(), from + static_cast<size_t>(std::max(q.limit, 0)));
  std::partial_sort(matches.begin(), matches.begin() + to, matches.end(), better);
  std::vector<std::string> words;  // marked in snippets: as typed, and the stem ("ferri" of "ferries")
  ForEachWord(q.text, [&](std::string w) {
    words.push_back(Stem(w));
    words.push_back(std::move(w));
  });
  for (size_t i = from; i < to; ++i) {
    const Doc& d = docs_[matches[i].doc];
    SearchHit hit;
    hit.article_id = d.analysis.id;
    hit.title = d.analysis.title;
    hit.url = d.analysis.url;
    hit.published = d.analysis.published;
    hit.story_id = d.story_id;
    hit.snippet = Snippet(d.analysis.body, words);
    hit.score = matches[i].score;
    hit.story_articles = static_cast<int64_t>(stories_.at(d.story_id).size());
    result.hits.push_back(std::move(hit));
  }
  return result;
}

StatusOr<std::vector<StorySummary>> MemoryStore::ListStories(int limit, int offset) {
  std::vector<StorySummary> rows;
  for (const auto& [id, docs] : stories_) {
    StorySummary s;
    s.id = id;
    s.title = docs_[docs.front()].analysis.title;
    s.articles = static_cast<int64_t>(docs.size());
    for (uint32_t doc : docs) {
      const std::string& p = docs_[doc].analysis.published;
      if (p.empty()) continue;
      if (s.first_published.empty() || p < s.first_published) s.first_published = p;
      if (p > s.last_published) s.last_published = p;
    }
    rows.push_back(std::move(s));
  }
  std::sort(rows.begin(), rows.end(), [](const StorySummary& a, const StorySummary& b) {
    if (a.articles != b.articles) return a.articles > b.articles;
    return a.last_published != b.last_published ? a.last_published > b.last_published : a.id < b.id;
  });
  return Page(std::move(rows), limit, offset);
}

StatusOr<StorySummary> MemoryStore::GetStory(std::string_view story_id) {
  auto it = stories_.find(std::string(story_id));
  if (it == stories_.end()) return Status::NotFound("no story " + std::string(story_id));
  auto all = ListStories(static_cast<int>(stories_.size()), 0);
  for (StorySummary& s : *all) {
    if (s.id != story_id) continue;
    for (uint32_t doc : it->second) s.article_ids.push_back(docs_[doc].analysis.id);
    return s;
  }
  return Status::Internal("story index out of step");
}

StatusOr<std::vector<EntitySummary>> MemoryStore::ListEntities(std::string_view q, int limit, int offset) {
  std::string needle = Lower(q);
  std::vector<EntitySummary> rows;
  for (const EntitySummary& e : entities_) {
    bool hit = needle.empty() || Lower(e.name).find(needle) != std::string::npos ||
               std::any_of(e.aliases.begin(), e.aliases.end(),
                           [&](const std::string& al) { return Lower(al).find(needle) != std::string::npos; });
    if (hit) rows.push_back(e);
  }
  std::sort(rows.begin(), rows.end(), [](const EntitySummary& a, const EntitySummary& b) {
    if (a.articles != b.articles) return a.articles > b.articles;
    return a.mentions != b.mentions ? a.mentions > b.mentions : a.id < b.id;
  });
  return Page(std::move(rows), limit, offset);
}

StatusOr<EntitySummary> MemoryStore::GetEntity(int64_t id) {
  if (id < 1 || id > static_cast<int64_t>(entities_.size())) return Status::NotFound("no entity " + std::to_string(id));
  return entities_[id - 1];
}

StatusOr<std::vector<QuoteRow>> MemoryStore::Quotes(std::string_view speaker, int limit, int offset) {
  std::vector<QuoteRow> rows;
  for (const Doc& d : docs_) {
    const Analysis& a = d.analysis;
    for (const Quote& q : a.quotes) {
      if (!speaker.empty() && !EqualsFolded(q.speaker, speaker)) continue;
      rows.push_back(QuoteRow{a.id, q.text, q.speaker, SpeakerEntity(d, q), q.cue, a.published});
    }
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const QuoteRow& a, const QuoteRow& b) { return a.published > b.published; });
  return Page(std::move(rows), limit, offset);
}

StatusOr<std::vector<EventRow>> MemoryStore::Events(const EventQuery& q) {
  std::vector<EventRow> rows;
  for (const Doc& d : docs_) {
    const Analysis& a = d.analysis;
    for (const Event& e : a.events) {
      if (!EventMatches(q, e, a.published, d.story_id)) continue;
      rows.push_back(EventRow{a.id, d.story_id, e, a.published, 1});
    }
  }
  // Newest event day first, as the SQL store.
  std::stable_sort(rows.begin(), rows.end(), [](const EventRow& a, const EventRow& b) {
    return EventDay(a.event, a.published) > EventDay(b.event, b.published);
  });
  return Page(std::move(rows), q.limit, q.offset);
}

StatusOr<QuotePage> MemoryStore::FindQuotes(const QuoteQuery& q) {
  std::vector<std::pair<uint32_t, size_t>> found;  // (doc, quote index)
  for (uint32_t i = 0; i < docs_.size(); ++i) {
    const Doc& d = docs_[i];
    const Analysis& a = d.analysis;
    if (!q.story.empty() && d.story_id != q.story) continue;
    if (!q.from.empty() && (a.published.empty() || a.published < q.from)) continue;
    if (!q.to.empty() && (a.published.empty() || a.published > q.to)) continue;
    for (size_t k = 0; k < a.quotes.size(); ++k) {
      const Quote& quote = a.quotes[k];
      if (!q.speaker.empty() && !SpeakerIs(d, quote, q.speaker)) continue;
      if (!q.text.empty() && !ContainsAllWords(quote.text, q.text)) continue;
      found.emplace_back(i, k);
    }
  }
  std::stable_sort(found.begin(), found.end(), [&](auto& x, auto& y) {
    return docs_[x.first].analysis.published > docs_[y.first].analysis.published;
  });
  QuotePage page;
  page.total = static_cast<int64_t>(found.size());
  for (const auto& [doc, k] : Page(std::move(found), q.limit, q.offset)) {
    const Doc& d = docs_[doc];
    const Analysis& a = d.analysis;
    const Quote& quote = a.quotes[k];
    QuoteRow row{a.id, quote.text, quote.speaker, SpeakerEntity(d, quote), quote.cue, a.published};
    row.title = a.title;
    row.story_id = d.story_id;
    row.context = QuoteContext(a.body, a.sentences, quote.span.start, quote.span.end);
    page.quotes.push_back(std::move(row));
  }
  return page;
}

int64_t MemoryStore::SpeakerEntity(const Doc& d, const Quote& q) const {
  for (size_t i = 0; i < d.analysis.entities.size(); ++i) {
    if (!q.speaker_id.empty() && d.analysis.entities[i].id == q.speaker_id) return d.entity_ids[i];
  }
  return 0;
}

bool MemoryStore::SpeakerIs(const Doc& d, const Quote& q, std::string_view who) const {
  if (EqualsFolded(q.speaker, who)) return true;
  int64_t id = SpeakerEntity(d, q);
  if (id == 0) return false;
  const EntitySummary& e = entities_[id - 1];
  if (EqualsFolded(e.name, who)) return true;
  return std::any_of(e.aliases.begin(), e.aliases.end(), [&](const std::string& a) { return EqualsFolded(a, who); });
}

StatusOr<std::vector<EntitySummary>> MemoryStore::CoOccurring(int64_t id, int limit) {
  if (id < 1 || id > static_cast<int64_t>(entities_.size())) return Status::NotFound("no entity " + std::to_string(id));
  std::unordered_map<int64_t, int64_t> counts;
  for (uint32_t doc : entity_docs_[id - 1]) {
    std::unordered_set<int64_t> seen;
    for (int64_t other : docs_[doc].entity_ids) {
      if (other != id && seen.insert(other).second) ++counts[other];
    }
  }
  std::vector<std::pair<int64_t, int64_t>> order(counts.begin(), counts.end());
  std::sort(order.begin(), order.end(),
            [](auto& a, auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  std::vector<EntitySummary> rows;
  for (size_t i = 0; i < order.size() && static_cast<int>(i) < limit; ++i) {
    EntitySummary s = entities_[order[i].first - 1];
    s.articles = order[i].second;  // articles shared with `id`
    rows.push_back(std::move(s));
  }
  return rows;
}

StatusOr<StoreStats> MemoryStore::Stats() {
  StoreStats s;
  s.articles = static_cast<int64_t>(docs_.size());
  s.stories = static_cast<int64_t>(stories_.size());
  s.entities = static_cast<int64_t>(entities_.size());
  s.quotes = quotes_;
  s.events = events_;
  return s;
}

}  // namespace newsgraph
