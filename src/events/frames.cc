#include "events/frames.h"

#include "core/data.h"
#include "core/ud.h"

namespace newsgraph::events {

namespace {

// The dependency relations the frames read, as indexes into ud::DeprelName.
struct Rels {
  int nsubj, nsubj_outer, csubj, nsubj_pass, obj, iobj, obl_agent, xcomp, ccomp, conj, relcl, acl, advmod, aux, mark,
      case_, poss, appos, obl_tmod, nmod_tmod;
  Rels()
      : nsubj(ud::DeprelIndex("nsubj")),
        nsubj_outer(ud::DeprelIndex("nsubj:outer")),
        csubj(ud::DeprelIndex("csubj")),
        nsubj_pass(ud::DeprelIndex("nsubj:pass")),
        obj(ud::DeprelIndex("obj")),
        iobj(ud::DeprelIndex("iobj")),
        obl_agent(ud::DeprelIndex("obl:agent")),
        xcomp(ud::DeprelIndex("xcomp")),
        ccomp(ud::DeprelIndex("ccomp")),
        conj(ud::DeprelIndex("conj")),
        relcl(ud::DeprelIndex("acl:relcl")),
        acl(ud::DeprelIndex("acl")),
        advmod(ud::DeprelIndex("advmod")),
        aux(ud::DeprelIndex("aux")),
        mark(ud::DeprelIndex("mark")),
        case_(ud::DeprelIndex("case")),
        poss(ud::DeprelIndex("nmod:poss")),
        appos(ud::DeprelIndex("appos")),
        obl_tmod(ud::DeprelIndex("obl:tmod")),
        nmod_tmod(ud::DeprelIndex("nmod:tmod")) {}
};

const Rels& R() {
  static const Rels r;
  return r;
}

bool IsObliqueOrNmod(int deprel) {
  std::string_view u = ud::UniversalDeprel(ud::DeprelName(deprel));
  return (u == "obl" || u == "nmod") && deprel != R().poss && deprel != R().obl_agent && deprel != R().obl_tmod &&
         deprel != R().nmod_tmod;
}

bool IsRelativePronoun(const Word& w) {
  return w.lemma == "who" || w.lemma == "which" || w.lemma == "that" || w.lemma == "whom";
}

// Builds frames over one sentence: the words [first, first + n) and their local heads.
class Builder {
 public:
  Builder(const Analysis& a, const Sentence& s, const FrameWords& fw)
      : a_(a), fw_(fw), first_(static_cast<int>(s.first_word)) {
    int end = std::min<int>(static_cast<int>(s.end_word), static_cast<int>(a.words.size()));
    n_ = std::max(0, end - first_);
  }
  std::vector<Frame> Run(std::vector<int>* frame_of);

 private:
  const Word& W(int local) const { return a_.words[first_ + local]; }
  int Head(int local) const {  // local index of the head, -1 for the root or outside
    int h = W(local).head - first_;
    return W(local).head >= 0 && h >= 0 && h < n_ ? h : -1;
  }
  std::string_view Lemma(int local) const { return W(local).lemma; }
  void Triggers();
  void Attach(int child, Frame* f);
  void Modality(int child, int rel, Frame* f) const;
  bool Inherit(Frame* f);

