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

TEST(HtmlTest, StateClassOnWrapperDoesNotDropTheArticle) {
  RawDocument d;
  d.bytes = std::string(
                "<html><head><meta property=\"og:title\" content=\"Bridge stays open | Example\"></head>"
                "<body class=\"modal-open\"><div class=\"page has-ads\"><header><h1>Bridge stays open</h1>"
                "</header>") +
            kArticle +
            "<div class=\"ad-unit\"><p>Sponsored: the best mattress you will ever buy, now half price.</p></div>"
            "</div></body></html>";
  auto a = ExtractHtml(d);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "Bridge stays open");
  ASSERT_EQ(a->paragraphs.size(), 2u);
  EXPECT_TRUE(a->paragraphs[1].starts_with("Engineers"));
}

TEST(HtmlTest, OneParagraphPerContainerKeepsThemAll) {
  std::string blocks;
  const char* texts[] = {"The first paragraph of the story says what happened, where and when it did.",
                         "A second paragraph quotes the minister, who said the plan would work well.",
                         "The third paragraph gives the background, with figures from last year.",
                         "A fourth paragraph has the reaction of the opposition, which was critical.",
                         "The last paragraph says what happens next, and when the vote is due."};
  for (const char* t : texts) {
    blocks += std::string("<div data-component=\"text-block\"><div class=\"rich\"><p>") + t + "</p></div></div>";
  }
  RawDocument d;
  d.bytes =
      "<html><body><nav><a href=\"/\">Home</a></nav><article><h1>Headline</h1>" + blocks +
      "</article><div class=\"related\"><p>Other story one, with its own summary text here.</p></div></body></html>";
  auto a = ExtractHtml(d);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->paragraphs.size(), 5u);
}

TEST(HtmlTest, ByLineInTheBodyBecomesTheByline) {
  RawDocument d;
  d.bytes = std::string("<html><body><div class=\"story\"><p>By Ann Lee and Bo Chen, Reuters</p>") + kArticle +
            "</div></body></html>";
  auto a = ExtractHtml(d);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->byline, "Ann Lee and Bo Chen, Reuters");
  ASSERT_EQ(a->paragraphs.size(), 2u);
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

// ---- the failure classes of issue 18, one page each (the fixtures in tests/extraction/
// measure them at scale).
std::string Body(const std::string& html) {
  RawDocument d;
  d.bytes = html;
  auto a = ExtractHtml(d);
  if (!a.ok()) return "ERROR: " + a.status().message();
  std::string out;
  for (const std::string& p : a->paragraphs) out += p + "\n";
  return out;
}

const char kConsentText[] =
    "We and our partners store and access information on your device, such as cookies, and process personal data "
    "for personalised ads and content, ad and content measurement and audience research. Some partners rely on "
    "legitimate interest. You can manage your preferences at any time.";

TEST(HtmlTest, ConsentDialogNamedByItsVendorIsNotTheArticle) {
  std::string body =
      Body(std::string("<body><div id=\"CybotCookiebotDialog\"><h2>This website uses cookies</h2><div>") +
           kConsentText + "</div></div><div class=\"x\">" + kArticle + "</div></body>");
  EXPECT_NE(body.find("committee met"), std::string::npos) << body;
  EXPECT_EQ(body.find("partners"), std::string::npos) << body;
}

TEST(HtmlTest, ConsentNoticeKnownOnlyByItsWordsIsDropped) {
  std::string body = Body(std::string("<body><div class=\"bar-x\"><h3>Your choices</h3><p>") + kConsentText +
                          "</p></div><div class=\"x\">" + kArticle + "</div></body>");
  EXPECT_NE(body.find("committee met"), std::string::npos) << body;
  EXPECT_EQ(body.find("partners"), std::string::npos) << body;
  EXPECT_EQ(body.find("Your choices"), std::string::npos) << body;
}

TEST(HtmlTest, ArticleThatMentionsCookiesIsKept) {
  std::string body = Body(
      "<body><div><p>The regulator said on Tuesday that websites must let visitors reject all tracking as "
      "easily as they accept it, and fined two publishers.</p><p>Both publishers said they would appeal, and "
      "that their banners had been changed months ago.</p><p>One of them, the regulator found, had claimed a "
      "legitimate interest in showing personalised ads to readers who had said no.</p></div></body>");
  EXPECT_NE(body.find("reject all tracking"), std::string::npos) << body;
  EXPECT_NE(body.find("legitimate interest in showing personalised ads"), std::string::npos) << body;
}

