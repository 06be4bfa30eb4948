// newsgraph: news articles in, an event-centric knowledge base out.
#include <algorithm>
#include <iostream>
#include <map>

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
