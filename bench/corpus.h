// A deterministic generator of article-like text for benchmarks: headlines, datelines,
// paragraphs with names, titles, quotations, numbers and abbreviations, occasional
// boilerplate and repeated sentences. Same seed, same corpus.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace newsgraph::bench {

// Plain-text articles (headline line, then one paragraph per line) totalling about
// `total_bytes`, each about `article_bytes` long.
// Corpus size for benchmarks: NEWSGRAPH_BENCH_MB megabytes (default 20).
size_t CorpusBytes();

std::vector<std::string> GenerateArticles(size_t total_bytes, uint64_t seed = 42, size_t article_bytes = 5000);

}  // namespace newsgraph::bench
