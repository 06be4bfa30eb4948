// Extraction quality on tests/extraction/: HTML pages written by the project in the manner
// of real news-site templates (navigation, share bars, related stories, comments, cookie
// banners, JSON-LD, table layouts, <br>-separated text, a GBK-encoded page), each with the
// body text expected. Token-level precision and recall over all pages must be >= 0.95.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/utf8.h"
#include "ingest/html.h"

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

// Lower-case words; every CJK character is a token of its own.
std::map<std::string, int> Tokens(std::string_view text) {
  std::map<std::string, int> bag;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) ++bag[utf8::Lower(word)];
    word.clear();
  };
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    char32_t c = utf8::Next(text, &i);
    bool cjk = (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x3040 && c <= 0x30FF);
    if (cjk) {
      flush();
      ++bag[std::string(text.substr(start, i - start))];
    } else if (utf8::IsAlpha(c) || utf8::IsDigit(c)) {
      word.append(text.substr(start, i - start));
    } else {
      flush();
    }
  }
  flush();
  return bag;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ExtractionQualityTest, TokenPrecisionAndRecallOnFixtures) {
  fs::path dir = fs::path(NEWSGRAPH_SOURCE_DIR) / "tests" / "extraction";
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  long long tp = 0, extracted = 0, expected = 0;
  int pages = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".html") continue;
    fs::path want_path = entry.path();
    want_path.replace_extension(".expected.txt");
    ASSERT_TRUE(fs::exists(want_path)) << want_path;
    RawDocument doc;
    doc.source = entry.path().filename().string();
    doc.bytes = ReadAll(entry.path());
    auto article = ExtractHtml(doc);
    ASSERT_TRUE(article.ok()) << article.status().message();
    std::string got;
    for (const std::string& p : article->paragraphs) got += p + "\n";
    auto got_bag = Tokens(got), want_bag = Tokens(ReadAll(want_path));
    long long page_tp = 0, page_got = 0, page_want = 0;
    for (const auto& [t, n] : got_bag) {
      page_got += n;
      auto it = want_bag.find(t);
      if (it != want_bag.end()) page_tp += std::min(n, it->second);
    }
    for (const auto& [t, n] : want_bag) page_want += n;
    double p = page_got ? static_cast<double>(page_tp) / page_got : 0,
           r = page_want ? static_cast<double>(page_tp) / page_want : 0;
    std::printf("  %-28s precision %.3f  recall %.3f\n", doc.source.c_str(), p, r);
    EXPECT_GE(p, 0.85) << doc.source << "\n" << got;
    EXPECT_GE(r, 0.85) << doc.source << "\n" << got;
    tp += page_tp;
    extracted += page_got;
    expected += page_want;
    ++pages;
  }
  ASSERT_GE(pages, 7);
  double precision = static_cast<double>(tp) / extracted, recall = static_cast<double>(tp) / expected;
  std::printf("  all %d pages: precision %.3f  recall %.3f\n", pages, precision, recall);
  EXPECT_GE(precision, 0.95);
  EXPECT_GE(recall, 0.95);
}

}  // namespace
}  // namespace newsgraph
