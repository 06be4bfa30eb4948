#include "syntax/train.h"

#include <algorithm>

#include <cstdio>
#include <thread>

#include "core/blind_set.h"
#include "core/ud.h"

namespace newsgraph::syntax {
namespace {

TaggedSentence ToTagged(const ConlluSentence& s) {
  TaggedSentence t;
  for (const ConlluWord& w : s.words) {
    t.forms.push_back(w.form);
    int u = ud::UposIndex(w.upos);
    t.tags.push_back(static_cast<uint8_t>(u < 0 ? ud::kX : u));
  }
  return t;
}

}  // namespace

StatusOr<std::unique_ptr<SyntaxModel>> TrainSyntax(const SyntaxTrainConfig& config) {
  std::vector<ConlluSentence> data;
  for (const std::string& f : config.train_files) {
    auto s = ReadConlluFile(f);
    if (!s.ok()) return s.status();
    bool excluded = false;
    for (auto& x : *s) {
      if (!x.newdoc.empty()) {
        excluded = IsBlindDocument(x.newdoc) ||
                   std::find(config.exclude_docs.begin(), config.exclude_docs.end(), x.newdoc) !=
                       config.exclude_docs.end();
      }
      if (!excluded && !x.words.empty()) data.push_back(std::move(x));
    }
  }
  if (data.empty()) return Status::InvalidArgument("no training sentences in the given files");
  std::vector<TaggedSentence> tagged;
  std::vector<LemmaExample> lemmas;
  for (const ConlluSentence& s : data) {
    tagged.push_back(ToTagged(s));
    for (const ConlluWord& w : s.words) {
      int u = ud::UposIndex(w.upos);
      lemmas.push_back({w.form, w.lemma, static_cast<uint8_t>(u < 0 ? ud::kX : u)});
    }
  }
  auto model = std::make_unique<SyntaxModel>();
  TrainOptions tag_opt;
  tag_opt.epochs = config.tagger_epochs;
  tag_opt.seed = config.seed;
  tag_opt.prune = config.prune;
  tag_opt.verbose = config.verbose;

  // Jackknifed tags: fold k is tagged by a tagger trained on the other folds.
  const int folds = std::max(config.folds, 2);
  std::vector<std::vector<uint8_t>> predicted(tagged.size());
  auto run_fold = [&](int k) {
    std::vector<TaggedSentence> train;
    for (size_t i = 0; i < tagged.size(); ++i) {
      if (static_cast<int>(i % folds) != k) train.push_back(tagged[i]);
    }
    TrainOptions o = tag_opt;
    o.verbose = false;
    o.prune = 0.0f;  // only makes training tags: pruning is for the shipped models
    o.seed = config.seed + static_cast<uint64_t>(k) + 1;
    Tagger t = Tagger::Train(train, o);
    for (size_t i = k; i < tagged.size(); i += folds) {
      std::vector<std::string_view> f(tagged[i].forms.begin(), tagged[i].forms.end());
      t.Tag(Tagger::Lexemes(f), &predicted[i]);
    }
  };
  if (config.verbose) std::fprintf(stderr, "jackknifing the tagger over %d folds\n", folds);
  for (int k = 0; k < folds; k += std::max(config.threads, 1)) {
    std::vector<std::thread> workers;
    for (int t = k; t < std::min(folds, k + std::max(config.threads, 1)); ++t) workers.emplace_back(run_fold, t);
    for (auto& w : workers) w.join();
  }
  size_t right = 0, total = 0;
  for (size_t i = 0; i < tagged.size(); ++i) {
    for (size_t w = 0; w < tagged[i].tags.size(); ++w) right += predicted[i][w] == tagged[i].tags[w];
    total += tagged[i].tags.size();
  }
  if (config.verbose) std::fprintf(stderr, "jackknifed UPOS accuracy: %.2f%%\n", 100.0 * right / std::max<size_t>(total, 1));

  // The shipped tagger (all data) and the parser, side by side.
  std::vector<ParsedSentence> parsed;
  parsed.reserve(data.size());
  for (size_t i = 0; i < data.size(); ++i) {
    ParsedSentence p;
    p.forms = tagged[i].forms;
    p.tags = predicted[i];
    for (const ConlluWord& w : data[i].words) {
      p.heads.push_back(w.head - 1);
      p.labels.push_back(static_cast<uint8_t>(ud::DeprelIndex(w.deprel)));
    }
    parsed.push_back(std::move(p));
  }
  TrainOptions parse_opt = tag_opt;
  parse_opt.epochs = config.parser_epochs;
  parse_opt.beam = config.beam;
  std::thread tagger_thread([&] {
    TrainOptions o = tag_opt;
    o.verbose = config.verbose && config.threads <= 1;
    model->tagger = Tagger::Train(tagged, o);
  });
  if (config.threads <= 1) tagger_thread.join();
  if (config.verbose) std::fprintf(stderr, "training the parser on %zu sentences\n", parsed.size());
  model->parser = Parser::Train(parsed, parse_opt);
  if (tagger_thread.joinable()) tagger_thread.join();
  model->lemmatizer = Lemmatizer::Train(lemmas);
  return model;
}

}  // namespace newsgraph::syntax
