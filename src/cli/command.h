// Subcommand registry of the `newsgraph` executable. Each command lives in its own file
// and registers itself at start-up:
//
//   static const bool kRegistered = newsgraph::cli::RegisterCommand(
//       "analyze", "one article -> readable report or JSON", SetupAnalyze);
//
// Setup adds the subcommand's options to `app` (bound to state it owns) and returns the
// function that runs the command and yields the process exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace newsgraph::cli {

// Exit codes shared by every command.
enum ExitCode : int {
  kExitOk = 0,
  kExitError = 1,         // the command failed (bad input, missing file, ...)
  kExitUsage = 2,         // wrong arguments
  kExitSomeFailed = 3,    // a corpus run finished but some records failed
};

using CommandRunner = std::function<int()>;
using CommandSetup = std::function<CommandRunner(CLI::App* app)>;

struct CommandSpec {
  std::string name;
  std::string description;
  CommandSetup setup;
};

bool RegisterCommand(std::string name, std::string description, CommandSetup setup);
std::vector<CommandSpec>& Commands();

// "newsgraph: unknown command 'serach'. Did you mean 'search'?" and the list of commands.
std::string UnknownCommandMessage(std::string_view word);

}  // namespace newsgraph::cli
