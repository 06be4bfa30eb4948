#include "core/json.h"

#include <nlohmann/json.hpp>

#include "core/ud.h"

namespace newsgraph {
namespace {

using nlohmann::json;

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
json SpanJson(Span s) { return json{{"start", s.start}, {"end", s.end}}; }
Span SpanFrom(const json& j) {
  return Span{j.value("start", 0u), j.value("end", 0u)};
}

}  // namespace

const char* EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return "PERSON";
    case EntityType::kOrg:
      return "ORG";
    case EntityType::kLoc:
      return "LOC";
  }
  return "PERSON";
}

const char* MentionKindName(MentionKind k) {
  switch (k) {
    case MentionKind::kName:
      return "name";
    case MentionKind::kPronoun:
      return "pronoun";
    case MentionKind::kTitle:
      return "title";
    case MentionKind::kDescription:
      return "description";
  }
  return "name";
}

json EventToJson(const Event& e) {
  json ev = {{"source", OrNull(e.source)},
             {"source_code", OrNull(e.source_code)},
             {"target", OrNull(e.target)},
             {"target_code", OrNull(e.target_code)},
             {"cameo", e.cameo},
             {"root", e.root},
             {"quad_class", e.quad_class},
             {"goldstein", e.goldstein},
             {"location", OrNull(e.location)},
             {"when", OrNull(e.when)},
             {"date", OrNull(e.date)},
             {"sentence", e.sentence},
             {"evidence", e.evidence},
             {"evidence_start", e.evidence_span.start},
             {"evidence_end", e.evidence_span.end},
             {"rule", e.rule}};
  if (!e.source_detail.empty()) ev["source_detail"] = e.source_detail;
  if (!e.target_detail.empty()) ev["target_detail"] = e.target_detail;
  return ev;
}

json ToJson(const Analysis& a) { return ToJson(a, JsonOmit{}); }

json ToJson(const Analysis& a, const JsonOmit& omit) {
  json j;
  j["id"] = a.id;
  j["title"] = OrNull(a.title);
  j["published"] = OrNull(a.published);
  j["dateline"] = OrNull(a.dateline);
  j["url"] = OrNull(a.url);
  j["source"] = OrNull(a.source);
  j["language"] = OrNull(a.language);
  j["byline"] = OrNull(a.byline);
  if (!omit.body) j["body"] = a.body;
  json removed = json::array();
  for (const Removal& r : a.removed) removed.push_back({{"kind", r.kind}, {"reason", r.reason}, {"text", r.text}});
  j["removed"] = std::move(removed);
  json sentences = json::array();
  for (const Sentence& s : a.sentences) {
    json sj = {{"start", s.span.start}, {"end", s.span.end}, {"paragraph", s.paragraph}};
    if (!omit.tokens) {
      // head: index into the article's word list (-1 for the sentence root).
      json words = json::array();
      for (uint32_t i = s.first_word; i < s.end_word && i < a.words.size(); ++i) {
        const Word& w = a.words[i];
        words.push_back({{"start", w.span.start},
                         {"end", w.span.end},
                         {"upos", ud::UposName(w.upos)},
                         {"lemma", w.lemma},
                         {"head", w.head},
                         {"deprel", ud::DeprelName(w.deprel)}});
      }
      sj["tokens"] = std::move(words);
    }
    sentences.push_back(std::move(sj));
  }
  j["sentences"] = std::move(sentences);
  json entities = json::array();
  for (const Entity& e : a.entities) {
    json ej = {{"id", e.id},
               {"name", e.name},
               {"type", EntityTypeName(e.type)},
               {"aliases", e.aliases},
               {"title", OrNull(e.title)},
               {"country", OrNull(e.country)}};
    if (!omit.entity_mentions) {
      json m = json::array();
      for (Span s : e.mentions) m.push_back(SpanJson(s));
      ej["mentions"] = std::move(m);
    }
    entities.push_back(std::move(ej));
  }
  j["entities"] = std::move(entities);
  {
    // The references coreference added (docs/mentions.md): pronouns, titles used alone and
    // descriptions, each with the entity it refers to (null when unresolved) or, for a
    // plural description, the entities of its group. Name mentions are in entities[].
    json mentions = json::array();
    for (const Mention& m : a.mentions) {
      if (m.kind == MentionKind::kName) continue;
      bool known = m.entity >= 0 && static_cast<size_t>(m.entity) < a.entities.size();
      json mj = {{"start", m.span.start},
                 {"end", m.span.end},
                 {"kind", MentionKindName(m.kind)},
                 {"entity", known ? json(a.entities[m.entity].id) : json(nullptr)}};
      if (!m.members.empty()) {
        json members = json::array();
        for (int32_t e : m.members) {
          if (e >= 0 && static_cast<size_t>(e) < a.entities.size()) members.push_back(a.entities[e].id);
        }
        mj["members"] = std::move(members);
      }
      mentions.push_back(std::move(mj));
    }
    j["mentions"] = std::move(mentions);
  }
  if (!omit.quotes) {
    json quotes = json::array();
    for (const Quote& q : a.quotes) {
      json qj = {{"text", q.text},
                 {"start", q.span.start},
                 {"end", q.span.end},
                 {"speaker", OrNull(q.speaker)},
                 {"speaker_id", OrNull(q.speaker_id)},
                 {"cue", OrNull(q.cue)}};
      if (!q.speaker_role.empty()) qj["speaker_role"] = q.speaker_role;
      quotes.push_back(std::move(qj));
    }
    j["quotes"] = std::move(quotes);
  } else {
    // Stores keep quotes in a table of their own; the roles of unnamed speakers ride along
    // here (quote index -> speaker_role), read back by the store after its quotes.
    json roles = json::object();
    for (size_t i = 0; i < a.quotes.size(); ++i) {
      if (!a.quotes[i].speaker_role.empty()) roles[std::to_string(i)] = a.quotes[i].speaker_role;
    }
    if (!roles.empty()) j["quote_roles"] = std::move(roles);
  }
  if (!omit.events) {
    json events = json::array();
    for (const Event& e : a.events) events.push_back(EventToJson(e));
    j["events"] = std::move(events);
  }
  j["tone"] = {{"score", a.tone.score},
               {"positive", a.tone.positive},
               {"negative", a.tone.negative},
               {"polarity", a.tone.polarity},
               {"word_count", a.tone.word_count}};
  if (!a.warnings.empty()) j["warnings"] = a.warnings;
  return j;
}

