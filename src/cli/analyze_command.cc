// newsgraph analyze FILE|- ...: one article (or many) → readable report, JSON, or GDELT rows.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/input.h"
#include "cli/report.h"
#include "core/json.h"
#include "events/gdelt.h"
#include "pipeline/analyzer.h"

namespace newsgraph::cli {
namespace {

struct AnalyzeOptions {
  std::vector<std::string> inputs;
  bool json = false;
  bool pretty = false;
  std::string format = "text";
  std::string dictionaries;
};

int RunAnalyze(const AnalyzeOptions& opt) {
  AnalyzerOptions ao;
  ao.dictionaries_dir = opt.dictionaries;
  auto analyzer = Analyzer::Create(ao);
  if (!analyzer.ok()) {
    std::cerr << "newsgraph: " << analyzer.status().message() << "\n";
    return kExitError;
  }
  std::string format = opt.json ? "json" : opt.format;
  ReportStyle style;
  style.color = format == "text" && isatty(STDOUT_FILENO);
  size_t done = 0, failed = 0;
  size_t next_event_id = 1;
  auto report_error = [&](const Status& s) { std::cerr << "newsgraph: error: " << s.message() << "\n"; };
  failed += ForEachInputDocument(
      opt.inputs,
      [&](RawDocument&& doc) {
        auto analysis = (*analyzer)->Analyze(doc);
        if (!analysis.ok()) {
          report_error(analysis.status());
          ++failed;
          return;
        }
        for (const std::string& w : analysis->warnings) std::cerr << "newsgraph: warning: " << w << "\n";
        if (format == "json") {
          std::cout << ToJsonString(*analysis, opt.pretty && opt.inputs.size() == 1) << "\n";
        } else if (format == "gdelt") {
          GdeltContext ctx;
          ctx.first_event_id = static_cast<int64_t>(next_event_id);
          for (const std::string& row : GdeltEventRows(*analysis, ctx)) std::cout << row << "\n";
          next_event_id += analysis->events.size();
        } else {
          if (done > 0) std::cout << "\n" << std::string(72, '-') << "\n\n";
          PrintReport(*analysis, style, std::cout);
        }
        ++done;
      },
      report_error);
  std::cout.flush();
  if (failed == 0) return kExitOk;
  return done == 0 ? kExitError : kExitSomeFailed;
}

CommandRunner SetupAnalyze(CLI::App* app) {
  auto opt = std::make_shared<AnalyzeOptions>();
  app->add_option("inputs", opt->inputs, "article files, or - for standard input")->required();
  app->add_flag("--json", opt->json, "print the analysis contract as JSON (one object per line)");
  app->add_flag("--pretty", opt->pretty, "indent the JSON of a single article");
  app->add_option("--format", opt->format, "text (readable report), json, or gdelt (GDELT 2.0 event rows)")
      ->check(CLI::IsMember({"text", "json", "gdelt"}));
  app->add_option("--dictionaries", opt->dictionaries,
                  "folder of PETRARCH/TABARI dictionaries to load in addition to newsgraph's own");
  return [opt] { return RunAnalyze(*opt); };
}

const bool kRegistered =
    RegisterCommand("analyze", "analyze articles: readable report, --json for the analysis contract", SetupAnalyze);

}  // namespace
}  // namespace newsgraph::cli