TEST(HtmlTest, BareTextBetweenBreaksBeatsAnAddressFooter) {
  std::string body = Body(
      "<body><div id=\"w\"><div id=\"m\"><div><div><div class=\"t\"><font>"
      "The council met on Monday evening to discuss the old bridge over the river, which has been closed to lorries "
      "since a survey in the spring.<br>Repairs will start in May and last a year, the council said.<br>"
      "Drivers will be sent on a detour through the village, which residents fear will bring more traffic.<br>"
      "The mayor said the work was overdue."
      "</font></div></div></div></div>"
      "<div id=\"b\"><font>Valley Press Ltd., Unit 4, Mill Lane, Carrow, Dunshire, DN7 2QP, United Kingdom, telephone "
      "01632 960 551, fax 01632 960 552, company number 02291877, VAT 448 2913 07, printed by Dunshire Print, Carrow."
      "</font></div></div></body>");
  EXPECT_NE(body.find("Repairs will start in May"), std::string::npos) << body;
  EXPECT_NE(body.find("overdue"), std::string::npos) << body;
  EXPECT_EQ(body.find("Mill Lane"), std::string::npos) << body;
}

TEST(HtmlTest, ContentTableIsKeptRowByRow) {
  std::string body = Body(std::string("<body><div class=\"story\">") + kArticle +
                          "<table><caption>League table</caption><tr><th>Team</th><th>Pts</th></tr>"
                          "<tr><td>Kelby Rovers</td><td>27</td></tr><tr><td>Marlow</td><td>25</td></tr></table>"
                          "<p>The next round of matches is on Saturday, when Rovers host the team in fourth.</p>"
                          "</div></body>");
  EXPECT_NE(body.find("League table\nTeam | Pts\nKelby Rovers | 27\nMarlow | 25\n"), std::string::npos) << body;
}

TEST(HtmlTest, TableInAFigureIsKeptAndItsCaptionIsNot) {
  std::string body = Body(std::string("<body><div class=\"entry-content\">") + kArticle +
                          "<figure class=\"wp-block-table\"><table><tr><td>Band A</td><td>1,258</td></tr>"
                          "<tr><td>Band B</td><td>1,468</td></tr></table><figcaption>Source: the council"
                          "</figcaption></figure><figure><img src=\"a.jpg\"><figcaption>The town hall at dusk."
                          "</figcaption></figure></div></body>");
  EXPECT_NE(body.find("Band A | 1,258\nBand B | 1,468\n"), std::string::npos) << body;
  EXPECT_EQ(body.find("Source"), std::string::npos) << body;
  EXPECT_EQ(body.find("dusk"), std::string::npos) << body;
}

TEST(HtmlTest, ShortListItemsAreAllKept) {
  std::string body =
      Body(std::string("<body><div class=\"story\">") + kArticle +
           "<ol><li>Flour</li><li>Two eggs</li><li>Milk</li><li>A pinch of salt</li></ol>"
           "<ul class=\"tags\"><li><a href=\"/a\">Bridges</a></li><li><a href=\"/b\">Council</a></li></ul>"
           "</div></body>");
  EXPECT_NE(body.find("Flour\nTwo eggs\nMilk\nA pinch of salt\n"), std::string::npos) << body;
  EXPECT_EQ(body.find("Bridges"), std::string::npos) << body;
}

TEST(HtmlTest, CaptionsGoAndSentencesAtElementBoundariesStayApart) {
  std::string body = Body(
      "<body><div class=\"story\"><p>The delegation arrived on Monday, after a long flight, and met the mayor.</p>"
      "<div class=\"wp-caption\"><img src=\"a.jpg\"><p class=\"wp-caption-text\">The mayor greets the guests. "
      "Photo: Ann Lee</p></div>"
      "<p><span>Talks continued in New York.</span><span>Reuters reported that both sides, after hours, agreed."
      "</span></p><div>The second day was shorter.<figure><img src=\"b.jpg\"><figcaption>Hall</figcaption></figure>"
      "Officials, tired but content, left early.</div></div></body>");
  EXPECT_EQ(body.find("greets"), std::string::npos) << body;
  EXPECT_NE(body.find("New York. Reuters"), std::string::npos) << body;
  EXPECT_NE(body.find("The second day was shorter.\nOfficials"), std::string::npos) << body;
}

