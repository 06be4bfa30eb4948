// Writes the benchmark corpus (bench/corpus.h: news-like 5 KB articles where every sentence
// carries a quotation, an event or an attribution) as one text file per article, for the
// end-to-end ingest figures of bench/store.sh.
//   newsgraph_write_corpus DIR ARTICLES
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "corpus.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s DIR ARTICLES\n", argv[0]);
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  const size_t articles = std::strtoull(argv[2], nullptr, 10);
  constexpr size_t kArticleBytes = 5000;
  std::filesystem::create_directories(dir);
  std::vector<std::string> corpus = newsgraph::bench::GenerateArticles(articles * kArticleBytes * 11 / 10, 42, kArticleBytes);
  for (size_t i = 0; i < corpus.size() && i < articles; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "n%06zu.txt", i);
    std::ofstream out(dir / name, std::ios::binary);
    out << corpus[i];
    if (!out) {
      std::fprintf(stderr, "%s: cannot write\n", (dir / name).c_str());
      return 1;
    }
  }
  return 0;
}
