// newsgraph train-ner: trains the named-mention tagger (src/entities/ner.h) on the train
// parts of the NER corpora and GUM's entity layer, and scores it on every dev and test part;
// or (--evaluate) scores an existing model.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "entities/entities.h"
#include "entities/gazetteer.h"
#include "entities/ner_train.h"
#include "syntax/syntax.h"

namespace newsgraph::cli {
namespace {

namespace fs = std::filesystem;

struct TrainNerFlags {
  TrainNerFlags() { options.seed = 20261204; }
  std::string ner = "../shared/ner";
  std::string ud = "../shared/ud";
  std::string out = "data/ner/en.model";
  std::string model;  // --evaluate: this model file instead of the built-in one
  std::string report;
  std::string errors;  // the dev parts' disagreements go here
  std::string train_on = "wikigold,btc,gum";
  bool evaluate = false;
  bool stage = false;  // also score the whole entities stage
  entities::NerTrainOptions options;
};

std::string Percent(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f", 100.0 * v);
  return b;
}

void Row(const std::string& name, const entities::NerScores& s, std::ostringstream& r) {
  r << "| " << name << " | " << s.words << " | " << s.all.gold << " | " << Percent(s.all.Precision()) << " | "
    << Percent(s.all.Recall()) << " | " << Percent(s.all.F1()) << " | " << Percent(s.person.F1()) << " | "
    << Percent(s.org.F1()) << " | " << Percent(s.loc.F1()) << " |\n";
}

// The scores of the model on every dev and test part; with `recognizer`, also those of the
// whole entities stage.
std::string ScoreTable(const entities::NerModel& model, const entities::Gazetteer& gaz,
                       const std::vector<entities::NerCorpus>& corpora, std::string* errors,
                       const EntityRecognizer* recognizer, const syntax::SyntaxModel& syntax) {
  std::ostringstream r;
  r << "| part | words | names | P | R | F1 | PERSON F1 | ORG F1 | LOC F1 |\n";
  r << "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
  for (const entities::NerCorpus& c : corpora) {
    for (const auto& [part, data] : {std::pair{"dev", &c.dev}, std::pair{"test", &c.test}}) {
      if (data->empty()) continue;
      std::string wrong;
      entities::NerScores s = entities::ScoreNer(model, gaz, *data, std::string_view(part) == "dev" ? &wrong : nullptr);
      if (!wrong.empty()) *errors += "# " + c.name + " dev\n" + wrong;
      Row(c.name + " " + part, s, r);
      if (recognizer != nullptr) {
        std::string stage_wrong;
        const bool dev = std::string_view(part) == "dev";
        Row(c.name + " " + part + " (entities stage)",
            entities::ScoreRecognizer(*recognizer, syntax, *data, dev ? &stage_wrong : nullptr), r);
        if (!stage_wrong.empty()) *errors += "# " + c.name + " dev, entities stage (- missed, + wrong)\n" + stage_wrong;
      }
    }
  }
  return r.str();
}

StatusOr<std::unique_ptr<entities::NerModel>> ReadModel(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  auto m = entities::NerModel::Deserialize(ss.str());
  if (!m.ok()) return Status::Corrupt(path + ": " + m.status().message());
  return m;
}

int RunTrainNer(TrainNerFlags& flags) {
  auto fail = [](const Status& s) {
    std::cerr << "newsgraph: " << s.message() << "\n";
    return kExitError;
  };
  auto syntax = syntax::SyntaxModel::Default();
  if (!syntax.ok()) return fail(syntax.status());
  auto gaz = entities::Gazetteer::Load();
  if (!gaz.ok()) return fail(gaz.status());
  auto start = std::chrono::steady_clock::now();
  auto corpora = entities::LoadNerCorpora(flags.ner, flags.ud + "/en_gum_ccby", **gaz, **syntax);
  if (!corpora.ok()) return fail(corpora.status());
  std::unique_ptr<entities::NerModel> owned;
  const entities::NerModel* model = nullptr;
  if (flags.evaluate) {
    if (flags.model.empty()) {
      auto m = entities::NerModel::Default();
      if (!m.ok()) return fail(m.status());
      model = *m;
    } else {
      auto m = ReadModel(flags.model);
      if (!m.ok()) return fail(m.status());
      owned = std::move(*m);
      model = owned.get();
    }
  } else {
    std::vector<entities::NerSentence> train;
    std::ostringstream info;
    info << "trained by newsgraph train-ner on the train parts of";
    for (const entities::NerCorpus& c : *corpora) {
      if (("," + flags.train_on + ",").find("," + c.name + ",") == std::string::npos) continue;
      if (!c.train.empty()) info << " " << c.name << " (" << c.train.size() << " sentences)";
      if (flags.options.verbose) std::cerr << c.name << ": train " << c.train.size() << ", dev " << c.dev.size()
                                           << ", test " << c.test.size() << " sentences\n";
      train.insert(train.end(), c.train.begin(), c.train.end());
    }
    info << "; epochs " << flags.options.epochs << ", seed " << flags.options.seed << ", prune "
         << flags.options.prune;
    owned = entities::NerModel::Train(**gaz, entities::NerExamples(train), flags.options);
    owned->info = info.str();
    std::string bytes = owned->Serialize();
    const fs::path dir = fs::path(flags.out).parent_path();
    if (!dir.empty()) fs::create_directories(dir);
    std::ofstream out(flags.out, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return fail(Status::Internal("cannot write " + flags.out));
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << "wrote " << flags.out << " (" << bytes.size() / 1024 << " KiB; " << owned->features()
              << " features) in " << secs << " s\n";
    model = owned.get();
  }
  std::string errors;
  std::unique_ptr<EntityRecognizer> recognizer;
  if (flags.stage) {
    auto rec = EntityRecognizer::Create();
    if (!rec.ok()) return fail(rec.status());
    recognizer = std::move(*rec);
  }
  std::string table = ScoreTable(*model, **gaz, *corpora, &errors, recognizer.get(), **syntax);
  if (!flags.errors.empty()) {
    std::ofstream out(flags.errors);
    out << errors;
  }
  std::cout << table;
  if (!flags.report.empty()) {
    std::ofstream out(flags.report);
    out << "<!-- written by newsgraph train-ner; " << model->info << " -->\n" << table;
  }
  return kExitOk;
}

CommandRunner SetupTrainNer(CLI::App* app) {
  auto flags = std::make_shared<TrainNerFlags>();
  app->add_option("--ner", flags->ner, "folder of the NER corpora (wikigold/, btc/, re3d_open/)")
      ->capture_default_str();
  app->add_option("--ud", flags->ud, "folder of UD treebanks (GUM's entity layer: en_gum_ccby/)")
      ->capture_default_str();
  app->add_option("--out", flags->out, "where to write the trained model")->capture_default_str();
  app->add_flag("--evaluate", flags->evaluate, "score a model (the built-in one, or --model) instead of training");
  app->add_option("--model", flags->model, "with --evaluate: a model file to score");
  app->add_option("--report", flags->report, "also write the score table (Markdown) to this file");
  app->add_option("--errors", flags->errors,
                  "write the dev sentences where the model errs, with its and the gold names (with --stage, also "
                  "the names the entities stage misses or gets wrong on the dev parts)");
  app->add_flag("--stage", flags->stage,
                "also score the whole entities stage (the model with the rules, as analyze runs it) on each part");
  app->add_option("--train-on", flags->train_on, "the corpora whose train parts are learned from (comma-separated)")
      ->capture_default_str();
  app->add_option("--epochs", flags->options.epochs, "passes over the data")->capture_default_str();
  app->add_option("--seed", flags->options.seed, "random seed (shuffling)")->capture_default_str();
  app->add_option("--prune", flags->options.prune, "drop features whose weights stay below this fraction of the largest")
      ->capture_default_str();
  app->add_flag("-v,--verbose", flags->options.verbose, "report each training epoch");
  app->footer(
      "Every corpus is split by document into train, dev and test (docs/entities.md); only the train parts are "
      "learned from. Training is deterministic: the same data, options and seed give the same model file.");
  return [flags] { return RunTrainNer(*flags); };
}

const bool kRegistered = RegisterCommand(
    "train-ner", "train the named-mention tagger (PERSON/ORG/LOC) on the NER corpora and GUM", SetupTrainNer);

}  // namespace
}  // namespace newsgraph::cli
