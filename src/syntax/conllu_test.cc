#include "syntax/conllu.h"

#include <gtest/gtest.h>

namespace newsgraph::syntax {
namespace {

constexpr const char* kSample =
    "# newdoc id = doc1\n"
    "# sent_id = doc1-1\n"
    "# text = The mayor didn't come.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t2:det\t_\n"
    "2\tmayor\tmayor\tNOUN\tNN\t_\t5\tnsubj\t5:nsubj\t_\n"
    "3-4\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "3\tdid\tdo\tAUX\tVBD\t_\t5\taux\t5:aux\t_\n"
    "4\tn't\tnot\tPART\tRB\t_\t5\tadvmod\t5:advmod\t_\n"
    "5\tcome\tcome\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "5.1\tghost\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t5:punct\t_\n"
    "\n";

TEST(ConlluTest, ReadsWordsMultiwordTokensAndComments) {
  auto parsed = ParseConllu(kSample);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  ASSERT_EQ(parsed->size(), 1u);
  const ConlluSentence& s = (*parsed)[0];
  EXPECT_EQ(s.newdoc, "doc1");
  EXPECT_EQ(s.sent_id, "doc1-1");
  EXPECT_EQ(s.text, "The mayor didn't come.");
  ASSERT_EQ(s.words.size(), 6u);  // the empty node 5.1 is skipped
  EXPECT_EQ(s.words[1].form, "mayor");
  EXPECT_EQ(s.words[1].head, 5);
  EXPECT_EQ(s.words[1].deprel, "nsubj");
  EXPECT_FALSE(s.words[4].space_after);
  ASSERT_EQ(s.multiword.size(), 1u);
  EXPECT_EQ(s.multiword[0].form, "didn't");
  EXPECT_EQ(SurfaceText(s), "The mayor didn't come.");
}

TEST(ConlluTest, WriteThenReadGivesTheSameSentence) {
  auto parsed = ParseConllu(kSample);
  ASSERT_TRUE(parsed.ok());
  std::string out;
  WriteConllu((*parsed)[0], &out);
  auto again = ParseConllu(out);
  ASSERT_TRUE(again.ok()) << again.status().message();
  ASSERT_EQ(again->size(), 1u);
  const ConlluSentence &a = (*parsed)[0], &b = (*again)[0];
  ASSERT_EQ(a.words.size(), b.words.size());
  for (size_t i = 0; i < a.words.size(); ++i) {
    EXPECT_EQ(a.words[i].form, b.words[i].form);
    EXPECT_EQ(a.words[i].head, b.words[i].head);
    EXPECT_EQ(a.words[i].deprel, b.words[i].deprel);
    EXPECT_EQ(a.words[i].lemma, b.words[i].lemma);
  }
  EXPECT_EQ(b.multiword.size(), 1u);
  EXPECT_EQ(b.text, a.text);
}

TEST(ConlluTest, ErrorsNameTheLine) {
  auto bad_columns = ParseConllu("1\tword\tword\n");
  ASSERT_FALSE(bad_columns.ok());
  EXPECT_NE(bad_columns.status().message().find("line 1"), std::string::npos);
  auto bad_head = ParseConllu("1\ta\ta\tDET\t_\t_\t7\tdet\t_\t_\n\n");
  ASSERT_FALSE(bad_head.ok());
  EXPECT_NE(bad_head.status().message().find("head 7"), std::string::npos);
  auto bad_order = ParseConllu("2\ta\ta\tDET\t_\t_\t0\troot\t_\t_\n\n");
  ASSERT_FALSE(bad_order.ok());
  EXPECT_NE(bad_order.status().message().find("out of sequence"), std::string::npos);
}

TEST(ConlluTest, SeveralSentencesAndCarriageReturns) {
  auto parsed = ParseConllu("1\tHi\thi\tINTJ\t_\t_\t0\troot\t_\t_\r\n\r\n1\tYes\tyes\tINTJ\t_\t_\t0\troot\t_\t_\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_EQ((*parsed)[1].words[0].form, "Yes");
}

TEST(ConlluTest, EntityMentionsNestAndCloseByTheirId) {
  // "the Velmar council met Ana": 1 spans words 0-2 and holds 2 ("Velmar", one word);
  // 3 ("Ana") opens and closes on word 4; a MISC without Entity= adds nothing.
  std::vector<EntityMention> open, out;
  ReadEntityMentions("Entity=(1-organization-new-sss-cf1-1", 0, &open, &out);
  ReadEntityMentions("Entity=(2-place-new-sss-cf2-1-sgl)", 1, &open, &out);
  ReadEntityMentions("SpaceAfter=No|Entity=1)", 2, &open, &out);
  ReadEntityMentions("_", 3, &open, &out);
  ReadEntityMentions("Entity=(3-person-giv-1-coref)", 4, &open, &out);
  EXPECT_TRUE(open.empty());
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].id, "2");
  EXPECT_EQ(out[0].type, "place");
  EXPECT_EQ(out[0].first, 1);
  EXPECT_EQ(out[0].last, 1);
  EXPECT_EQ(out[1].id, "1");
  EXPECT_EQ(out[1].type, "organization");
  EXPECT_EQ(out[1].first, 0);
  EXPECT_EQ(out[1].last, 2);
  EXPECT_EQ(out[2].type, "person");
  EXPECT_EQ(out[2].first, 4);
}

}  // namespace
}  // namespace newsgraph::syntax
