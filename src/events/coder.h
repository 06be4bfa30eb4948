// The article coder behind EventCoder::Code (internal to src/events/). One article is coded
// sentence by sentence; the work is split by concern, one file each:
//
//   events.cc     the driver: tokens and actor phrases per sentence, then each pattern match
//                 through the steps below (CodeSentence, CodeMatch)
//   match.cc      verb patterns (data/events/verbs.tsv) matched over the sentence's tokens;
//                 modality cues before the verb (data/events/modality.tsv)
//   frames.cc     predicates and their dependents from the dependency parse
//   roles.cc      the source and target phrases of a match: pattern slots, passives, the
//                 parse's subject, the nearest actor before and after the verb
//   actors.cc     actors of the article: the mention layer (pronouns, titles, descriptions
//                 resolved to entities), the story's country
//   discourse.cc  inferences across events, one named rule each, switchable (kRuleNames)
//   output.cc     events with their codes' meanings (data/events/codes.tsv), evidence,
//                 location and day; duplicates
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/analysis.h"
#include "events/dictionary.h"
#include "events/events.h"
#include "events/frames.h"
#include "events/phrases.h"
#include "events/when.h"

namespace newsgraph::events {

constexpr size_t kMaxMatchesPerSentence = 64;
constexpr size_t kMaxPhrasesPerSentence = 512;
constexpr size_t kMaxGroup = 8;
constexpr int kSpeakerWindow = 24;  // words searched back from a reporting verb for its subject  // coordinated actors expanded pairwise

constexpr std::string_view kDefinite[] = {"the", "this", "that", "these", "those"};
// Prepositions whose object is a place or a time, never a target.
constexpr std::string_view kLocativePreps[] = {
    "in",   "at",   "near",      "since",   "during", "across", "throughout", "inside", "outside", "within",
    "over", "amid", "including", "despite", "like",   "than",   "between",    "among",  "under",   "about"};
// Words after which a following actor is no longer the verb's object.
constexpr std::string_view kTargetBreaks[] = {",",  ";",      ":",     "and",     "said",     "says",   "told",
                                              "as", "when",   "while", "because", "although", "though", "whereas",
                                              "if", "unless", "but",   "(",       ")"};

bool In(std::string_view w, const auto& list) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}
inline bool IsQuote(std::string_view t) { return t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D"; }
// Two mentions of one actor: the same name, unless both carry different roles.
bool SameActor(const Actor& a, const Actor& b);
bool IsPlaceOnly(const Phrase& p);
std::string TitleCase(std::string_view s);

// The discourse rules, by their index in kRuleNames (events.h).
enum Rule : int {
  kFrameSubject,
  kFrameModality,
  kMentionActors,
  kReportedAccusation,
  kAttackRefersBack,
  kBothSides,
  kAidRecipient,
  kFightOtherSide,
  kRestraintToParties,
  kThirdCountryMeeting,
  kFrameAttributive,
  kImplicitAuthority,
  kRuleCount
};

struct Match {
  uint32_t pattern = 0;
  int anchor = 0;
  int first = 0, last = 0;    // token range of the matched words
  std::vector<int> literals;  // positions of matched words
  int source_phrase = -1, target_phrase = -1;
  int elems = 0;
};

// One sentence being coded.
struct Sent {
  int si = 0;
  const std::vector<Tok>& toks;
  std::vector<Phrase>& ph;
  int n = 0;
  std::vector<int> phrase_at;  // token -> phrase index or -1
  std::vector<bool> in_quote;  // token inside quotation marks
  bool parsed = false;         // the syntax stage parsed it: patterns are read over its frames
};

// One pattern match on its way to events.
struct Draft {
  const Match& m;
  const Pattern& p;
  std::string code, kind, cue;  // the code after modality; the modality kind and its words
  int src = -1, tgt = -1;       // source and target phrases
  bool implicit_source = false;  // src is a phrase ImplicitAuthority added (removed after coding)
  const CodeInfo* info = nullptr;
  std::vector<const Actor*> S, T;  // the actors on each side
  std::vector<std::pair<const Actor*, const Actor*>> pairs;
};

// Where the frame reading of a pattern stands: the words used, the last word element's
// token, the token after everything matched so far.
struct FrameCursor {
  std::vector<int32_t> used;
  int last_word = 0;
  int next = 0;
};

// Where the previous matches of the sentence leave the next one.
struct Scope {
  int from = 1 << 30;  // anchor of a match whose later events are its content
  int src = -1;        // its source phrase
  int prev_anchor = -100;
};

class ArticleCoder {
 public:
  ArticleCoder(const Dictionaries& d, const std::vector<bool>& rules, Analysis* a);
  void Run();

 private:
  bool On(Rule r) const { return rules_[r]; }
  // events.cc
  void BuildTokens(const Sentence& s, std::vector<Tok>* toks) const;
  void CodeSentence(int si, const std::vector<Tok>& toks, std::vector<Phrase>& ph);
  bool PrepareSentence(Sent* s);
  void CodeMatch(const Sent& s, const Match& m, Scope* scope);
  bool Attributive(const Sent& s, const Match& m) const;
  bool InScope(const Sent& s, const Match& m, const Pattern& p, const Scope& scope) const;
  bool ApplyModality(const Sent& s, Draft* d, Scope* scope) const;
  // match.cc
  bool Discarded(const std::vector<Tok>& toks, const std::vector<std::vector<std::string>>& list) const;
  std::vector<Match> FindMatches(const Sent& s) const;
  bool MatchPattern(const Pattern& p, int anchor, const Sent& s, Match* m) const;
  // The surface reading, for a sentence without a parse.
  bool MatchSurface(const Pattern& p, int anchor, const Sent& s, Match* m) const;
  bool MatchElem(const Elem& el, int k, bool forward, const Sent& s, Match* m, int* next) const;
  bool MatchRoleSurface(const Elem& el, int pos, const Sent& s, Match* m, int* next) const;
  bool MatchBefore(const Pattern& p, int anchor, const Sent& s, Match* m, bool words_only) const;
  // The frame reading, over the parse.
  bool MatchFrame(const Pattern& p, int anchor, const Sent& s, Match* m) const;
  bool MatchRoleFrame(const Elem& el, const Frame* f, const std::vector<int32_t>& below, const Sent& s,
                      Match* m) const;
  int32_t PrepDependent(const Elem& el, const Frame* f, const std::vector<int32_t>& below) const;
  bool RoleWords(const Elem& el, int32_t head, const Sent& s, Match* m) const;
  int PhraseOfDependent(const Sent& s, int32_t w) const;
  int32_t MatchTrigger(const Pattern& p, int anchor, const Sent& s, Match* m, size_t* end,
                       std::vector<int32_t>* trigger) const;
  bool MatchWordFrame(const Pattern& p, size_t i, const std::vector<int32_t>& below, const Sent& s, FrameCursor* c,
                      Match* m) const;
  bool WordMatches(const Elem& el, int32_t w) const;
  void Below(int32_t root, int depth, std::vector<int32_t>* out) const;
  void AttachedToPredicate(int32_t noun, std::vector<int32_t>* below) const;
  std::string Modality(const std::vector<Tok>& toks, int start, std::string* cue_text) const;
  // roles.cc
  bool FindRoles(const Sent& s, Draft* d) const;
  bool ImplicitAuthority(const Sent& s, Draft* d) const;
  void SurfaceRoles(const Sent& s, Draft* d) const;
  int Subject(const std::vector<Tok>& toks, const std::vector<Phrase>& ph, int start, int anchor) const;
  int Target(const std::vector<Tok>& toks, const std::vector<Phrase>& ph, const Match& m, int source) const;
  int PassiveAgent(const std::vector<Tok>& toks, const std::vector<Phrase>& ph, const Match& m) const;
  // The frame token `anchor` triggers, or nullptr (no parse, or not a trigger).
  const Frame* FrameAt(const Sent& s, int anchor) const;
  int FrameSubject(const Sent& s, int anchor) const;
  int PhraseOfWord(const Sent& s, int32_t word) const;
  int TokenOfWord(const Sent& s, int32_t word) const;  // the token holding the word's start, or -1
  void ActorSets(const Sent& s, Draft* d);
  // actors.cc
  void LocalCountries(std::vector<std::vector<Phrase>>* all) const;
  void FindHome(std::vector<std::vector<Phrase>>* all);
  std::string HomeFromDateline() const;
  void AddMentionPhrases(const std::vector<std::vector<Tok>>& toks, std::vector<std::vector<Phrase>>* all) const;
  Actor EntityActor(int entity, const std::vector<std::vector<Phrase>>& all) const;
  bool ReportsItsSpeaker(const Mention& m) const;
  bool KeepsOwnReading(const Mention& m, const Actor& own) const;
  std::optional<Actor> CountryActor(const std::string& code) const;
  static void GiveCountry(const Actor& country, Actor* m);
  bool AsCountry(const Actor& a, Actor* out) const;
  // discourse.cc
  bool BothSidesAfter(const Sent& s, const Match& m) const;
  void TwoLeaders(const Sent& s, Draft* d);
  void AttackRefersBack(const Sent& s, Draft* d);
  void AidRecipient(Draft* d) const;
  void FightOtherSide(Draft* d);
  void RestraintToParties(Draft* d);
  void BothSidesTargets(const Sent& s, Draft* d);
  void Discourse(const Sent& s, Draft* d);
  int Accuser(const std::vector<Tok>& toks, const std::vector<Phrase>& ph, int src) const;
  // Codes the accusation of whoever reports the act; false when nobody does.
  bool ReportedAccusation(const Sent& s, const Draft& d);
  // output.cc
  void MakePairs(Draft* d) const;
  Event NewEvent(const Actor& s, const Actor* t, const std::string& cameo, int sentence, Span evidence) const;
  bool FirstTime(const Event& e, bool sym);
  std::string Location(const std::vector<Tok>& toks, const std::vector<Phrase>& ph, const Match& m,
                       std::string* country) const;
  void Emit(const Sent& s, const Draft& d);
  Span Evidence(const Sent& s, const Draft& d) const;

  const Dictionaries& d_;
  const std::vector<bool>& rules_;
  Analysis& a_;
  EntityIndex ents_;
  std::string lower_;
  Date date_;
  std::vector<Frame> frames_;  // of the sentence being coded
  std::vector<int> frame_of_;  // its words -> frame index
  std::vector<std::vector<int32_t>> children_;  // its words -> their dependents (global indexes)
  mutable int32_t below_head_ = -1;             // the trigger word whose words below are below_
  mutable std::vector<int32_t> below_;
  uint32_t first_word_ = 0;    // its first word
  std::unordered_set<std::string> seen_;
  std::vector<Actor> last_dyad_;                        // source and target of the last coded dyadic event
  std::vector<Actor> dyad_;                             // last_dyad_ as the current event began
  std::vector<Actor> fight_dyad_;                       // the two sides of the last hostile dyadic event
  std::vector<Actor> fight_;                            // its copy while coding an event
  std::optional<Actor> home_;                           // the story's country: dateline, else the most mentioned
  std::optional<Actor> focus_;                          // the country its actors name most (aid recipients)
  Actor referent_;                                      // the actor behind "the attack" in the current event
  std::vector<std::pair<Actor, std::string>> history_;  // sources and codes of earlier event phrases
};

}  // namespace newsgraph::events
