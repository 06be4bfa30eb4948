#include "ingest/html.h"

#include <gtest/gtest.h>

#include <chrono>

#include "ingest/extract.h"

namespace newsgraph {
namespace {

const char kArticle[] =
    "<p>The committee met for six hours on Friday and agreed, after a long debate, to keep the bridge open.</p>"
    "<p>Engineers told members that the repairs, which began in spring, would be finished by December.</p>";

TEST(HtmlTest, MetadataFromMetaJsonLdAndTime) {
  RawDocument d;
  d.url = "https://news.example/section/page?x=1";
  d.bytes = std::string(
                "<html lang=\"de-de\"><head><title>Bridge stays open - Example News</title>"
                "<meta property=\"og:site_name\" content=\"Example News\">"
                "<link rel=\"canonical\" href=\"/bridge-stays-open\">"
                "<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": \"WebPage\"}, "
                "{\"@type\": [\"NewsArticle\"], \"datePublished\": \"2024-06-07T08:00:00+02:00\", "
                "\"author\": [{\"name\": \"Ann Lee\"}, {\"name\": \"Bo Chen\"}]}]}</script>"
                "</head><body><article><h1>Bridge stays open</h1>") +
            kArticle + "</article></body></html>";
  auto a = ExtractHtml(d);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "Bridge stays open");
  EXPECT_EQ(a->published, "2024-06-07");
  EXPECT_EQ(a->byline, "Ann Lee and Bo Chen");
  EXPECT_EQ(a->url, "https://news.example/bridge-stays-open");
  EXPECT_EQ(a->language, "de-DE");
  EXPECT_EQ(a->paragraphs.size(), 2u);
}

TEST(HtmlTest, BoilerplateRegionsAreDropped) {
  RawDocument d;
  d.bytes = std::string(
                "<body><div class=\"cookie-notice\"><p>We use cookies to give you the best experience on our "
                "site.</p></div><nav><ul><li><a href=\"/\">Home</a></li></ul></nav><div class=\"content\">") +
            kArticle +
            "<div class=\"social-share\"><p>Share this story with your friends and family today.</p></div>"
            "<div class=\"comments\"><p>I think this decision is wrong and the council should resign.</p></div>"
            "</div><footer><p>Copyright Example News, all rights reserved in every country.</p></footer></body>";
  auto a = ExtractHtml(d);
  ASSERT_TRUE(a.ok()) << a.status().message();
  ASSERT_EQ(a->paragraphs.size(), 2u);
  EXPECT_TRUE(a->paragraphs[0].starts_with("The committee"));
}

TEST(HtmlTest, PageWithoutArticleIsAnError) {
  RawDocument d;
  d.source = "index.html";
  d.bytes =
      "<html><body><nav><a href=\"/a\">Politics</a><a href=\"/b\">Sport</a></nav>"
      "<ul><li><a href=\"/1\">Story one headline here</a></li><li><a href=\"/2\">Story two headline</a></li></ul>"
      "<p>Log in</p></body></html>";
  auto a = ExtractHtml(d);
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("index.html: no article text"), std::string::npos) << a.status().message();
}

TEST(HtmlTest, BinaryIsAnError) {
  RawDocument d;
  d.bytes = std::string("<html>\0\0\0binary", 16);
  EXPECT_FALSE(ExtractHtml(d).ok());
}

TEST(HtmlTest, DeepNestingDoesNotOverflowOrStall) {
  for (const char* tag : {"div", "b", "span", "table", "a"}) {
    std::string html = "<html><body>";
    for (int i = 0; i < 100000; ++i) html += std::string("<") + tag + ">";
    html += kArticle;
    RawDocument d;
    d.bytes = std::move(html);
    auto start = std::chrono::steady_clock::now();
    auto a = ExtractHtml(d);  // must return (article or error), not crash
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(secs, 20.0) << tag;  // generous: guards against the quadratic blow-up only
    if (a.ok()) {
      EXPECT_FALSE(a->warnings.empty()) << tag;
    }
  }
}

TEST(HtmlTest, CompactDropsScriptsAndFlattensDeepNesting) {
  std::string out;
  EXPECT_FALSE(CompactHtml("<div><div>x</div></div>", 5, &out));
  EXPECT_EQ(out, "<div><div>x</div></div>");
  EXPECT_TRUE(CompactHtml("<div><div><div>x</div></div></div>", 2, &out));
  EXPECT_EQ(out, "<div><div>x</div></div>");
  // Void elements, implied ends and raw text do not count.
  EXPECT_FALSE(CompactHtml("<p>a<p>b<br><img src=x><style>\"<div><div><div>\"</style>", 1, &out));
  EXPECT_EQ(out, "<p>a<p>b<br><img src=x><style></style>");
  CompactHtml(
      "<title>T</title><!-- c --><script>var a = '</div>';</script><script type=\"application/ld+json\">{}</script>"
      "<svg><path d=\"M0\"/></svg><p>kept</p>",
      10, &out);
  EXPECT_EQ(out, "<title>T</title><script></script><script type=\"application/ld+json\">{}</script><p>kept</p>");
}

TEST(HtmlTest, FragmentKeepsAllBlocks) {
  RawDocument d;
  d.fragment = true;
  d.title = "Given title";
  d.bytes = "<p>Short one.</p><p>Another short one.</p>";
  auto a = ExtractHtml(d);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "Given title");
  EXPECT_EQ(a->paragraphs, (std::vector<std::string>{"Short one.", "Another short one."}));
}

TEST(ExtractTest, SniffsMediaTypes) {
  EXPECT_EQ(SniffMediaType("<!DOCTYPE html><html>"), "text/html");
  EXPECT_EQ(SniffMediaType("<?xml version=\"1.0\"?><rss version=\"2.0\">"), "application/rss+xml");
  EXPECT_EQ(SniffMediaType("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), "application/atom+xml");
  EXPECT_EQ(SniffMediaType("Headline\nBody"), "text/plain");
}

}  // namespace
}  // namespace newsgraph
