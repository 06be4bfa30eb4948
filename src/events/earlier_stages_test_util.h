// For the event coder's tests: an invented text taken through the stages that run before
// events in the pipeline (segmentation; with `parse` the syntax stage and, after the
// entities stage, coreference), so that the coder reads its names, pronouns and titles from
// the mention layer as `newsgraph analyze` does. Without `parse` the entities stage runs on
// the tokens alone (its rules, no tagger) and the coder reads the sentence's surface.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/analysis.h"
#include "entities/entities.h"
#include "mentions/coref.h"
#include "syntax/syntax.h"
#include "text/tokenizer.h"

namespace newsgraph::events_test {

inline Analysis EarlierStages(const std::string& body, bool parse, const std::string& published = "",
                              const std::string& dateline = "") {
  static const auto* entities = [] {
    auto r = EntityRecognizer::Create();
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? std::move(r).value().release() : nullptr;
  }();
  static const auto* coref = [] {
    auto r = CorefResolver::Create();
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? std::move(r).value().release() : nullptr;
  }();
  Analysis a;
  a.body = body;
  a.published = published;
  a.dateline = dateline;
  text::Segment(&a);
  if (parse) {
    auto model = syntax::SyntaxModel::Default();
    EXPECT_TRUE(model.ok()) << model.status().message();
    if (model.ok()) (*model)->Annotate(&a);
  }
  if (entities != nullptr) entities->Recognize(&a);
  if (parse && coref != nullptr) coref->Resolve(&a);
  return a;
}

}  // namespace newsgraph::events_test
