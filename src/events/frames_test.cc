// Frames over hand-written parses of invented sentences (the parses are given, so these
// tests pin the frame rules, not the parser).
#include "events/frames.h"

#include <gtest/gtest.h>

#include "core/data.h"
#include "core/ud.h"

namespace newsgraph::events {
namespace {

struct W {
  const char* form;
  const char* lemma;
  const char* upos;
  int head;  // 1-based, 0 root
  const char* deprel;
};

// One sentence of words separated by single spaces.
Analysis Parse(const std::vector<W>& words) {
  Analysis a;
  for (const W& w : words) {
    if (!a.body.empty()) a.body += ' ';
    Word x;
    x.span = {static_cast<uint32_t>(a.body.size()), static_cast<uint32_t>(a.body.size() + std::string(w.form).size())};
    a.body += w.form;
    x.lemma = w.lemma;
    x.upos = static_cast<uint8_t>(ud::UposIndex(w.upos));
    x.head = w.head - 1;
    x.deprel = static_cast<uint8_t>(ud::DeprelIndex(w.deprel));
    a.words.push_back(x);
  }
  Sentence s;
  s.span = {0, static_cast<uint32_t>(a.body.size())};
  s.first_word = 0;
  s.end_word = static_cast<uint32_t>(a.words.size());
  a.sentences.push_back(s);
  return a;
}

const FrameWords& Words() {
  static const FrameWords w = [] {
    auto text = ReadDataFile("events/frames.tsv");
    EXPECT_TRUE(text.ok());
    auto fw = FrameWords::Parse(text.ok() ? *text : "", "frames.tsv");
    EXPECT_TRUE(fw.ok()) << fw.status().message();
    return fw.ok() ? *fw : FrameWords();
  }();
  return w;
}

// The frame whose trigger is the word `form`.
const Frame* FrameOf(const Analysis& a, const std::vector<Frame>& frames, std::string_view form) {
  for (const Frame& f : frames)
    if (a.Text(a.words[f.trigger].span) == form) return &f;
  return nullptr;
}

std::string Form(const Analysis& a, int32_t w) { return w < 0 ? "" : std::string(a.Text(a.words[w].span)); }

TEST(FramesTest, SubjectObjectAndPrepositionalObjects) {
  // Velmar accused Dornia of violating the border with troops .
  Analysis a = Parse({{"Velmar", "Velmar", "PROPN", 2, "nsubj"},
                      {"accused", "accuse", "VERB", 0, "root"},
                      {"Dornia", "Dornia", "PROPN", 2, "obj"},
                      {"of", "of", "SCONJ", 5, "mark"},
                      {"violating", "violate", "VERB", 2, "advcl"},
                      {"the", "the", "DET", 7, "det"},
                      {"border", "border", "NOUN", 5, "obj"},
                      {"with", "with", "ADP", 9, "case"},
                      {"troops", "troops", "NOUN", 5, "obl"}});
  std::vector<int> frame_of;
  auto frames = BuildFrames(a, a.sentences[0], Words(), &frame_of);
  const Frame* accuse = FrameOf(a, frames, "accused");
  ASSERT_NE(accuse, nullptr);
  EXPECT_EQ(Form(a, accuse->subject), "Velmar");
  EXPECT_EQ(accuse->via, SubjectVia::kOwn);
  EXPECT_EQ(Form(a, accuse->object), "Dornia");
  const Frame* violate = FrameOf(a, frames, "violating");
  ASSERT_NE(violate, nullptr);
  EXPECT_EQ(Form(a, violate->ObliqueOf("with")), "troops");
  EXPECT_EQ(Form(a, violate->object), "border");
  ASSERT_EQ(frame_of.size(), a.words.size());
  EXPECT_EQ(frame_of[1], accuse - frames.data());
  EXPECT_EQ(frame_of[0], -1);  // a proper noun triggers nothing
}

TEST(FramesTest, PassiveAgentIsSubjectAndPatientIsObject) {
  // The convoy was attacked by rebels .
  Analysis a = Parse({{"The", "the", "DET", 2, "det"},
                      {"convoy", "convoy", "NOUN", 4, "nsubj:pass"},
                      {"was", "be", "AUX", 4, "aux:pass"},
                      {"attacked", "attack", "VERB", 0, "root"},
                      {"by", "by", "ADP", 6, "case"},
                      {"rebels", "rebel", "NOUN", 4, "obl:agent"}});
  auto frames = BuildFrames(a, a.sentences[0], Words());
  const Frame* f = FrameOf(a, frames, "attacked");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->passive);
  EXPECT_EQ(Form(a, f->subject), "rebels");
  EXPECT_EQ(f->via, SubjectVia::kAgent);
  EXPECT_EQ(Form(a, f->object), "convoy");
}

TEST(FramesTest, ConjunctOfAPassiveWithoutAgentIsPassive) {
  // The editor was arrested and charged .
  Analysis a = Parse({{"The", "the", "DET", 2, "det"},
                      {"editor", "editor", "NOUN", 4, "nsubj:pass"},
                      {"was", "be", "AUX", 4, "aux:pass"},
                      {"arrested", "arrest", "VERB", 0, "root"},
                      {"and", "and", "CCONJ", 6, "cc"},
                      {"charged", "charge", "VERB", 4, "conj"},
                      {".", ".", "PUNCT", 4, "punct"}});
  auto frames = BuildFrames(a, a.sentences[0], Words());
  const Frame* f = FrameOf(a, frames, "charged");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->passive);
  EXPECT_EQ(f->subject, -1);
  EXPECT_EQ(Form(a, f->object), "editor");
}

