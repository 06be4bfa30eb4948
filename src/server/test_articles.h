// Analyses made up for the server's unit tests (header-only: included by tests alone), with entities, quotes and events
// whose spans point into the body (UTF-8 byte offsets, found by text).
#pragma once

#include <string>
#include <vector>

#include "core/analysis.h"

namespace newsgraph::server::testing {

namespace detail {

inline Span Find(const std::string& body, const std::string& what, size_t from = 0) {
  size_t at = body.find(what, from);
  if (at == std::string::npos) return {};
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + what.size())};
}

}  // namespace detail

inline Analysis MakeArticle(const std::string& id, const std::string& title, const std::string& published,
                            const std::string& body, const std::vector<std::string>& people, const std::string& quote,
                            const std::string& verb, const std::string& cameo) {
  Analysis a;
  a.id = id;
  a.title = title;
  a.published = published;
  a.body = body;
  for (size_t i = 0; i < people.size(); ++i) {
    Entity e;
    e.id = "e" + std::to_string(i + 1);
    e.name = people[i];
    e.title = i == 0 ? "Minister" : "";
    for (Span s = detail::Find(body, people[i]); !s.empty(); s = detail::Find(body, people[i], s.end))
      e.mentions.push_back(s);
    a.entities.push_back(std::move(e));
  }
  if (!quote.empty() && !people.empty()) {
    a.quotes.push_back(Quote{quote, detail::Find(body, quote), people[0], "e1", "said"});
  }
  if (!verb.empty() && people.size() >= 2) {
    Event ev;
    ev.source = people[0];
    ev.target = people[1];
    ev.cameo = cameo;
    ev.root = cameo.substr(0, 2);
    ev.evidence = verb;
    ev.evidence_span = detail::Find(body, verb);
    ev.rule = "test pattern";
    ev.date = published;
    a.events.push_back(std::move(ev));
  }
  return a;
}

inline std::vector<Analysis> SmallCorpus() {
  return {
      MakeArticle("a1", "Ferry talks resume", "2026-03-01",
                  "Anna Berg met Jonas Vik in Tallinn.\n\"We want more ferries,\" Anna Berg said.",
                  {"Anna Berg", "Jonas Vik"}, "We want more ferries,", "met", "040"),
      MakeArticle("a2", "Ferry talks resume", "2026-03-02",
                  "Anna Berg met Jonas Vik in Tallinn again.\n\"We want more ferries,\" Anna Berg said.",
                  {"Anna Berg", "Jonas Vik"}, "We want more ferries,", "met", "040"),
      MakeArticle("a3", "Port strike threatened", "2026-04-10",
                  "Jonas Vik threatened Lena Sørlie with a port strike over fees.", {"Jonas Vik", "Lena Sørlie"}, "",
                  "threatened", "130"),
  };
}

}  // namespace newsgraph::server::testing
