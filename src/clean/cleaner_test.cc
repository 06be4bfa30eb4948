#include "clean/cleaner.h"

#include <gtest/gtest.h>

namespace newsgraph {
namespace {

class CleanerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = Cleaner::Create();
    ASSERT_TRUE(c.ok()) << c.status().message();
    cleaner_ = std::move(c).value();
  }
  Analysis Clean(std::vector<std::string> paragraphs, std::string title = "Headline") {
    Article a;
    a.title = std::move(title);
    a.paragraphs = std::move(paragraphs);
    Analysis out;
    cleaner_->Clean(a, &out);
    return out;
  }
  std::unique_ptr<Cleaner> cleaner_;
};

TEST_F(CleanerTest, RemovesRepostDisclaimer) {
  Analysis a = Clean({"Ministers met on Monday.",
                      "Disclaimer: The copyright of this article belongs to the original author. Reposting this "
                      "article is solely for the purpose of information dissemination."});
  EXPECT_EQ(a.body, "Ministers met on Monday.");
  ASSERT_EQ(a.removed.size(), 1u);
  EXPECT_EQ(a.removed[0].kind, "boilerplate");
}

TEST_F(CleanerTest, RemovesDisclaimerWithoutPrefixByWeightedPhrases) {
  Analysis a = Clean({"The minister resigned.",
                      "The copyright of this article belongs to the original author. If there is any infringement, "
                      "please contact us."});
  EXPECT_EQ(a.body, "The minister resigned.");
}

TEST_F(CleanerTest, KeepsNewsThatMentionsCopyrightOrAdvice) {
  std::vector<std::string> news = {
      "A copyright lawsuit was filed on Tuesday against the publisher.",
      "The firm said its report does not constitute legal advice, according to a filing.",
      "Police asked anyone with information to please contact us, a spokeswoman said.",
      "He told lawmakers to subscribe to stricter rules."};
  Analysis a = Clean(news);
  EXPECT_TRUE(a.removed.empty()) << a.removed[0].text;
  EXPECT_EQ(a.body, news[0] + "\n" + news[1] + "\n" + news[2] + "\n" + news[3]);
}

TEST_F(CleanerTest, RemovesCaptionsEndingInAMediaCredit) {
  std::vector<std::string> news = {
      "The minister spoke in Lusaka. Officials listed the terms: higher tariffs.",
      "He posted a picture: the flag over the square.",
      "Residents crossed the flooded bridge on Monday. Photo: Jane Doe.",
      "The new stadium seen from the east stand. Image: City of Lusaka.",
      "Floods hit the coast."};
  Analysis a = Clean(news);
  EXPECT_EQ(a.body, news[0] + "\n" + news[1] + "\n" + news[4]);
  ASSERT_EQ(a.removed.size(), 2u);
  EXPECT_EQ(a.removed[0].reason, "caption credit");
}

TEST_F(CleanerTest, RemovesShareAndSubscribeLines) {
  Analysis a = Clean({"Advertisement", "Floods hit the coast.", "Click here to subscribe to our newsletter.",
                      "Read more: Storm season begins", "Share this article", "Follow us on Twitter",
                      "Rescuers arrived."});
  EXPECT_EQ(a.body, "Floods hit the coast.\nRescuers arrived.");
  EXPECT_EQ(a.removed.size(), 5u);
}

TEST_F(CleanerTest, RemovesExactRepeatKeepingFirst) {
  Analysis a = Clean({"The vote was delayed until May. Lawmakers objected.", "The vote was delayed until May."});
  EXPECT_EQ(a.body, "The vote was delayed until May. Lawmakers objected.");
  ASSERT_EQ(a.removed.size(), 1u);
  EXPECT_EQ(a.removed[0].kind, "duplicate_sentence");
}

TEST_F(CleanerTest, APullQuoteBoxGoesAndTheCopyInTheTextStays) {
  // A paragraph that is only a sentence the text repeats, with the quoted person's name
  // under it and no full stop after the name, is the page's pull-quote box.
  Analysis a = Clean({"The ferry left the harbour at dawn. It was late.",
                      "They kept every one of us below deck for the whole crossing. Mara Velkaro",
                      "Velkaro sued the operator in May. They kept every one of us below deck for the whole crossing. "
                      "The operator denies it."});
  EXPECT_EQ(a.body,
            "The ferry left the harbour at dawn. It was late.\nVelkaro sued the operator in May. They kept every one "
            "of us below deck for the whole crossing. The operator denies it.");
  ASSERT_EQ(a.removed.size(), 1u);
  EXPECT_EQ(a.removed[0].kind, "boilerplate");
  // A paragraph of ordinary sentences keeps its first copy, as before.
  Analysis b = Clean({"They kept every one of us below deck for the whole crossing. Mara Velkaro sued.",
                      "Velkaro sued the operator in May. They kept every one of us below deck for the whole crossing."});
  EXPECT_EQ(b.body, "They kept every one of us below deck for the whole crossing. Mara Velkaro sued.\nVelkaro sued "
                    "the operator in May.");
}

TEST_F(CleanerTest, RemovesRestatementOfAnAppositive) {
  Analysis a = Clean({"Ms. Okafor, the first woman to lead the central bank since its founding in 1958, will "
                      "testify on Monday.",
                      "Markets were calm. Okafor is the first woman to lead the central bank since its founding "
                      "in 1958."});
  EXPECT_EQ(a.body,
            "Ms. Okafor, the first woman to lead the central bank since its founding in 1958, will testify on "
            "Monday.\nMarkets were calm.");
  ASSERT_EQ(a.removed.size(), 1u);
}

