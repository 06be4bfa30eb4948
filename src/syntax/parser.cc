#include "syntax/parser.h"

#include <algorithm>
#include <cstdio>
#include <memory>

#include "core/ud.h"

namespace newsgraph::syntax {
namespace {

enum Action : int { kShift = 0, kLeft = 1, kRight = 2 };
constexpr int kActions = 3;
constexpr uint64_t kRootTag = 17, kNoTag = 18;
constexpr int kRootLabel = -2;  // placeholder for "root", resolved through ud::DeprelIndex

// A node's attachments so far, as the features need them.
struct NodeState {
  int l1 = -1, l2 = -1, r1 = -1, r2 = -1;  // two most recent left / right children
  uint8_t nl = 0, nr = 0;
  uint64_t left_labels = 0, right_labels = 0;  // bit sets of child deprels
  uint64_t case_word = kNone;                  // lower form of a case/mark child
};

struct State {
  int n = 0;                 // words; index n is the root
  std::vector<int> stack;
  int b = 0;                 // buffer front
  std::vector<int> heads;    // -1 unattached, n = root
  std::vector<uint8_t> labels;
  std::vector<NodeState> node;

  explicit State(int words) : n(words), b(0), heads(words, -1), labels(words, 0), node(words + 1) {
    stack.reserve(words);
  }
  bool Terminal() const { return stack.empty() && b == n; }
  bool Valid(int a) const {
    switch (a) {
      case kShift: return b < n;
      case kLeft: return !stack.empty() && (b < n || stack.size() == 1);
      default: return stack.size() >= 2;
    }
  }
  int S(size_t k) const { return stack.size() > k ? stack[stack.size() - 1 - k] : -1; }
  int B(int k) const { return b + k <= n ? b + k : -1; }

  // Head and dependent of the arc that action `a` would make.
  void Arc(int a, int* head, int* dep) const {
    *dep = S(0);
    *head = a == kLeft ? b : S(1);
  }

