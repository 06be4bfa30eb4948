// Frames: every predicate of a sentence with its dependents, read from the dependency parse
// of the syntax stage (Analysis::words). A trigger is a verb or a noun ("met", "talks",
// "attack", "sanctions"); its roles are the head words of its subject, object, indirect
// object, prepositional objects (keyed by their preposition, the `case` child: "with",
// "against") and clausal complements (xcomp, ccomp).
//
// Passives: the nsubj:pass is the object and the obl:agent ("by") the subject. Subjects are
// inherited where the parse leaves them implicit: a verb coordinated with another takes its
// subject ("rejected the claim and accused Tokyo"), an xcomp takes its governor's object, else
// its subject ("urged Iran to resume talks", "agreed to resume talks"), a relative clause
// takes the noun it modifies ("the envoy, who arrived in Accra"), a reduced relative ("a
// truce brokered by Qatar") takes that noun as its object, and a noun's possessor is its
// subject ("Russia's attack"). Negation, modality and conditions come from the words hanging
// on the trigger, listed in data/events/frames.tsv.
//
// Limits: one parse, no repair of its errors; inheritance follows at most four links.
// Cost: linear in the words of the sentence.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/status.h"

namespace newsgraph::events {

// The words of data/events/frames.tsv: which lemmas, hanging on a trigger by which
// relation, give the frame which modality kind ("neg", "intent", "refuse", ...).
class FrameWords {
 public:
  // Parses frames.tsv text; an error names `file`:LINE.
  [[nodiscard]] static StatusOr<FrameWords> Parse(std::string_view tsv, std::string_view file);
  // The kind for `lemma` attached by `relation` ("advmod", "aux", "mark", "head"), or "".
  std::string_view Kind(std::string_view relation, std::string_view lemma) const;

 private:
  struct Entry {
    std::string relation, lemma, kind;
  };
  std::vector<Entry> entries_;
};

// How a frame's subject was found.
enum class SubjectVia : uint8_t { kNone, kOwn, kAgent, kConj, kXcomp, kRelcl, kPossessor };
std::string_view SubjectViaName(SubjectVia v);

struct Oblique {
  std::string prep;  // lemma of the case child ("with", "against"); "" when none
  int32_t word = -1;
};

struct Frame {
  int32_t trigger = -1;  // index into Analysis::words
  int32_t subject = -1;  // head word of who acts (passive: the "by" agent)
  int32_t object = -1;   // head word of what is acted on (passive: the nsubj:pass)
  int32_t iobj = -1;
  std::vector<Oblique> obliques;   // obl and nmod dependents, in text order
  int32_t xcomp = -1, ccomp = -1;  // head words of the clausal complements
  int32_t governor = -1;           // frame index this one is the xcomp/ccomp/conj/relcl of
  SubjectVia via = SubjectVia::kNone;
  bool passive = false;
  bool noun = false;     // the trigger is a noun ("talks")
  std::string modality;  // "" or the kind of data/events/frames.tsv ("neg", "intent", ...)
  std::string cue;       // the lemma that gave the modality
  // The head word of the prepositional object introduced by `prep`, or -1.
  int32_t ObliqueOf(std::string_view prep) const;
};

// The frames of sentence `s` of `a`, in the order of their triggers; `frame_of` (if not null)
// receives, for every word of the sentence, the index of the frame it triggers or -1
// (indexed from s.first_word). Empty when the sentence has no words.
std::vector<Frame> BuildFrames(const Analysis& a, const Sentence& s, const FrameWords& words,
                               std::vector<int>* frame_of = nullptr);

}  // namespace newsgraph::events
