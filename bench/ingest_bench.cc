// Ingest benchmarks: HTML extraction on news-like pages of 100-200 KB (one core), and the
// whole `analyze` pipeline over a synthetic .warc.gz with 1 and 2 workers.
#include <benchmark/benchmark.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <fstream>
#include <random>

#include "corpus.h"
#include "ingest/html.h"
#include "pipeline/parallel.h"

namespace newsgraph::bench {
namespace {

std::string Links(std::mt19937_64& rng, int n, const char* cls) {
  std::string s = std::string("<ul class=\"") + cls + "\">";
  for (int i = 0; i < n; ++i) {
    s += "<li><a href=\"/section/" + std::to_string(rng() % 100000) + "/story-about-something-" + std::to_string(i) +
         "\" data-track=\"nav-" + std::to_string(i) + "\">Section link number " + std::to_string(i) + "</a></li>";
  }
  return s + "</ul>";
}

// A news page the way big sites serve them: most bytes are scripts, JSON state, styles,
// icons and navigation; the article is a few KB of paragraphs among ads and widgets.
std::string NewsPage(const std::string& article, uint64_t seed) {
  std::mt19937_64 rng(seed);
  size_t target = 100 * 1024 + rng() % (100 * 1024);
  std::string title = article.substr(0, article.find('\n'));
  std::string page =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
      " | The Synthetic Times</title><meta property=\"og:title\" content=\"" + title +
      "\"><meta property=\"article:published_time\" content=\"2025-05-0" + std::to_string(1 + rng() % 9) +
      "T10:00:00Z\"><link rel=\"canonical\" href=\"https://synth.example/" + std::to_string(seed) + "\">";
  page +=
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
      "\"headline\":\"x\",\"author\":{\"@type\":\"Person\",\"name\":\"Staff Writer\"}}</script>";
  page += "<style>";
  for (int i = 0; i < 150; ++i)
    page += ".c" + std::to_string(i) + "{margin:0 auto;padding:4px 8px;color:#333;font:14px/1.4 sans-serif}";
  page += "</style></head><body><header class=\"site-header\"><nav class=\"main-nav\">" + Links(rng, 80, "menu") +
          "</nav></header><div id=\"cookie-consent\"><p>We use cookies to personalise content and ads.</p></div>";
  page += "<main><article><h1>" + title +
          "</h1><div class=\"byline\">By Staff Writer</div>"
          "<div class=\"share-bar\"><a href=\"#\">Share</a><a href=\"#\">Tweet</a></div><div class=\"article-body\">";
  size_t pos = article.find('\n') + 1;
  int n = 0;
  while (pos < article.size()) {
    size_t nl = article.find('\n', pos);
    if (nl == std::string::npos) nl = article.size();
    page += "<p>" + article.substr(pos, nl - pos) + "</p>";
    if (++n % 4 == 0)
      page += "<div class=\"ad-slot\"><span>Advertisement</span><div id=\"gpt-" + std::to_string(n) + "\"></div></div>";
    pos = nl + 1;
  }
  page += "</div><section class=\"related\">" + Links(rng, 20, "related-list") +
          "</section></article>"
          "<section class=\"comments\"><p>Comments are closed for this story after thirty days.</p></section></main>";
  page += "<footer>" + Links(rng, 120, "footer-links") + "</footer>";
  for (int i = 0; i < 20; ++i) {
    page +=
        "<svg viewBox=\"0 0 24 24\" class=\"icon\"><path d=\"M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 "
        "10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8z\"/></svg>";
  }
  // Client-side state: the bulk of a modern page.
  page += "<script>window.__STATE__={\"items\":[";
  while (page.size() + 40 < target) {
    page += "{\"id\":" + std::to_string(rng() % 1000000) + ",\"k\":\"v" + std::to_string(rng() % 1000) + "\"},";
  }
  page += "{}]};</script></body></html>";
  return page;
}

const std::vector<std::string>& Pages() {
  static const auto* pages = [] {
    auto* v = new std::vector<std::string>;
    std::vector<std::string> articles = GenerateArticles(200 * 6000, 7, 6000);
    for (size_t i = 0; i < articles.size(); ++i) v->push_back(NewsPage(articles[i], i));
    return v;
  }();
  return *pages;
}

void BM_HtmlExtract(benchmark::State& state) {
  const auto& pages = Pages();
  size_t bytes = 0, items = 0, i = 0;
  for (auto _ : state) {
    RawDocument doc;
    doc.bytes = pages[i++ % pages.size()];
    auto a = ExtractHtml(doc);
    if (!a.ok()) state.SkipWithError(a.status().message().c_str());
    benchmark::DoNotOptimize(a);
    bytes += doc.bytes.size();
    ++items;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(items));
  state.SetLabel("pages of 100-200 KB, pages/s = items/s");
}
BENCHMARK(BM_HtmlExtract)->Unit(benchmark::kMillisecond)->MinTime(2.0);

std::string GzipMember(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// A CC-NEWS-like archive: request + response per page, one gzip member per record.
const std::string& WarcPath() {
  static const std::string* path = [] {
    auto* p = new std::string("/tmp/newsgraph_bench_" + std::to_string(getpid()) + ".warc.gz");
    std::ofstream out(*p, std::ios::binary);
    const auto& pages = Pages();
    for (size_t i = 0; i < pages.size(); ++i) {
      std::string uri = "https://synth.example/" + std::to_string(i);
      std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + pages[i];
      for (const auto& [type, block] : {std::pair<std::string, std::string>{"request", "GET / HTTP/1.1\r\n\r\n"},
                                        std::pair<std::string, std::string>{"response", http}}) {
        std::string rec = "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
                          "\r\nWARC-Date: 2025-05-01T00:00:00Z\r\nContent-Type: application/http\r\nContent-Length: " +
                          std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
        out << GzipMember(rec);
      }
    }
    std::atexit([] { std::remove(WarcPath().c_str()); });
    return p;
  }();
  return *path;
}

void BM_AnalyzeWarc(benchmark::State& state) {
  auto analyzer = Analyzer::Create();
  const std::string& path = WarcPath();
  PipelineOptions o;
  o.workers = static_cast<unsigned>(state.range(0));
  size_t articles = 0, bytes = 0;
  for (auto _ : state) {
    PipelineProgress progress;
    PipelineStats s = RunPipeline(
        **analyzer, {path}, o, [&](Analysis&& a) { benchmark::DoNotOptimize(a.body.data()); },
        [&](const RecordError& e) { state.SkipWithError(e.status.message().c_str()); }, &progress);
    articles += s.analyzed;
    bytes += progress.bytes_read.load();
  }
  state.SetItemsProcessed(static_cast<int64_t>(articles));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetLabel("analyze .warc.gz, articles/s = items/s, MB/s of compressed input");
}
BENCHMARK(BM_AnalyzeWarc)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

}  // namespace
}  // namespace newsgraph::bench
