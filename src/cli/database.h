// The knowledge base a reading command (search, stats, export, serve) works on must exist:
// opening a SQLite path that is not there would create an empty database and answer
// "nothing found", hiding a mistyped --db. Writing commands (ingest) create it.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "core/status.h"

namespace newsgraph::cli {

// Ok for a postgresql:// URL (the server decides) and for a SQLite file (or a .jsonl of
// analyses) that exists; NotFound naming the path otherwise.
[[nodiscard]] Status CheckDatabaseExists(const std::string& db);
// The same for a command: prints the error on stderr and returns false when `db` is missing
// (the caller exits with kExitUsage).
[[nodiscard]] bool RequireDatabase(const std::string& db);

// True for a calendar date written YYYY-MM-DD (2025-02-29 and 2025-13-45 are not).
bool IsCalendarDate(const std::string& text);
// A CLI11 check for options that take such a date (--from, --to).
CLI::Validator CalendarDate();

}  // namespace newsgraph::cli