TEST_F(CleanerTest, RestatementWithAddedAttributionIsFound) {
  Analysis a = Clean({"The leaders spoke for an hour. It was their first meeting since Roe took office in May.",
                      "It was the first meeting since Roe took office in May, officials said."});
  EXPECT_EQ(a.body, "The leaders spoke for an hour. It was their first meeting since Roe took office in May.");
}

TEST_F(CleanerTest, PullQuoteKeepsTheAttributedCopy) {
  Analysis a = Clean({"\"We will not close a single school in this district.\"",
                      "The board met on Tuesday. \"We will not close a single school in this district,\" "
                      "board chair Ilse Marken said."});
  EXPECT_EQ(a.body,
            "The board met on Tuesday. \"We will not close a single school in this district,\" board chair Ilse "
            "Marken said.");
  ASSERT_EQ(a.removed.size(), 1u);
  EXPECT_EQ(a.removed[0].text, "\"We will not close a single school in this district.\"");
}

TEST_F(CleanerTest, NeverCutsAQuotationMark) {
  // The repeated sentence opens a quotation that runs on: removing it would leave the
  // closing mark without its opener.
  Analysis a = Clean({"The port will reopen on Monday after the storm passed.",
                      "\"The port will reopen on Monday after the storm passed. Crews are ready,\" Nils Arne said."});
  EXPECT_NE(a.body.find("\"The port will reopen"), std::string::npos) << a.body;
  EXPECT_TRUE(a.removed.empty());
}

TEST_F(CleanerTest, RemovesRowsOfShareButtons) {
  Analysis a = Clean({"Rain fell.", "Share on Facebook Share on X Share via Email", "Share on Facebook | Tweet | Email",
                      "Follow us"});
  EXPECT_EQ(a.body, "Rain fell.");
  EXPECT_EQ(a.removed.size(), 3u);
}

TEST_F(CleanerTest, RemovesRepublicationNotices) {
  Analysis a = Clean({"Rain fell.",
                      "This article was automatically republished from a wire service feed and has not been edited by "
                      "our staff. All rights remain with the original publisher."});
  EXPECT_EQ(a.body, "Rain fell.");
}

TEST_F(CleanerTest, KeepsSimilarButDifferentSentences) {
  Analysis a = Clean({"The army said five soldiers were killed in the northern province on Friday.",
                      "The police said three civilians were wounded in the southern province on Sunday."});
  EXPECT_TRUE(a.removed.empty());
}

TEST_F(CleanerTest, NormalisesSpaceAndInvisibleCharacters) {
  EXPECT_EQ(NormalizeParagraph("  A\u00a0 b\u200bc\u00ad  d\t e "), "A bc d e");
  EXPECT_EQ(NormalizeParagraph("``Yes,'' he said"), "\"Yes,\" he said");
  // NFC: e + combining acute becomes é.
  EXPECT_EQ(NormalizeParagraph("Cafe\u0301"), "Caf\u00e9");
}

TEST(DatelineTest, RecognisesCommonForms) {
  std::string d;
  EXPECT_EQ(StripDateline("BEIJING \u2014 The talks began.", &d), "The talks began.");
  EXPECT_EQ(d, "BEIJING");
  d.clear();
  EXPECT_EQ(StripDateline("GENEVA (Reuters) - Talks resumed.", &d), "Talks resumed.");
  EXPECT_EQ(d, "GENEVA");
  d.clear();
  EXPECT_EQ(StripDateline("NAIROBI, Kenya \u2014 Rains fell.", &d), "Rains fell.");
  EXPECT_EQ(d, "NAIROBI, Kenya");
  d.clear();
  EXPECT_EQ(StripDateline("WASHINGTON, June 18 (Reuters) -- Rates held.", &d), "Rates held.");
  EXPECT_EQ(d, "WASHINGTON");
}

TEST(DatelineTest, LeavesOrdinarySentencesAlone) {
  std::string d;
  std::string_view s = "The UN said on Monday - in a statement - that aid arrived.";
  EXPECT_EQ(StripDateline(s, &d), s);
  EXPECT_EQ(StripDateline("NATO allies met.", &d), "NATO allies met.");
  EXPECT_TRUE(d.empty());
}

TEST_F(CleanerTest, DatelineKeptOutOfBody) {
  Analysis a = Clean({"BEIJING \u2014 Officials met on Sunday.", "They talked."});
  EXPECT_EQ(a.dateline, "BEIJING");
  EXPECT_EQ(a.body, "Officials met on Sunday.\nThey talked.");
}

TEST_F(CleanerTest, LinearOnManyRepeatedSentences) {
  std::string para;
  for (int i = 0; i < 20000; ++i) para += "The same words appear in every sentence of this block " + std::to_string(i % 7) + ". ";
  Analysis a = Clean({para});
  // The first sentence survives; the rest repeat it exactly or differ in one word of twelve.
  EXPECT_EQ(a.removed.size(), 20000u - 1u);
  EXPECT_EQ(a.body, "The same words appear in every sentence of this block 0.");
}

}  // namespace
}  // namespace newsgraph
