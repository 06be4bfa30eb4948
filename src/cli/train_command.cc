// newsgraph train: trains the syntax models (tagger, lemmatizer, parser) on the UD treebanks
// and scores them on every dev and test file, or (--evaluate) scores an existing model.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "core/blind_set.h"
#include "syntax/eval.h"
#include "syntax/train.h"

namespace newsgraph::cli {
namespace {

namespace fs = std::filesystem;

struct TrainFlags {
  std::string ud = "../shared/ud";
  std::string out = "data/syntax/en.model";
  std::string model;  // --evaluate: this model file instead of the built-in one
  std::string report;
  std::string errors;  // write the tokenizer's unmatched words on the dev sets here
  bool evaluate = false;
  bool with_dev = false;  // also train on the dev splits (the shipped model); the test splits never
  syntax::SyntaxTrainConfig config;
};

// Treebank files under `dir` whose names end in `suffix`, sorted for a stable order.
std::vector<std::string> Treebanks(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string p = it->path().string();
    if (it->is_regular_file() && p.ends_with(suffix)) out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Fixed(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f", v);
  return b;
}

// The score table, in Markdown, for every dev and test file (and GUM's news genre). A file
// the model was trained on (its name is in the model's info line) is marked as such.
std::string ScoreReport(const syntax::SyntaxModel& model, const std::string& ud) {
  std::ostringstream r;
  r << "| treebank | words | UPOS | lemma | UAS | LAS | LAS (subtypes) | UAS/LAS gold UPOS | raw: words F1 | "
       "sentences F1 | UPOS F1 | UAS F1 | LAS F1 |\n";
  r << "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
  std::vector<std::string> files = Treebanks(ud, "-ud-dev.conllu");
  for (const std::string& f : Treebanks(ud, "-ud-test.conllu")) files.push_back(f);
  for (const std::string& f : files) {
    auto gold = syntax::ReadConlluFile(f);
    if (!gold.ok()) {
      r << "| " << f << " | " << gold.status().message() << " |\n";
      continue;
    }
    const std::string file = fs::path(f).filename().string();
    const std::string seen = model.info.find(file) != std::string::npos ? ", trained on" : "";
    std::vector<std::pair<std::string, std::vector<syntax::ConlluSentence>>> parts = {
        {file + (seen.empty() ? "" : " (trained on)"), *gold}};
    auto news = syntax::FilterBySentIdPrefix(*gold, "GUM_news");
    if (!news.empty()) parts.push_back({file + " (news genre" + seen + ")", news});
    for (const auto& [name, sents] : parts) {
      syntax::GoldTokenScores g = syntax::EvaluateGoldTokens(model, sents);
      syntax::RawTextScores raw = syntax::EvaluateRawText(model, sents);
      r << "| " << name << " | " << g.words << " | " << Fixed(g.upos) << " | " << Fixed(g.lemma) << " | "
        << Fixed(g.uas) << " | " << Fixed(g.las) << " | " << Fixed(g.las_subtypes) << " | " << Fixed(g.uas_gold_tags)
        << " / " << Fixed(g.las_gold_tags) << " | " << Fixed(raw.words_f1) << " | " << Fixed(raw.sentences_f1)
        << " | " << Fixed(raw.upos_f1) << " | " << Fixed(raw.uas_f1) << " | " << Fixed(raw.las_f1) << " |\n";
    }
  }
  return r.str();
}

int RunTrain(TrainFlags& flags) {
  std::unique_ptr<syntax::SyntaxModel> trained;
  const syntax::SyntaxModel* model = nullptr;
  if (flags.evaluate) {
    if (flags.model.empty()) {
      auto m = syntax::SyntaxModel::Default();
      if (!m.ok()) {
        std::cerr << "newsgraph: " << m.status().message() << "\n";
        return kExitError;
      }
      model = *m;
    } else {
      std::ifstream in(flags.model, std::ios::binary);
      if (!in) {
        std::cerr << "newsgraph: cannot open " << flags.model << "\n";
        return kExitError;
      }
      std::stringstream ss;
      ss << in.rdbuf();
      auto m = syntax::SyntaxModel::Deserialize(ss.str());
      if (!m.ok()) {
        std::cerr << "newsgraph: " << flags.model << ": " << m.status().message() << "\n";
        return kExitError;
      }
      trained = std::move(*m);
      model = trained.get();
    }
  } else {
    flags.config.train_files = Treebanks(flags.ud, "-ud-train.conllu");
    if (flags.with_dev) {
      for (const std::string& f : Treebanks(flags.ud, "-ud-dev.conllu")) flags.config.train_files.push_back(f);
    }
    if (flags.config.train_files.empty()) {
      std::cerr << "newsgraph: no *-ud-train.conllu files under " << flags.ud << "\n";
      return kExitError;
    }
    for (const std::string& f : flags.config.train_files) std::cerr << "training on " << f << "\n";
    auto start = std::chrono::steady_clock::now();
    auto m = syntax::TrainSyntax(flags.config);
    if (!m.ok()) {
      std::cerr << "newsgraph: " << m.status().message() << "\n";
      return kExitError;
    }
    trained = std::move(*m);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::ostringstream info;
    info << "trained by newsgraph train on";
    for (const std::string& f : flags.config.train_files) info << " " << fs::path(f).filename().string();
    info << "; tagger epochs " << flags.config.tagger_epochs << ", parser epochs " << flags.config.parser_epochs
         << ", folds " << flags.config.folds;
    if (flags.config.beam > 1) info << ", beam " << flags.config.beam;
    info << ", seed " << flags.config.seed << ", prune " << flags.config.prune;
    info << ", without " << kBlindDocumentCount + flags.config.exclude_docs.size() << " documents";
    trained->info = info.str();
    std::string bytes = trained->Serialize();
    fs::create_directories(fs::path(flags.out).parent_path().empty() ? fs::path(".") : fs::path(flags.out).parent_path());
    std::ofstream out(flags.out, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      std::cerr << "newsgraph: cannot write " << flags.out << "\n";
      return kExitError;
    }
    std::cerr << "wrote " << flags.out << " (" << bytes.size() / 1024 << " KiB; tagger " << trained->tagger.features()
              << " features, parser " << trained->parser.features() << ") in " << Fixed(secs) << " s\n";
    model = trained.get();
  }
  if (!flags.errors.empty()) {
    std::ofstream out(flags.errors);
    for (const std::string& f : Treebanks(flags.ud, "-ud-dev.conllu")) {
      auto gold = syntax::ReadConlluFile(f);
      if (!gold.ok()) continue;
      syntax::RawTextScores raw = syntax::EvaluateRawText(*model, *gold);
      out << "# " << f << "\n";
      for (const auto& [form, count] : raw.unmatched) out << count << "\t" << form << "\n";
    }
  }
  std::string report = ScoreReport(*model, flags.ud);
  std::cout << report;
  if (!flags.report.empty()) {
    std::ofstream out(flags.report);
    out << "<!-- written by newsgraph train; " << model->info << " -->\n" << report;
  }
  return kExitOk;
}

CommandRunner SetupTrain(CLI::App* app) {
  auto flags = std::make_shared<TrainFlags>();
  app->add_option("--ud", flags->ud, "folder of UD treebanks (*-ud-train/dev/test.conllu)")->capture_default_str();
  app->add_option("--out", flags->out, "where to write the trained model")->capture_default_str();
  app->add_flag("--evaluate", flags->evaluate, "score a model (the built-in one, or --model) instead of training");
  app->add_flag("--with-dev", flags->with_dev,
                "also train on the *-ud-dev.conllu splits (the shipped model; its dev scores are then not held out)");
  app->add_option("--model", flags->model, "with --evaluate: a model file to score");
  app->add_option("--report", flags->report, "also write the score table (Markdown) to this file");
  app->add_option("--tokenizer-errors", flags->errors,
                  "write the words of the dev sets that the UD tokenizer splits differently, most frequent first");
  app->add_option("--tagger-epochs", flags->config.tagger_epochs, "passes over the data")->capture_default_str();
  app->add_option("--parser-epochs", flags->config.parser_epochs, "passes over the data")->capture_default_str();
  app->add_option("--beam", flags->config.beam,
                  "parser beam width: 1 decodes greedily (the shipped model); more trains and decodes a beam-search "
                  "parser, more accurate and several times slower")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  app->add_option("--folds", flags->config.folds, "jackknife folds for the parser's training tags")
      ->capture_default_str();
  app->add_option("--seed", flags->config.seed, "random seed (shuffling, exploration)")->capture_default_str();
  app->add_option("--prune", flags->config.prune, "drop features whose weights stay below this fraction of the largest")
      ->capture_default_str();
  app->add_option("--exclude-doc", flags->config.exclude_docs,
                  "also leave this document (its '# newdoc id') out of training (the blind set always is)")
      ->delimiter(',');
  app->add_option("--threads", flags->config.threads, "jackknife folds trained at once")->capture_default_str();
  app->add_flag("-v,--verbose", flags->config.verbose, "report each training epoch");
  app->footer("Training is deterministic: the same treebanks, options and seed give the same model file.");
  return [flags] { return RunTrain(*flags); };
}

const bool kRegistered =
    RegisterCommand("train", "train the syntax models (tagger, lemmatizer, parser) on UD treebanks", SetupTrain);

}  // namespace
}  // namespace newsgraph::cli
