// newsgraph analyze INPUT...: articles → readable report, JSON Lines (--json), in parallel.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/input.h"
#include "cli/report.h"
#include "core/json.h"
#include "events/gdelt.h"
#include "pipeline/analyzer.h"
#include "pipeline/parallel.h"
#include "syntax/syntax.h"

namespace newsgraph::cli {
namespace {

struct AnalyzeOptions {
  std::vector<std::string> inputs;
  bool json = false;
  bool pretty = false;
  bool tokens = false;
  std::string format;  // empty: text, or json with --json / --pretty
  std::string dictionaries;
  std::vector<std::string> events_off;
  CorpusFlags corpus;
};

int RunAnalyze(const AnalyzeOptions& opt) {
  // --pretty implies --json; with another --format it is a contradiction.
  if (opt.pretty && !opt.format.empty() && opt.format != "json") {
    std::cerr << "newsgraph: --pretty indents JSON; it cannot be used with --format " << opt.format << "\n";
    return kExitUsage;
  }
  if (opt.tokens && !opt.format.empty() && opt.format != "json") {
    std::cerr << "newsgraph: --tokens adds the words to the JSON; it cannot be used with --format " << opt.format
              << " (--format conllu prints them on its own)\n";
    return kExitUsage;
  }
  if (opt.json && !opt.format.empty() && opt.format != "json") {
    std::cerr << "newsgraph: --json and --format " << opt.format << " contradict each other\n";
    return kExitUsage;
  }
  PipelineOptions po;
  if (Status s = ToPipelineOptions(opt.corpus, &po); !s.ok()) {
    std::cerr << "newsgraph: " << s.message() << "\n";
    return kExitUsage;
  }
  AnalyzerOptions ao;
  ao.dictionaries_dir = opt.dictionaries;
  ao.event_rules_off = opt.events_off;
  // No later stage reads the parse yet, so it runs only when its output is asked for.
  ToAnalyzerOptions(opt.corpus, &ao);
  auto analyzer = Analyzer::Create(ao);
  if (!analyzer.ok()) {
    std::cerr << "newsgraph: " << analyzer.status().message() << "\n";
    return kExitError;
  }
  // --pretty and --tokens imply --json unless another format is named.
  std::string format = opt.json || ((opt.pretty || opt.tokens) && opt.format.empty()) ? "json"
                       : opt.format.empty()                                     ? "text"
                                                                                : opt.format;
  ReportStyle style;
  style.color = format == "text" && isatty(STDOUT_FILENO);
  size_t next_event_id = 1;
  PipelineProgress progress;
  ProgressBar bar(&progress, !opt.corpus.quiet);
  po.on_tick = [&] { bar.Tick(); };
  // Pretty JSON only makes sense for one article from one plain file.
  bool pretty = opt.pretty && opt.inputs.size() == 1;
  size_t printed = 0;
  auto clear_bar = [&] { bar.Clear(); };
  PipelineStats stats = RunPipeline(
      **analyzer, opt.inputs, po,
      [&](Analysis&& a) {
        if (!opt.corpus.quiet && !a.warnings.empty()) {
          clear_bar();
          for (const std::string& w : a.warnings) std::cerr << "newsgraph: warning: " << w << "\n";
        }
        if (format == "json") {
          std::cout << ToJsonString(a, pretty, opt.tokens) << "\n";
        } else if (format == "conllu") {
          std::string conllu;
          syntax::AppendConllu(a, &conllu);
          std::cout << conllu;
        } else if (format == "gdelt") {
          GdeltContext ctx;
          ctx.first_event_id = static_cast<int64_t>(next_event_id);
          for (const std::string& row : GdeltEventRows(a, ctx)) std::cout << row << "\n";
          next_event_id += a.events.size();
        } else {
          if (printed > 0) std::cout << "\n" << std::string(72, '-') << "\n\n";
          PrintReport(a, style, std::cout);
        }
        ++printed;
      },
      [&](const RecordError& e) {
        clear_bar();
        std::cerr << "newsgraph: " << (e.skipped ? "skipped: " : "error: ") << e.status.message() << "\n";
      },
      &progress);
  bar.Finish();
  std::cout.flush();
  if ((stats.failed > 0 || stats.skipped > 0) && !opt.corpus.quiet && stats.analyzed + stats.failed > 1) {
    std::cerr << "newsgraph: " << stats.analyzed << " articles analyzed, " << stats.failed << " records failed";
    if (stats.skipped > 0) std::cerr << ", " << stats.skipped << " inputs skipped (not articles)";
    std::cerr << "\n";
  }
  if (stats.analyzed == 0 && stats.failed == 0) {
    if (po.reader.shard_count > 1) return kExitOk;  // an empty shard is not an error
    std::cerr << "newsgraph: no articles found in the input\n";
    return kExitError;
  }
  if (stats.failed == 0) return kExitOk;
  return stats.analyzed == 0 ? kExitError : kExitSomeFailed;
}

CommandRunner SetupAnalyze(CLI::App* app) {
  auto opt = std::make_shared<AnalyzeOptions>();
  app->add_option("inputs", opt->inputs,
                  "files (text, HTML, JSON Lines, RSS/Atom, WARC, any of them gzipped), directories, globs, "
                  "or - for standard input")
      ->required();
  app->add_flag("--json", opt->json, "print the analysis contract as JSON Lines (one object per article)");
  app->add_flag("--pretty", opt->pretty, "indent the JSON of a single article (implies --json)");
  app->add_flag("--tokens", opt->tokens,
                "each sentence of the JSON also lists its words (start, end, upos, lemma, head, deprel); implies --json");
  app->add_option("--format", opt->format,
                  "text (readable report, the default), json, conllu (words, tags, lemmas and dependency trees "
                  "as CoNLL-U), or gdelt (GDELT 2.0 event rows)")
      ->check(CLI::IsMember({"text", "json", "conllu", "gdelt"}));
  app->add_option("--dictionaries", opt->dictionaries,
                  "folder of PETRARCH/TABARI dictionaries to load in addition to newsgraph's own");
  app->add_option("--events-off", opt->events_off,
                  "comma-separated event coder rules not to apply, to measure what each adds (docs/events.md)")
      ->delimiter(',')
      ->check(CLI::IsMember(std::vector<std::string>(std::begin(kEventRuleNames), std::end(kEventRuleNames))));
  AddCorpusFlags(app, &opt->corpus);
  app->footer(
      "Exit status: 0 all records analyzed, 3 some records failed (each reported on stderr with file and\n"
      "offset), 1 nothing could be analyzed, 2 bad arguments.");
  return [opt] { return RunAnalyze(*opt); };
}

const bool kRegistered = RegisterCommand(
    "analyze", "analyze articles: readable report, --json for the analysis contract (JSON Lines)", SetupAnalyze);

}  // namespace
}  // namespace newsgraph::cli