TEST(FramesTest, SubjectInheritedThroughConjAndXcompWithModality) {
  // Ostria rejected the claim and agreed to resume talks .
  Analysis a = Parse({{"Ostria", "Ostria", "PROPN", 2, "nsubj"},
                      {"rejected", "reject", "VERB", 0, "root"},
                      {"the", "the", "DET", 4, "det"},
                      {"claim", "claim", "NOUN", 2, "obj"},
                      {"and", "and", "CCONJ", 6, "cc"},
                      {"agreed", "agree", "VERB", 2, "conj"},
                      {"to", "to", "PART", 8, "mark"},
                      {"resume", "resume", "VERB", 6, "xcomp"},
                      {"talks", "talk", "NOUN", 8, "obj"}});
  auto frames = BuildFrames(a, a.sentences[0], Words());
  const Frame* agree = FrameOf(a, frames, "agreed");
  const Frame* resume = FrameOf(a, frames, "resume");
  ASSERT_NE(agree, nullptr);
  ASSERT_NE(resume, nullptr);
  EXPECT_EQ(Form(a, agree->subject), "Ostria");
  EXPECT_EQ(agree->via, SubjectVia::kConj);
  EXPECT_EQ(Form(a, resume->subject), "Ostria");
  EXPECT_EQ(resume->via, SubjectVia::kXcomp);
  EXPECT_EQ(resume->modality, "intent");  // "agree to": data/events/frames.tsv
  EXPECT_EQ(resume->cue, "agree");
  EXPECT_EQ(Form(a, agree->xcomp), "resume");
  EXPECT_EQ(resume->governor, agree - frames.data());
}

TEST(FramesTest, XcompTakesTheGovernorsObjectFirst) {
  // Lunia urged Velmar to free the sailors .
  Analysis a = Parse({{"Lunia", "Lunia", "PROPN", 2, "nsubj"},
                      {"urged", "urge", "VERB", 0, "root"},
                      {"Velmar", "Velmar", "PROPN", 2, "obj"},
                      {"to", "to", "PART", 5, "mark"},
                      {"free", "free", "VERB", 2, "xcomp"},
                      {"the", "the", "DET", 7, "det"},
                      {"sailors", "sailor", "NOUN", 5, "obj"}});
  auto frames = BuildFrames(a, a.sentences[0], Words());
  const Frame* f = FrameOf(a, frames, "free");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Form(a, f->subject), "Velmar");
  EXPECT_TRUE(f->modality.empty());
}