  void Apply(int a, int label) {
    if (a == kShift) {
      stack.push_back(b++);
      return;
    }
    int head, dep;
    Arc(a, &head, &dep);
    stack.pop_back();
    heads[dep] = head;
    labels[dep] = static_cast<uint8_t>(label);
    NodeState& h = node[head];
    uint64_t bit = label < 64 ? 1ull << label : 0;
    if (dep < head) {
      h.l2 = h.l1;
      h.l1 = dep;
      ++h.nl;
      h.left_labels |= bit;
    } else {
      h.r2 = h.r1;
      h.r1 = dep;
      ++h.nr;
      h.right_labels |= bit;
    }
  }
};

// Gold-tree cost of each action (arcs that become unreachable), Goldberg & Nivre 2013.
int Cost(const State& st, int a, const std::vector<int>& gold) {
  const int s0 = st.S(0), s1 = st.S(1), b0 = st.b, n = st.n;
  auto deps_in_buffer = [&](int x) {
    int c = 0;
    for (int d = st.b; d < n; ++d) c += gold[d] == x;
    return c;
  };
  switch (a) {
    case kShift: {
      int c = 0;
      for (size_t i = 0; i + 1 < st.stack.size(); ++i) c += gold[b0] == st.stack[i];
      for (int k : st.stack) c += gold[k] == b0;
      return c;
    }
    case kLeft: {
      int c = deps_in_buffer(s0);
      int h = gold[s0];
      if (h != b0 && (h == s1 || h > b0)) ++c;
      return c;
    }
    default: {
      int c = deps_in_buffer(s0);
      int h = gold[s0];
      if (h != s1 && h >= b0) ++c;
      return c;
    }
  }
}

struct Context {
  const std::vector<Lexeme>& lex;
  const std::vector<uint8_t>& tags;
  int n;
  uint64_t W(int i) const { return i < 0 ? kNone : i == n ? kRootWord : lex[i].lower; }
  uint64_t P(int i) const { return i < 0 ? kNoTag : i == n ? kRootTag : tags[i]; }
};

uint64_t Dist(int a, int b) {
  if (a < 0 || b < 0) return 99;
  int d = std::abs(a - b);
  return d <= 5 ? d : d <= 10 ? 6 : 7;
}

void TransitionFeatures(const State& st, const Context& cx, FeatureList* out) {
  out->clear();
  const int s0 = st.S(0), s1 = st.S(1), s2 = st.S(2), b0 = st.B(0), b1 = st.B(1), b2 = st.B(2);
  const NodeState none;
  auto ns = [&](int i) -> const NodeState& { return i < 0 ? none : st.node[i]; };
  const NodeState &S0 = ns(s0), &S1 = ns(s1), &B0 = ns(b0);
  auto L = [&](int i) -> uint64_t { return i < 0 ? 99 : st.labels[i]; };
  const uint64_t s0w = cx.W(s0), s0p = cx.P(s0), s1w = cx.W(s1), s1p = cx.P(s1), s2p = cx.P(s2);
  const uint64_t b0w = cx.W(b0), b0p = cx.P(b0), b1w = cx.W(b1), b1p = cx.P(b1), b2p = cx.P(b2);
  const uint64_t s0wp = Mix(s0w, s0p), s1wp = Mix(s1w, s1p), b0wp = Mix(b0w, b0p), b1wp = Mix(b1w, b1p);
  auto add = [&](Feature f) { out->push_back(f); };
  add(F(100, 0));
  add(F(101, s0w)); add(F(102, s0p)); add(F(103, s0wp));
  add(F(104, s1w)); add(F(105, s1p)); add(F(106, s1wp));
  add(F(107, b0w)); add(F(108, b0p)); add(F(109, b0wp));
  add(F(110, b1w)); add(F(111, b1p)); add(F(112, b1wp));
  add(F(113, cx.W(b2))); add(F(114, b2p)); add(F(115, s2p)); add(F(116, cx.W(s2)));
  // Pairs.
  add(F(120, s0wp, b0wp)); add(F(121, s0wp, b0w)); add(F(122, s0w, b0wp)); add(F(123, s0wp, b0p));
  add(F(124, s0p, b0wp)); add(F(125, s0w, b0w)); add(F(126, s0p, b0p)); add(F(127, b0p, b1p));
  add(F(128, s1wp, s0wp)); add(F(129, s1w, s0w)); add(F(130, s1p, s0p)); add(F(131, s1wp, s0p));
  add(F(132, s1p, s0wp)); add(F(133, s1p, b0p)); add(F(134, s1w, b0w));
  // Triples.
  add(F(140, b0p, b1p, b2p)); add(F(141, s0p, b0p, b1p)); add(F(142, s1p, s0p, b0p));
  add(F(143, s2p, s1p, s0p)); add(F(144, s0p, cx.P(S0.l1), b0p)); add(F(145, s0p, cx.P(S0.r1), b0p));
  add(F(146, s0p, b0p, cx.P(B0.l1))); add(F(147, s1p, s0p, cx.P(S0.l1))); add(F(148, s1p, s0p, cx.P(S0.r1)));
  add(F(149, s1p, cx.P(S1.r1), s0p)); add(F(150, s1p, s0p, b1p)); add(F(151, s1wp, s0p, b0p));
  add(F(152, s1p, s0wp, b0p)); add(F(153, s1p, s0p, b0wp));
  // Distances.
  const uint64_t d1 = Dist(s0, b0), d2 = Dist(s1, s0);
  add(F(160, s0w, d1)); add(F(161, s0p, d1)); add(F(162, b0w, d1)); add(F(163, b0p, d1));
  add(F(164, s0p, b0p, d1)); add(F(165, s1p, s0p, d2)); add(F(166, s1w, s0w, d2)); add(F(167, s1p, s0w, d2));
  add(F(168, s1w, s0p, d2));
  // Valency.
  add(F(170, s0w, S0.nl)); add(F(171, s0p, S0.nl)); add(F(172, s0w, S0.nr)); add(F(173, s0p, S0.nr));
  add(F(174, b0w, B0.nl)); add(F(175, b0p, B0.nl)); add(F(176, s1p, S1.nr)); add(F(177, s1p, S1.nl));
  add(F(178, s1w, S1.nr));
  // Children: word, tag, label.
  int kids[9] = {S0.l1, S0.l2, S0.r1, S0.r2, S1.l1, S1.r1, S1.r2, B0.l1, B0.l2};
  for (int k = 0; k < 9; ++k) {
    add(F(180 + k * 3, cx.W(kids[k])));
    add(F(181 + k * 3, cx.P(kids[k])));
    add(F(182 + k * 3, L(kids[k])));
  }
  add(F(210, s0p, cx.P(S0.l1), cx.P(S0.l2))); add(F(211, s0p, cx.P(S0.r1), cx.P(S0.r2)));
  add(F(212, b0p, cx.P(B0.l1), cx.P(B0.l2))); add(F(213, s1p, cx.P(S1.r1), cx.P(S1.r2)));
  add(F(214, s0p, L(S0.l1), L(S0.r1))); add(F(215, s1p, L(S1.l1), L(S1.r1)));
  // Label sets.
  add(F(220, s0p, S0.left_labels)); add(F(221, s0p, S0.right_labels)); add(F(222, b0p, B0.left_labels));
  add(F(223, s1p, S1.right_labels)); add(F(224, s1p, S1.left_labels)); add(F(225, s0w, S0.left_labels));
  add(F(226, s1p, s0p, S1.left_labels));
  // Case markers of the candidates.
  add(F(230, S0.case_word, s1p)); add(F(231, S0.case_word, s0p, b0p)); add(F(232, S1.case_word, s0p));
  // Punctuation and quotes between: is b0 punctuation after s0.
  add(F(233, s0p, b0p, s0 >= 0 && b0 >= 0 && b0 < cx.n ? (cx.lex[b0].flags & kFirstUpper) : 2));
}

void LabelFeatures(const State& st, const Context& cx, int head, int dep, FeatureList* out) {
  out->clear();
  const NodeState &D = st.node[dep], &H = st.node[head];
  const uint64_t dir = head > dep ? 1 : 2;
  const uint64_t hw = cx.W(head), hp = cx.P(head), dw = cx.W(dep), dp = cx.P(dep);
  auto add = [&](Feature f) { out->push_back(f); };
  add(F(300, dir));
  add(F(301, dir, hw)); add(F(302, dir, hp)); add(F(303, dir, dw)); add(F(304, dir, dp));
  add(F(305, dir, hp, dp)); add(F(306, dir, Mix(hw, dp))); add(F(307, dir, Mix(hp, dw)));
  add(F(308, dir, Mix(hw, dw)));
  add(F(309, Dist(head, dep), hp, dp));
  add(F(310, dp, D.left_labels)); add(F(311, dp, D.right_labels));
  add(F(312, D.case_word, hp)); add(F(313, D.case_word, dp, hp)); add(F(314, D.case_word));
  add(F(315, dir, H.left_labels, dp)); add(F(316, dir, H.right_labels, dp));
  add(F(317, dp, cx.P(dep - 1))); add(F(318, dp, cx.P(dep + 1 <= cx.n ? dep + 1 : -1)));
  add(F(319, hp, cx.P(head - 1), dp)); add(F(320, hp, cx.P(head + 1 <= cx.n ? head + 1 : -1), dp));
  add(F(321, Mix(dir, dp), hp, dep < cx.n ? cx.lex[dep].flags : 0));
  add(F(322, dw, D.left_labels)); add(F(323, dir, hw, D.case_word));
  add(F(324, dep < cx.n ? cx.lex[dep].suffix[1] : kNone, dp, dir));
  add(F(325, Mix(dir, hp), dp, D.left_labels & H.left_labels));
  add(F(326, Mix(dir, hp), H.nl, H.nr));
}

int DeprelRoot() {
  static const int root = ud::DeprelIndex("root");
  return root;
}

bool IsCaseLabel(int label) {
  static const int c = ud::DeprelIndex("case"), m = ud::DeprelIndex("mark");
  return label == c || label == m;
}

template <typename Model>
int BestValid(const State& st, const Model& m, const FeatureList& feats, float* scores) {
  std::fill(scores, scores + kActions, 0.0f);
  m.Score(feats, scores);
  int best = -1;
  for (int a = 0; a < kActions; ++a) {
    if (st.Valid(a) && (best < 0 || scores[a] > scores[best])) best = a;
  }
  return best;
}

template <typename Model>
int BestLabel(const Model& m, const FeatureList& feats, std::vector<float>* scores) {
  std::fill(scores->begin(), scores->end(), 0.0f);
  m.Score(feats, scores->data());
  int best = 0;
  for (int l = 1; l < static_cast<int>(scores->size()); ++l) {
    if (l == DeprelRoot()) continue;
    if ((*scores)[l] > (*scores)[best]) best = l;
  }
  return best;
}

// Records the case/mark word of a dependent's head once the arc is labeled.
void NoteCase(State* st, const Context& cx, int head, int dep, int label) {
  if (IsCaseLabel(label) && st->node[head].case_word == kNone) st->node[head].case_word = cx.W(dep);
}

// Takes action `a`. An arc gets its label from `label_of(head, dep)` (the root relation
// for the root), and a case marker is noted on its head.
template <typename LabelOf>
void ApplyWithLabel(State* st, const Context& cx, int a, const LabelOf& label_of) {
  int label = 0;
  if (a != kShift) {
    int head, dep;
    st->Arc(a, &head, &dep);
    label = head == cx.n ? DeprelRoot() : label_of(head, dep);
    NoteCase(st, cx, head, dep, label);
  }
  st->Apply(a, label);
}

// ---- Beam search ----

// One transition of a hypothesis, shared with the hypotheses that grow from it. In
// training it keeps the features it was scored on, for the update.
struct Step {
  std::shared_ptr<const Step> parent;
  std::vector<Feature> feats;
  int action;
};

struct Hypothesis {
  State st;
  double score = 0;
  std::shared_ptr<const Step> last;
  bool gold = true;  // every transition so far is the oracle's
};

// The static oracle: the first action in the order left, right, shift that loses the
// fewest gold arcs (none, for a projective tree).
int OracleAction(const State& st, const std::vector<int>& gold) {
  int best = -1, best_cost = 1 << 30;
  for (int a : {kLeft, kRight, kShift}) {
    if (!st.Valid(a)) continue;
    const int c = Cost(st, a, gold);
    if (c < best_cost) {
      best_cost = c;
      best = a;
    }
  }
  return best;
}

// How an arc gets its label in the beam: the labeler's guess, the gold label (a hypothesis
// on the gold path), or the gold label after the labeler learned from the arc (the gold
// path itself, once per arc).
enum class LabelMode { kPredict, kGold, kLearn };

// Beam search of width k. Without `gold` it decodes; with `gold` (heads, n = root) it
// trains `trainer` by early update and returns the best hypothesis when it stopped.
// label_of(state, head, dep, mode) labels an arc of `state`.
template <typename Model, typename LabelOf>
Hypothesis BeamSearch(const Context& cx, const Model& m, int k, const LabelOf& label_of,
                      const std::vector<int>* gold, PerceptronTrainer* trainer) {
  const bool training = gold != nullptr;
  std::vector<Hypothesis> beam(1, Hypothesis{State(cx.n), 0, nullptr, true});
  std::vector<Hypothesis> next;
  struct Candidate {
    int from, action;
    double score;
  };
  std::vector<Candidate> cands;
  std::vector<std::vector<Feature>> feats_of;
  FeatureList feats;
  float scores[kActions];
  State gold_state(cx.n);
  std::shared_ptr<const Step> gold_last;
  auto update = [&](const Step* good, const Step* bad) {
    for (; good != nullptr; good = good->parent.get()) trainer->Add(good->feats, good->action, 1.0f);
    for (; bad != nullptr; bad = bad->parent.get()) trainer->Add(bad->feats, bad->action, -1.0f);
  };
  while (!beam[0].st.Terminal()) {
    cands.clear();
    if (training) feats_of.assign(beam.size(), {});
    for (size_t i = 0; i < beam.size(); ++i) {
      TransitionFeatures(beam[i].st, cx, &feats);
      if (training) feats_of[i].assign(feats.begin(), feats.end());
      std::fill(scores, scores + kActions, 0.0f);
      m.Score(feats, scores);
      for (int a = 0; a < kActions; ++a) {
        if (beam[i].st.Valid(a)) cands.push_back({static_cast<int>(i), a, beam[i].score + scores[a]});
      }
    }
    const size_t keep = std::min<size_t>(static_cast<size_t>(k), cands.size());
    // Ties go to the earlier hypothesis and action, so that decoding is deterministic.
    std::partial_sort(cands.begin(), cands.begin() + static_cast<long>(keep), cands.end(),
                      [](const Candidate& x, const Candidate& y) {
                        if (x.score != y.score) return x.score > y.score;
                        return x.from != y.from ? x.from < y.from : x.action < y.action;
                      });
    int oracle = -1;
    if (training) {
      oracle = OracleAction(gold_state, *gold);
      TransitionFeatures(gold_state, cx, &feats);
      gold_last = std::make_shared<const Step>(Step{gold_last, {feats.begin(), feats.end()}, oracle});
      ApplyWithLabel(&gold_state, cx, oracle,
                     [&](int head, int dep) { return label_of(gold_state, head, dep, LabelMode::kLearn); });
    }
    next.clear();
    bool gold_kept = false;
    for (size_t c = 0; c < keep; ++c) {
      const Hypothesis& from = beam[cands[c].from];
      Hypothesis h{from.st, cands[c].score, nullptr, training && from.gold && cands[c].action == oracle};
      if (training) h.last = std::make_shared<const Step>(Step{from.last, feats_of[cands[c].from], cands[c].action});
      const LabelMode mode = h.gold ? LabelMode::kGold : LabelMode::kPredict;
      ApplyWithLabel(&h.st, cx, cands[c].action, [&](int head, int dep) { return label_of(h.st, head, dep, mode); });
      gold_kept |= h.gold;
      next.push_back(std::move(h));
    }
    beam.swap(next);
    if (training && !gold_kept) {
      update(gold_last.get(), beam[0].last.get());
      return beam[0];
    }
  }
  if (training && !beam[0].gold) update(gold_last.get(), beam[0].last.get());
  return beam[0];
}

}  // namespace

void Parser::Parse(const std::vector<Lexeme>& lex, const std::vector<uint8_t>& tags, std::vector<int>* heads,
                   std::vector<uint8_t>* labels) const {
  const int n = static_cast<int>(lex.size());
  State st(n);
  Context cx{lex, tags, n};
  FeatureList feats;
  std::vector<float> label_scores(labels_.classes());
  float scores[kActions];
  if (beam_ > 1) {
    st = BeamSearch(cx, transitions_, beam_, [&](const State& s, int head, int dep, LabelMode) {
           LabelFeatures(s, cx, head, dep, &feats);
           return BestLabel(labels_, feats, &label_scores);
         }, nullptr, nullptr).st;
  }
  while (!st.Terminal()) {
    TransitionFeatures(st, cx, &feats);
    int a = BestValid(st, transitions_, feats, scores);
    ApplyWithLabel(&st, cx, a, [&](int head, int dep) {
      LabelFeatures(st, cx, head, dep, &feats);
      return BestLabel(labels_, feats, &label_scores);
    });
  }
  heads->assign(n, -1);
  labels->assign(st.labels.begin(), st.labels.end());
  for (int i = 0; i < n; ++i) (*heads)[i] = st.heads[i] == n ? -1 : st.heads[i];
}

Parser Parser::Train(const std::vector<ParsedSentence>& data, const TrainOptions& opt) {
  PerceptronTrainer trans(kActions);
  PerceptronTrainer labeler(ud::DeprelCount());
  std::vector<std::vector<Lexeme>> lexes;
  lexes.reserve(data.size());
  for (const ParsedSentence& s : data) {
    std::vector<std::string_view> f(s.forms.begin(), s.forms.end());
    lexes.push_back(Tagger::Lexemes(f));
  }
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t rng = opt.seed;
  FeatureList feats, lfeats;
  std::vector<float> label_scores(ud::DeprelCount());
  float scores[kActions];
  for (int epoch = 0; epoch < opt.epochs; ++epoch) {
    Shuffle(&order, &rng);
    size_t correct_heads = 0, words = 0;
    for (size_t si : order) {
      const ParsedSentence& s = data[si];
      const int n = static_cast<int>(s.forms.size());
      std::vector<int> gold(n);
      for (int i = 0; i < n; ++i) gold[i] = s.heads[i] < 0 ? n : s.heads[i];
      State st(n);
      Context cx{lexes[si], s.tags, n};
      if (opt.beam > 1) {
        // The labeler learns from the gold path's arcs, once each; hypotheses on the gold
        // path keep the gold labels, the others the labeler's.
        st = BeamSearch(cx, trans, opt.beam, [&](const State& bs, int head, int dep, LabelMode mode) {
               LabelFeatures(bs, cx, head, dep, &lfeats);
               const int predicted = BestLabel(labeler, lfeats, &label_scores);
               if (mode == LabelMode::kPredict || gold[dep] != head) return predicted;
               if (mode == LabelMode::kLearn) {
                 labeler.Tick();
                 labeler.Update(lfeats, s.labels[dep], predicted);
               }
               return static_cast<int>(s.labels[dep]);
             }, &gold, &trans).st;
        trans.Tick();
        // After an early update the beam's best parse is finished greedily, with the
        // dynamic oracle and exploration below, so that the rest of the sentence still
        // teaches the model (early update alone would discard it): with a beam of 8, 0.4
        // more UAS on both dev sets than early update alone.
      }
      while (!st.Terminal()) {
        TransitionFeatures(st, cx, &feats);
        int guess = BestValid(st, trans, feats, scores);
        int best_gold = -1, min_cost = 1 << 30;
        int costs[kActions];
        for (int a = 0; a < kActions; ++a) {
          costs[a] = st.Valid(a) ? Cost(st, a, gold) : (1 << 30);
          min_cost = std::min(min_cost, costs[a]);
        }
        for (int a = 0; a < kActions; ++a) {
          if (costs[a] == min_cost && (best_gold < 0 || scores[a] > scores[best_gold])) best_gold = a;
        }
        trans.Tick();
        if (costs[guess] > min_cost) trans.Update(feats, best_gold, guess);
        // Explore: after the first epoch, follow the model's own choice most of the time.
        int a = best_gold;
        if (epoch > 0 && costs[guess] > min_cost && (NextRandom(&rng) % 10) < 9) a = guess;
        // The labeler learns from arcs the gold tree has, and the state keeps the gold label.
        ApplyWithLabel(&st, cx, a, [&](int head, int dep) {
          LabelFeatures(st, cx, head, dep, &lfeats);
          int predicted = BestLabel(labeler, lfeats, &label_scores);
          if (gold[dep] != head) return predicted;
          labeler.Tick();
          labeler.Update(lfeats, s.labels[dep], predicted);
          return static_cast<int>(s.labels[dep]);
        });
      }
      for (int i = 0; i < n; ++i) correct_heads += st.heads[i] == gold[i];
      words += n;
    }
    if (opt.verbose) {
      std::fprintf(stderr, "  parser epoch %d: %.2f%% heads on training data, %zu + %zu features\n", epoch + 1,
                   100.0 * correct_heads / std::max<size_t>(words, 1), trans.rows(), labeler.rows());
    }
  }
  Parser p;
  p.transitions_ = trans.Finish(opt.prune);
  p.labels_ = labeler.Finish(opt.prune);
  p.beam_ = std::max(opt.beam, 1);
  return p;
}

void Parser::Save(std::string* out) const {
  transitions_.Save(out);
  labels_.Save(out);
  PutVarint(static_cast<uint64_t>(beam_), out);
}

StatusOr<Parser> Parser::Load(std::string_view* in) {
  Parser p;
  auto t = CompactModel::Load(in);
  if (!t.ok()) return t.status();
  auto l = CompactModel::Load(in);
  if (!l.ok()) return l.status();
  if (t->classes() != kActions || l->classes() != ud::DeprelCount()) {
    return Status::Corrupt("parser model: class counts do not match this build");
  }
  p.transitions_ = std::move(*t);
  p.labels_ = std::move(*l);
  uint64_t beam = 0;
  if (!GetVarint(in, &beam) || beam < 1 || beam > 64) return Status::Corrupt("parser model: bad beam width");
  p.beam_ = static_cast<int>(beam);
  return p;
}

}  // namespace newsgraph::syntax
