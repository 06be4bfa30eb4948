#include "cli/database.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace newsgraph::cli {

Status CheckDatabaseExists(const std::string& db) {
  if (db.starts_with("postgresql://") || db.starts_with("postgres://")) return Status::Ok();
  std::error_code ec;
  if (db.empty()) return Status::InvalidArgument("--db: no database named");
  if (std::filesystem::is_directory(db, ec)) return Status::InvalidArgument(db + ": is a directory, not a database");
  if (!std::filesystem::exists(db, ec)) {
    return Status::NotFound(db + ": no such database (create one with `newsgraph ingest FILES --db " + db + "`)");
  }
  return Status::Ok();
}

bool RequireDatabase(const std::string& db) {
  Status s = CheckDatabaseExists(db);
  if (!s.ok()) std::cerr << "newsgraph: " << s.message() << "\n";
  return s.ok();
}

bool IsCalendarDate(const std::string& text) {
  int y = 0, m = 0, d = 0;
  char extra = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

CLI::Validator CalendarDate() {
  return CLI::Validator(
      [](std::string& value) {
        return IsCalendarDate(value) ? std::string() : "'" + value + "' is not a date of the form YYYY-MM-DD";
      },
      "YYYY-MM-DD");
}

}  // namespace newsgraph::cli