std::string ToJsonString(const Analysis& a, bool pretty, bool tokens) {
  JsonOmit omit;
  omit.tokens = !tokens;
  return ToJson(a, omit).dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
}

StatusOr<Analysis> AnalysisFromJson(const json& j) {
  if (!j.is_object()) return Status::InvalidArgument("analysis JSON: not an object");
  try {
    Analysis a;
    a.id = Str(j, "id");
    a.title = Str(j, "title");
    a.published = Str(j, "published");
    a.dateline = Str(j, "dateline");
    a.url = Str(j, "url");
    a.source = Str(j, "source");
    a.language = Str(j, "language");
    a.byline = Str(j, "byline");
    a.body = Str(j, "body");
    for (const json& r : j.value("removed", json::array())) {
      a.removed.push_back(Removal{Str(r, "kind"), Str(r, "reason"), Str(r, "text")});
    }
    for (const json& s : j.value("sentences", json::array())) {
      Sentence sent;
      sent.span = SpanFrom(s);
      sent.paragraph = s.value("paragraph", 0u);
      a.sentences.push_back(sent);
    }
    for (const json& e : j.value("entities", json::array())) {
      Entity ent;
      ent.id = Str(e, "id");
      ent.name = Str(e, "name");
      std::string t = Str(e, "type");
      ent.type = t == "ORG" ? EntityType::kOrg : t == "LOC" ? EntityType::kLoc : EntityType::kPerson;
      for (const json& al : e.value("aliases", json::array())) {
        if (al.is_string()) ent.aliases.push_back(al.get<std::string>());
      }
      ent.title = Str(e, "title");
      ent.country = Str(e, "country");
      for (const json& m : e.value("mentions", json::array())) ent.mentions.push_back(SpanFrom(m));
      a.entities.push_back(std::move(ent));
    }
    for (const json& m : j.value("mentions", json::array())) {
      Mention mention;
      mention.span = SpanFrom(m);
      std::string kind = Str(m, "kind");
      mention.kind = kind == "pronoun" ? MentionKind::kPronoun
                     : kind == "title" ? MentionKind::kTitle
                                       : MentionKind::kDescription;
      auto entity_index = [&](const std::string& id) {
        for (size_t e = 0; e < a.entities.size(); ++e) {
          if (a.entities[e].id == id) return static_cast<int32_t>(e);
        }
        return int32_t{-1};
      };
      mention.entity = entity_index(Str(m, "entity"));
      for (const json& id : m.value("members", json::array())) {
        if (id.is_string()) mention.members.push_back(entity_index(id.get<std::string>()));
      }
      a.mentions.push_back(std::move(mention));
    }
    for (const json& q : j.value("quotes", json::array())) {
      Quote quote;
      quote.text = Str(q, "text");
      quote.span = SpanFrom(q);
      quote.speaker = Str(q, "speaker");
      quote.speaker_id = Str(q, "speaker_id");
      quote.cue = Str(q, "cue");
      quote.speaker_role = Str(q, "speaker_role");
      a.quotes.push_back(std::move(quote));
    }
    for (const json& e : j.value("events", json::array())) {
      Event ev;
      ev.source = Str(e, "source");
      ev.source_code = Str(e, "source_code");
      ev.source_detail = Str(e, "source_detail");
      ev.target = Str(e, "target");
      ev.target_code = Str(e, "target_code");
      ev.target_detail = Str(e, "target_detail");
      ev.cameo = Str(e, "cameo");
      ev.root = Str(e, "root");
      ev.quad_class = e.value("quad_class", 0);
      ev.goldstein = e.value("goldstein", 0.0);
      ev.location = Str(e, "location");
      ev.when = Str(e, "when");
      ev.date = Str(e, "date");
      ev.sentence = e.value("sentence", -1);
      ev.evidence = Str(e, "evidence");
      ev.evidence_span = Span{e.value("evidence_start", 0u), e.value("evidence_end", 0u)};
      ev.rule = Str(e, "rule");
      a.events.push_back(std::move(ev));
    }
    if (auto t = j.find("tone"); t != j.end() && t->is_object()) {
      a.tone.score = t->value("score", 0.0);
      a.tone.positive = t->value("positive", 0.0);
      a.tone.negative = t->value("negative", 0.0);
      a.tone.polarity = t->value("polarity", 0.0);
      a.tone.word_count = t->value("word_count", 0u);
    }
    return a;
  } catch (const json::exception& e) {
    return Status::InvalidArgument(std::string("analysis JSON: ") + e.what());
  }
}

}  // namespace newsgraph
