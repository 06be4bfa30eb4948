#include "stories/dupe_corpus.h"

#include <algorithm>
#include <map>
#include <random>
#include <utility>

namespace newsgraph::stories {
namespace {

using Rng = std::mt19937_64;

// Invented words: syllables make names, a small closed vocabulary makes the prose.
const char* const kSyll[] = {"ka", "lo",  "mi", "ran", "tor", "vel", "su",  "den", "pa",  "rek",
                             "zi", "mon", "ta", "bel", "gor", "ni",  "sha", "ov",  "lin", "dra"};
const char* const kNouns[] = {"ministry", "council",   "harbour", "budget",   "treaty",  "pipeline", "court",
                              "election", "ceasefire", "tariff",  "reactor",  "airport", "border",   "union",
                              "report",   "committee", "bank",    "protest",  "vaccine", "drought",  "bridge",
                              "contract", "factory",   "mission", "festival", "index",   "strike",   "summit"};
const char* const kVerbs[] = {"approved",  "rejected", "delayed",    "announced", "questioned", "signed",
                              "suspended", "expanded", "criticised", "welcomed",  "reviewed",   "funded",
                              "blocked",   "defended", "inspected",  "postponed"};
const char* const kAdjs[] = {"new",    "disputed", "regional", "emergency", "long-awaited", "joint", "interim",
                             "costly", "national", "revised",  "secret",    "temporary",    "first", "final"};
const char* const kTimes[] = {"on Monday",  "on Tuesday",        "late on Wednesday", "this week",
                              "last month", "earlier this year", "on Friday evening", "over the weekend"};
const char* const kCues[] = {"said",  "told reporters",        "wrote in a statement", "said in an interview",
                             "added", "according to officials"};
const char* const kBoiler[] = {"Follow us for more updates on this story.",
                               "Copyright reserved. Republished with permission.",
                               "Sign up for our morning newsletter.",
                               "Read more: the latest headlines from the region.",
                               "This article was produced by a partner agency.",
                               "Share this article with your friends.",
                               "Advertisement",
                               "Reporting by staff writers; editing by the news desk."};

template <size_t N>
const char* Pick(Rng& rng, const char* const (&a)[N]) {
  return a[rng() % N];
}

std::string Name(Rng& rng, bool cap = true) {
  std::string s;
  int n = 2 + static_cast<int>(rng() % 2);
  for (int i = 0; i < n; ++i) s += Pick(rng, kSyll);
  if (cap) s[0] = static_cast<char>(s[0] - 32);
  return s;
}

struct Topic {
  std::vector<std::string> people, places, orgs;
};

Topic MakeTopic(Rng& rng) {
  Topic t;
  for (int i = 0; i < 4; ++i) t.people.push_back(Name(rng) + " " + Name(rng));
  for (int i = 0; i < 2; ++i) t.places.push_back(Name(rng));
  for (int i = 0; i < 2; ++i) t.orgs.push_back("the " + Name(rng) + " " + Pick(rng, kNouns));
  return t;
}

template <typename T>
const T& Of(Rng& rng, const std::vector<T>& v) {
  return v[rng() % v.size()];
}

std::string MakeSentence(Rng& rng, const Topic& t) {
  std::string num = std::to_string(rng() % 9000 + 12);
  switch (rng() % 5) {
    case 0:
      return Of(rng, t.people) + " " + Pick(rng, kVerbs) + " the " + Pick(rng, kAdjs) + " " + Pick(rng, kNouns) +
             " in " + Of(rng, t.places) + " " + Pick(rng, kTimes) + ".";
    case 1:
      return "\"The " + std::string(Pick(rng, kNouns)) + " was " + Pick(rng, kVerbs) + " because the " +
             Pick(rng, kAdjs) + " " + Pick(rng, kNouns) + " cost " + num + " " + Name(rng, false) + "s,\" " +
             Of(rng, t.people) + " " + Pick(rng, kCues) + ".";
    case 2:
      return "Officials from " + Of(rng, t.orgs) + " " + Pick(rng, kVerbs) + " a " + Pick(rng, kAdjs) + " " +
             Pick(rng, kNouns) + " worth " + num + " million " + Pick(rng, kTimes) + ".";
    case 3:
      return "In " + Of(rng, t.places) + ", " + num + " people " + Pick(rng, kVerbs) + " the " + Pick(rng, kNouns) +
             " of " + Of(rng, t.orgs) + " while the " + Pick(rng, kNouns) + " " + Pick(rng, kVerbs) + " its " +
             Pick(rng, kAdjs) + " " + Pick(rng, kNouns) + ".";
    default:
      return "The " + std::string(Pick(rng, kAdjs)) + " " + Pick(rng, kNouns) + " near " + Name(rng) + " was " +
             Pick(rng, kVerbs) + " after " + Of(rng, t.people) + " " + Pick(rng, kVerbs) + " " + Of(rng, t.orgs) + " " +
             Pick(rng, kTimes) + ".";
  }
}

std::vector<std::string> MakeParagraphs(Rng& rng, const Topic& t, size_t n) {
  std::vector<std::string> ps;
  for (size_t i = 0; i < n; ++i) {
    std::string p;
    int sentences = 2 + static_cast<int>(rng() % 3);
    for (int s = 0; s < sentences; ++s) p += (s ? " " : "") + MakeSentence(rng, t);
    ps.push_back(std::move(p));
  }
  return ps;
}

std::string Join(const std::vector<std::string>& ps) {
  std::string out;
  for (const std::string& p : ps) out += (out.empty() ? "" : "\n") + p;
  return out;
}

void AddBoilerplate(Rng& rng, std::vector<std::string>* ps) {
  int n = 1 + static_cast<int>(rng() % 3);
  for (int i = 0; i < n; ++i) {
    if (rng() % 2) {
      ps->insert(ps->begin(), Pick(rng, kBoiler));
    } else {
      ps->push_back(Pick(rng, kBoiler));
    }
  }
}

void Edit(Rng& rng, const Topic& t, std::vector<std::string>* ps) {
  // Replace one paragraph's sentence-worth, drop one paragraph, add one sentence.
  size_t i = rng() % ps->size();
  (*ps)[i] = MakeSentence(rng, t) + " " +
             (*ps)[i].substr((*ps)[i].find(". ") == std::string::npos ? 0 : (*ps)[i].find(". ") + 2);
  if (ps->size() > 4) ps->erase(ps->begin() + static_cast<long>(rng() % ps->size()));
  size_t j = rng() % ps->size();
  (*ps)[j] += " " + MakeSentence(rng, t);
}

}  // namespace

std::vector<DupeArticle> GenerateDupeCorpus(const DupeCorpusOptions& o) {
  Rng rng(o.seed);
  std::vector<DupeArticle> out;
  Topic topic;
  for (size_t g = 0; g < o.originals; ++g) {
    if (g % std::max<size_t>(1, o.topics_per) == 0) topic = MakeTopic(rng);
    std::vector<std::string> base = MakeParagraphs(rng, topic, o.paragraphs);
    std::string title = Of(rng, topic.people) + " " + Pick(rng, kVerbs) + " " + Pick(rng, kNouns);
    auto push = [&](std::string kind, std::string t, const std::vector<std::string>& ps) {
      DupeArticle a;
      a.id = "g" + std::to_string(g) + "-" + std::to_string(out.size());
      a.title = std::move(t);
      a.body = Join(ps);
      a.group = static_cast<int>(g);
      a.kind = std::move(kind);
      out.push_back(std::move(a));
    };
    push("original", title, base);
    size_t variants = rng() % (o.max_variants + 1);
    for (size_t v = 0; v < variants; ++v) {
      std::vector<std::string> ps = base;
      std::string kind;
      switch (rng() % 5) {
        case 0:
          kind = "repost";
          AddBoilerplate(rng, &ps);
          break;
        case 1:
          kind = "edited";
          Edit(rng, topic, &ps);
          break;
        case 2: {
          kind = "truncated";
          size_t keep = std::max<size_t>(2, ps.size() * (40 + rng() % 31) / 100);
          ps.resize(std::min(keep, ps.size()));
          break;
        }
        case 3:
          kind = "reordered";
          for (int s = 0; s < 3; ++s) std::swap(ps[rng() % ps.size()], ps[rng() % ps.size()]);
          break;
        default:
          kind = "mixed";
          Edit(rng, topic, &ps);
          AddBoilerplate(rng, &ps);
          std::swap(ps[rng() % ps.size()], ps[rng() % ps.size()]);
          break;
      }
      push(kind, Pick(rng, kAdjs) + std::string(" ") + title, ps);
    }
  }
  // Interleave so that variants do not always follow their original.
  std::shuffle(out.begin(), out.end(), rng);
  return out;
}

PairScores ScorePairs(const std::vector<DupeArticle>& corpus, const std::vector<std::string>& stories) {
  std::map<std::string, int64_t> per_story;
  std::map<int, int64_t> per_group;
  std::map<std::pair<std::string, int>, int64_t> per_cell;
  for (size_t i = 0; i < corpus.size() && i < stories.size(); ++i) {
    ++per_story[stories[i]];
    ++per_group[corpus[i].group];
    ++per_cell[{stories[i], corpus[i].group}];
  }
  auto pairs = [](int64_t n) { return n * (n - 1) / 2; };
  PairScores s;
  for (const auto& [k, n] : per_story) s.predicted += pairs(n);
  for (const auto& [k, n] : per_group) s.truth += pairs(n);
  for (const auto& [k, n] : per_cell) s.correct += pairs(n);
  s.precision = s.predicted ? static_cast<double>(s.correct) / s.predicted : 1.0;
  s.recall = s.truth ? static_cast<double>(s.correct) / s.truth : 1.0;
  return s;
}

}  // namespace newsgraph::stories