TEST(FramesTest, RelativeClauseTakesTheNounItModifies) {
  // The envoy , who arrived in Tarsk , met Ostria .
  Analysis a = Parse({{"The", "the", "DET", 2, "det"},
                      {"envoy", "envoy", "NOUN", 9, "nsubj"},
                      {",", ",", "PUNCT", 5, "punct"},
                      {"who", "who", "PRON", 5, "nsubj"},
                      {"arrived", "arrive", "VERB", 2, "acl:relcl"},
                      {"in", "in", "ADP", 7, "case"},
                      {"Tarsk", "Tarsk", "PROPN", 5, "obl"},
                      {",", ",", "PUNCT", 5, "punct"},
                      {"met", "meet", "VERB", 0, "root"},
                      {"Ostria", "Ostria", "PROPN", 9, "obj"}});
  auto frames = BuildFrames(a, a.sentences[0], Words());
  const Frame* f = FrameOf(a, frames, "arrived");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Form(a, f->subject), "envoy");
  EXPECT_EQ(f->via, SubjectVia::kRelcl);
  EXPECT_EQ(Form(a, f->ObliqueOf("in")), "Tarsk");
}

TEST(FramesTest, ReducedRelativeAndEventNounPossessor) {
  // Velmar 's attack broke a truce brokered by Lunia .
  Analysis a = Parse({{"Velmar", "Velmar", "PROPN", 3, "nmod:poss"},
                      {"'s", "'s", "PART", 1, "case"},
                      {"attack", "attack", "NOUN", 4, "nsubj"},
                      {"broke", "break", "VERB", 0, "root"},
                      {"a", "a", "DET", 6, "det"},
                      {"truce", "truce", "NOUN", 4, "obj"},
                      {"brokered", "broker", "VERB", 6, "acl"},
                      {"by", "by", "ADP", 9, "case"},
                      {"Lunia", "Lunia", "PROPN", 7, "obl:agent"}});
  auto frames = BuildFrames(a, a.sentences[0], Words());
  const Frame* attack = FrameOf(a, frames, "attack");
  ASSERT_NE(attack, nullptr);
  EXPECT_TRUE(attack->noun);
  EXPECT_EQ(Form(a, attack->subject), "Velmar");
  EXPECT_EQ(attack->via, SubjectVia::kPossessor);
  const Frame* broker = FrameOf(a, frames, "brokered");
  ASSERT_NE(broker, nullptr);
  EXPECT_EQ(Form(a, broker->subject), "Lunia");
  EXPECT_EQ(Form(a, broker->object), "truce");
}

TEST(FramesTest, NegationConditionAndAuxiliary) {
  // If Lunia does not meet Velmar , Ostria will mediate .
  Analysis a = Parse({{"If", "if", "SCONJ", 5, "mark"},
                      {"Lunia", "Lunia", "PROPN", 5, "nsubj"},
                      {"does", "do", "AUX", 5, "aux"},
                      {"not", "not", "PART", 5, "advmod"},
                      {"meet", "meet", "VERB", 10, "advcl"},
                      {"Velmar", "Velmar", "PROPN", 5, "obj"},
                      {",", ",", "PUNCT", 5, "punct"},
                      {"Ostria", "Ostria", "PROPN", 10, "nsubj"},
                      {"will", "will", "AUX", 10, "aux"},
                      {"mediate", "mediate", "VERB", 0, "root"}});
  auto frames = BuildFrames(a, a.sentences[0], Words());
  const Frame* meet = FrameOf(a, frames, "meet");
  const Frame* mediate = FrameOf(a, frames, "mediate");
  ASSERT_NE(meet, nullptr);
  ASSERT_NE(mediate, nullptr);
  EXPECT_EQ(meet->modality, "neg");  // negation outweighs the condition
  EXPECT_EQ(mediate->modality, "intent");
  EXPECT_EQ(mediate->cue, "will");
}

TEST(FramesTest, NoWordsNoFrames) {
  Analysis a;
  a.body = "No syntax here.";
  a.sentences.push_back(Sentence{{0, 15}});
  std::vector<int> frame_of{1, 2};
  EXPECT_TRUE(BuildFrames(a, a.sentences[0], Words(), &frame_of).empty());
  EXPECT_TRUE(frame_of.empty());
}

TEST(FramesTest, BadFrameWordsLineNamesFileAndLine) {
  auto fw = FrameWords::Parse("# header\nneg\tadvmod\tnot\nintent\tobj\twill\n", "frames.tsv");
  ASSERT_FALSE(fw.ok());
  EXPECT_NE(fw.status().message().find("frames.tsv:3"), std::string::npos) << fw.status().message();
  fw = FrameWords::Parse("neg\tadvmod\n", "frames.tsv");
  ASSERT_FALSE(fw.ok());
}

}  // namespace
}  // namespace newsgraph::events
