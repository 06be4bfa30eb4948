// newsgraph: news articles in, an event-centric knowledge base out.
#include <algorithm>
#include <iostream>
#include <map>
#include <string_view>
#include <vector>

#include "cli/command.h"

namespace newsgraph::cli {

std::vector<CommandSpec>& Commands() {
  static std::vector<CommandSpec> commands;
  return commands;
}

bool RegisterCommand(std::string name, std::string description, CommandSetup setup) {
  Commands().push_back(CommandSpec{std::move(name), std::move(description), std::move(setup)});
  return true;
}

namespace {

// Levenshtein distance, for suggesting the command a typo meant.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string UnknownCommandMessage(std::string_view word) {
  std::string best;
  size_t best_distance = std::string::npos;
  for (const CommandSpec& spec : Commands()) {
    size_t d = spec.name.starts_with(word) ? 0 : EditDistance(word, spec.name);
    if (d < best_distance) {
      best_distance = d;
      best = spec.name;
    }
  }
  std::string msg = "newsgraph: unknown command '" + std::string(word) + "'.";
  // A suggestion only when it is close: at most a third of the word's letters wrong.
  if (!best.empty() && best_distance <= std::max<size_t>(1, word.size() / 3)) msg += " Did you mean '" + best + "'?";
  std::string all;
  for (const CommandSpec& spec : Commands()) all += (all.empty() ? "" : ", ") + spec.name;
  return msg + "\nCommands: " + all + " (newsgraph --help lists them).";
}

}  // namespace newsgraph::cli

int main(int argc, char** argv) {
  using namespace newsgraph::cli;
  CLI::App app{"newsgraph " NEWSGRAPH_VERSION
               " - turns news articles into an event-centric knowledge base:\n"
               "clean text, entities, quotations with speakers, CAMEO events, tone and stories."};
  app.set_version_flag("--version", NEWSGRAPH_VERSION);
  app.require_subcommand(1);
  std::map<CLI::App*, CommandRunner> runners;
  auto& commands = Commands();
  std::sort(commands.begin(), commands.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  for (const CommandSpec& spec : commands) {
    CLI::App* sub = app.add_subcommand(spec.name, spec.description);
    runners[sub] = spec.setup(sub);
  }
  // An unknown first word is a mistyped command: say which one was probably meant.
  if (argc > 1 && argv[1][0] != '-' &&
      std::none_of(commands.begin(), commands.end(), [&](const CommandSpec& c) { return c.name == argv[1]; })) {
    std::cerr << UnknownCommandMessage(argv[1]) << "\n";
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  for (auto& [sub, run] : runners) {
    if (sub->parsed()) return run();
  }
  return kExitUsage;
}