TEST(HtmlTest, NumbersOfListItemsSetApartAreDropped) {
  std::string body = Body(std::string("<body><div class=\"list\">") + kArticle +
                          "<div class=\"item\"><span>1.</span><p>Turn the thermostat down by one degree, "
                          "experts say.</p></div><div class=\"item\"><span>2.</span><p>Close the curtains at "
                          "dusk, which keeps heat in.</p></div></div></body>");
  EXPECT_NE(body.find("Turn the thermostat"), std::string::npos) << body;
  EXPECT_EQ(body.find("1.\n"), std::string::npos) << body;
}

TEST(HtmlTest, DateLinesAndModerationNoticesAreNotBody) {
  std::string body = Body(std::string("<body><div class=\"story\"><p>Posted 5 March 2025 at 10:45 am</p>") + kArticle +
                          "<p>Comments are moderated and may take some time to appear. Please keep it civil and "
                          "stay on topic.</p></div></body>");
  EXPECT_NE(body.find("committee met"), std::string::npos) << body;
  EXPECT_EQ(body.find("Posted"), std::string::npos) << body;
  EXPECT_EQ(body.find("moderated"), std::string::npos) << body;
}

TEST(HtmlTest, ItempropArticleBodyNarrowsTheChosenContainer) {
  std::string body = Body(std::string("<body><div class=\"asset\"><div itemprop=\"articleBody\">") + kArticle +
                          "<p>A third paragraph, with more detail, about the bridge and its history.</p></div>"
                          "<p>Readers, tell us about your own memories of the old bridge over the river.</p>"
                          "</div></body>");
  EXPECT_NE(body.find("third paragraph"), std::string::npos) << body;
  EXPECT_EQ(body.find("Readers, tell us"), std::string::npos) << body;
}

std::string WithArticleBody(const std::string& article_body, const std::string& body_html) {
  return "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"articleBody\": \"" +
         article_body + "\"}</script></head><body>" + body_html + "</body></html>";
}

TEST(HtmlTest, ArticleBodyCompletesAPaywalledPage) {
  std::string body = Body(WithArticleBody(
      "The committee met for six hours on Friday and agreed, after a long debate, to keep the bridge open.\\n"
      "Engineers told members that the repairs, which began in spring, would be finished by December.\\n"
      "The cost of the work has risen by a third since the first estimate, the treasurer said.",
      "<div class=\"x\"><p>The committee met for six hours on Friday and agreed, after a long debate, to keep the "
      "bridge open.</p><div class=\"gate\"><p>Subscribe to keep reading, from one a week.</p></div></div>"));
  EXPECT_NE(body.find("risen by a third"), std::string::npos) << body;
  EXPECT_EQ(body.find("Subscribe"), std::string::npos) << body;
}

TEST(HtmlTest, ArticleBodyThatIsASummaryDoesNotReplaceTheBody) {
  std::string body = Body(WithArticleBody(
      "A bridge will stay open after a committee vote on Friday, with repairs finished by December next year.",
      std::string("<div class=\"x\">") + kArticle + "</div>"));
  EXPECT_NE(body.find("committee met for six hours"), std::string::npos) << body;
  EXPECT_EQ(body.find("A bridge will stay open"), std::string::npos) << body;
}

TEST(HtmlTest, ArticleBodyLeavesOutAnInterludeItDoesNotHold) {
  std::string body = Body(WithArticleBody(
      "The committee met for six hours on Friday and agreed, after a long debate, to keep the bridge open.\\n"
      "Engineers told members that the repairs, which began in spring, would be finished by December.\\n"
      "The cost of the work has risen by a third since the first estimate, the treasurer said.",
      std::string("<div class=\"x\">") + kArticle +
          "<div class=\"box\"><p>Every weekday at seven, the stories you need, from our newsroom to your inbox.</p>"
          "</div><p>The cost of the work has risen by a third since the first estimate, the treasurer said.</p>"
          "</div>"));
  EXPECT_NE(body.find("risen by a third"), std::string::npos) << body;
  EXPECT_EQ(body.find("Every weekday"), std::string::npos) << body;
}

TEST(HtmlTest, AmpWidgetsCarryNoText) {
  std::string body =
      Body(std::string("<html amp><body><amp-consent id=\"c\" layout=\"nodisplay\"><div>") + kConsentText +
           "</div></amp-consent><amp-sidebar id=\"s\"><p>Home, News, Sport, Weather, "
           "Puzzles, Obituaries and more sections.</p></amp-sidebar><div class=\"x\">" +
           kArticle + "</div></body></html>");
  EXPECT_NE(body.find("committee met"), std::string::npos) << body;
  EXPECT_EQ(body.find("partners"), std::string::npos) << body;
  EXPECT_EQ(body.find("Obituaries"), std::string::npos) << body;
}

}  // namespace
}  // namespace newsgraph