  const Analysis& a_;
  const FrameWords& fw_;
  int first_ = 0, n_ = 0;
  std::vector<int> frame_of_;  // local word -> frame index
  std::vector<int> case_of_;   // local word -> local index of its first `case` child
  std::vector<Frame> frames_;
};

void Builder::Triggers() {
  frame_of_.assign(n_, -1);
  case_of_.assign(n_, -1);
  for (int i = 0; i < n_; ++i) {
    uint8_t u = W(i).upos;
    if (u == ud::kVerb || u == ud::kNoun) {
      frame_of_[i] = static_cast<int>(frames_.size());
      Frame f;
      f.trigger = first_ + i;
      f.noun = u == ud::kNoun;
      frames_.push_back(std::move(f));
    }
    int h = Head(i);
    if (h >= 0 && W(i).deprel == R().case_ && case_of_[h] < 0) case_of_[h] = i;
  }
}

void Builder::Modality(int child, int rel, Frame* f) const {
  std::string_view relation = rel == R().advmod ? "advmod" : rel == R().aux ? "aux" : rel == R().mark ? "mark" : "";
  if (relation.empty()) return;
  std::string_view kind = fw_.Kind(relation, Lemma(child));
  // Negation outweighs an auxiliary ("will not meet" is not an intention to meet).
  if (kind.empty() || (!f->modality.empty() && f->modality == "neg")) return;
  f->modality = std::string(kind);
  f->cue = std::string(Lemma(child));
}

// One dependent `child` of frame `f`'s trigger.
void Builder::Attach(int child, Frame* f) {
  const Rels& r = R();
  const int rel = W(child).deprel;
  const int g = first_ + child;
  if (rel == r.nsubj || rel == r.nsubj_outer || rel == r.csubj) {
    if (f->via != SubjectVia::kAgent) f->subject = g, f->via = SubjectVia::kOwn;
  } else if (rel == r.nsubj_pass) {
    f->object = g;
    f->passive = true;
  } else if (rel == r.obj) {
    f->object = g;
  } else if (rel == r.iobj) {
    f->iobj = g;
  } else if (rel == r.obl_agent) {
    f->subject = g, f->via = SubjectVia::kAgent;
  } else if (rel == r.poss && f->noun) {
    if (f->subject < 0) f->subject = g, f->via = SubjectVia::kPossessor;
  } else if (IsObliqueOrNmod(rel)) {
    std::string prep = case_of_[child] >= 0 ? std::string(Lemma(case_of_[child])) : std::string();
    // "an attack by rebels": the agent of an event noun.
    if (f->noun && prep == "by" && f->subject < 0) f->subject = g, f->via = SubjectVia::kAgent;
    f->obliques.push_back({std::move(prep), g});
  } else if (rel == r.xcomp) {
    f->xcomp = g;
  } else if (rel == r.ccomp) {
    f->ccomp = g;
  } else {
    Modality(child, rel, f);
  }
}

// Fills the subject (or object) of `f` from its governor; true when something changed.
bool Builder::Inherit(Frame* f) {
  const Rels& r = R();
  int t = f->trigger - first_;
  int h = Head(t);
  if (h < 0) return false;
  const int rel = W(t).deprel;
  const int gh = first_ + h;
  if (rel == r.relcl) {
    bool changed = false;
    if (f->subject < 0 || (f->via == SubjectVia::kOwn && IsRelativePronoun(a_.words[f->subject]))) {
      changed = f->subject != gh;
      f->subject = gh, f->via = SubjectVia::kRelcl;
    }
    if (f->object >= 0 && IsRelativePronoun(a_.words[f->object]) && f->object != gh) {
      // "the journalist whom police arrested": the relative pronoun is the object.
      if (f->subject == gh) f->subject = -1, f->via = SubjectVia::kNone;
      f->object = gh;
      changed = true;
    }
    return changed;
  }
  if (rel == r.acl && !f->noun) {
    // "a truce brokered by Qatar" (the noun is the object); "troops firing on villages"
    // (the noun is the subject).
    std::string_view form = a_.Text(W(t).span);
    bool active = form.size() > 3 && form.ends_with("ing");
    if (active && f->subject < 0) return (f->subject = gh, f->via = SubjectVia::kRelcl), true;
    if (!active && f->object < 0) return (f->object = gh, f->passive = true), true;
    return false;
  }
  int gov = frame_of_[h];
  if (gov < 0) return false;
  const Frame& g = frames_[gov];
  if (rel == r.xcomp && f->subject < 0) {
    int controller = g.object >= 0 && !g.passive ? g.object : g.subject;
    if (controller < 0) return false;
    f->subject = controller, f->via = SubjectVia::kXcomp;
    return true;
  }
  // "was arrested in 2022 and charged": a conjunct of a passive without an agent is passive
  // too, with the same object.
  if (rel == r.conj && f->subject < 0 && f->object < 0 && !f->noun && g.passive && g.subject < 0 && g.object >= 0) {
    f->object = g.object, f->passive = true;
    return true;
  }
  if (rel == r.conj && f->subject < 0 && !f->noun && g.subject >= 0) {
    f->subject = g.subject, f->via = SubjectVia::kConj;
    if (g.passive && f->object < 0 && g.via != SubjectVia::kAgent) std::swap(f->subject, f->object), f->passive = true;
    return true;
  }
  return false;
}

std::vector<Frame> Builder::Run(std::vector<int>* frame_of) {
  if (n_ == 0) {
    if (frame_of) frame_of->clear();
    return {};
  }
  Triggers();
  for (int i = 0; i < n_; ++i) {
    int h = Head(i);
    if (h >= 0 && frame_of_[h] >= 0) Attach(i, &frames_[frame_of_[h]]);
  }
  for (Frame& f : frames_) {
    int t = f.trigger - first_;
    int h = Head(t);
    if (h < 0 || frame_of_[h] < 0) continue;
    int rel = W(t).deprel;
    if (rel == R().xcomp || rel == R().ccomp || rel == R().conj || rel == R().relcl || rel == R().acl)
      f.governor = frame_of_[h];
    // "refused to meet": the governor of an xcomp; "drew criticism": the verb an event
    // noun is the object of.
    std::string_view via = rel == R().xcomp ? "head" : rel == R().obj && f.noun ? "objof" : "";
    if (!via.empty() && f.modality.empty()) {
      std::string_view kind = fw_.Kind(via, Lemma(h));
      if (!kind.empty()) f.modality = std::string(kind), f.cue = std::string(Lemma(h));
    }
  }
  // Inheritance: a chain "agreed to try to resume" needs one pass per link.
  for (int pass = 0; pass < 4; ++pass) {
    bool changed = false;
    for (Frame& f : frames_) changed |= Inherit(&f);
    if (!changed) break;
  }
  if (frame_of) *frame_of = std::move(frame_of_);
  return std::move(frames_);
}

}  // namespace

std::string_view SubjectViaName(SubjectVia v) {
  switch (v) {
    case SubjectVia::kNone:
      return "none";
    case SubjectVia::kOwn:
      return "nsubj";
    case SubjectVia::kAgent:
      return "agent";
    case SubjectVia::kConj:
      return "conj";
    case SubjectVia::kXcomp:
      return "xcomp";
    case SubjectVia::kRelcl:
      return "relcl";
    case SubjectVia::kPossessor:
      return "possessor";
  }
  return "none";
}

int32_t Frame::ObliqueOf(std::string_view prep) const {
  for (const Oblique& o : obliques)
    if (o.prep == prep) return o.word;
  return -1;
}

StatusOr<FrameWords> FrameWords::Parse(std::string_view tsv, std::string_view file) {
  FrameWords out;
  for (const DataLine& l : ParseTsv(tsv)) {
    auto error = [&](std::string_view why) {
      return Status::InvalidArgument(std::string(file) + ":" + std::to_string(l.line_number) + ": " + std::string(why));
    };
    if (l.fields.size() != 3) return error("expected kind<TAB>relation<TAB>lemmas");
    std::string_view rel = l.fields[1];
    if (rel != "advmod" && rel != "aux" && rel != "mark" && rel != "head" && rel != "objof")
      return error("relation must be advmod, aux, mark, head or objof");
    std::string_view lemmas = l.fields[2];
    size_t pos = 0;
    while (pos < lemmas.size()) {
      size_t end = lemmas.find(' ', pos);
      if (end == std::string_view::npos) end = lemmas.size();
      if (end > pos)
        out.entries_.push_back(
            {std::string(rel), std::string(lemmas.substr(pos, end - pos)), std::string(l.fields[0])});
      pos = end + 1;
    }
  }
  return out;
}

std::string_view FrameWords::Kind(std::string_view relation, std::string_view lemma) const {
  for (const Entry& e : entries_)
    if (e.lemma == lemma && e.relation == relation) return e.kind;
  return {};
}

std::vector<Frame> BuildFrames(const Analysis& a, const Sentence& s, const FrameWords& words,
                               std::vector<int>* frame_of) {
  return Builder(a, s, words).Run(frame_of);
}

}  // namespace newsgraph::events
