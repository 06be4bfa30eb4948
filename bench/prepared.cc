#include "prepared.h"

#include "clean/cleaner.h"
#include "corpus.h"
#include "entities/entities.h"
#include "ingest/plain_text.h"
#include "text/tokenizer.h"

namespace newsgraph::bench {

std::vector<Analysis> PreparedCorpus(size_t bytes, bool with_entities) {
  std::vector<Analysis> out;
  auto cleaner = Cleaner::Create();
  auto entities = EntityRecognizer::Create();
  if (!cleaner.ok()) return out;
  for (const std::string& text : GenerateArticles(bytes)) {
    RawDocument doc;
    doc.bytes = text;
    auto article = ExtractPlainText(doc);
    if (!article.ok()) continue;
    Analysis a;
    (*cleaner)->Clean(*article, &a);
    text::Segment(&a);
    if (with_entities && entities.ok()) (*entities)->Recognize(&a);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace newsgraph::bench
