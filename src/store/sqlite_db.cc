// SQLite engine of the SQL layer: WAL journal, NORMAL sync (a crash loses at most the
// last transactions, never consistency), a busy timeout so that readers and a second
// writer wait rather than fail, prepared statements cached by their text. Parameters are
// bound without copying (SQLITE_STATIC): they outlive the statement's run, which ends
// with a reset before Exec returns.
#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <thread>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "store/sql.h"

namespace newsgraph::store {
namespace {

// "$1" placeholders become SQLite's numbered "?1".
std::string ToSqlite(std::string_view sql) {
  std::string out(sql);
  for (char& c : out) {
    if (c == '$') c = '?';
  }
  return out;
}

class SqliteDb final : public SqlDb {
 public:
  static constexpr int kBusyTimeoutMs = 60000;
  static constexpr int kRetryMs = 50;

  ~SqliteDb() override {
    for (auto& [sql, stmt] : stmts_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  static StatusOr<std::unique_ptr<SqlDb>> Open(std::string_view path) {
    auto db = std::unique_ptr<SqliteDb>(new SqliteDb());
    db->path_ = std::string(path);
    int rc = sqlite3_open_v2(db->path_.c_str(), &db->db_,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      return Status::IoError(db->path_ +
                             ": cannot open database: " + (db->db_ ? sqlite3_errmsg(db->db_) : sqlite3_errstr(rc)));
    }
    sqlite3_busy_timeout(db->db_, kBusyTimeoutMs);
    // Switching a new file to WAL takes an exclusive lock, and SQLite answers "database is
    // locked" at once, without its busy handler, while another process opening the same
    // file holds one. Such openers wait their turn here, as long as the busy timeout.
    Status s;
    for (int waited = 0;; waited += kRetryMs) {
      s = db->ExecScript(
          "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
          "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32768;");
      int code = sqlite3_errcode(db->db_) & 0xFF;
      if (s.ok() || (code != SQLITE_BUSY && code != SQLITE_LOCKED) || waited >= kBusyTimeoutMs) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(kRetryMs));
    }
    if (!s.ok()) return s;
    return std::unique_ptr<SqlDb>(std::move(db));
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  Status Exec(std::string_view sql, const std::vector<Param>& params, std::vector<Row>* rows) override {
    sqlite3_stmt* stmt = nullptr;
    auto it = stmts_.find(sql);
    if (it != stmts_.end()) {
      stmt = it->second;
    } else {
      std::string text = ToSqlite(sql);
      if (sqlite3_prepare_v3(db_, text.c_str(), static_cast<int>(text.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                             nullptr) != SQLITE_OK) {
        return Error("prepare", sql);
      }
      stmts_.emplace(std::string(sql), stmt);
    }
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1), rc = SQLITE_OK;
      const Param& p = params[i];
      if (std::holds_alternative<Null>(p)) {
        rc = sqlite3_bind_null(stmt, idx);
      } else if (auto* v = std::get_if<int64_t>(&p)) {
        rc = sqlite3_bind_int64(stmt, idx, *v);
      } else if (auto* d = std::get_if<double>(&p)) {
        rc = sqlite3_bind_double(stmt, idx, *d);
      } else if (auto* s = std::get_if<std::string_view>(&p)) {
        rc = sqlite3_bind_text64(stmt, idx, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
      } else if (auto* b = std::get_if<Blob>(&p)) {
        rc = sqlite3_bind_blob64(stmt, idx, b->bytes.data(), b->bytes.size(), SQLITE_STATIC);
      }
      if (rc != SQLITE_OK) {
        Status error = Error("bind", sql);
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        return error;
      }
    }
    Status status;
    while (true) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        status = Error("run", sql);
        break;
      }
      if (rows == nullptr) continue;
      Row& row = rows->emplace_back();
      int n = sqlite3_column_count(stmt);
      row.resize(n);
      for (int c = 0; c < n; ++c) {
        int type = sqlite3_column_type(stmt, c);
        if (type == SQLITE_NULL) continue;
        row[c].null = false;
        const void* data =
            type == SQLITE_BLOB ? sqlite3_column_blob(stmt, c) : static_cast<const void*>(sqlite3_column_text(stmt, c));
        int size = sqlite3_column_bytes(stmt, c);
        if (data) row[c].text.assign(static_cast<const char*>(data), size);
      }
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return status;
  }

  Status ExecScript(std::string_view sql) override {
    char* err = nullptr;
    std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      last_code_ = sqlite3_errcode(db_);
      std::string msg = path_ + ": " + (err ? err : "error");
      sqlite3_free(err);
      return Status::IoError(msg);
    }
    return Status::Ok();
  }

  Status Begin() override { return ExecScript("BEGIN IMMEDIATE"); }
  Status Commit() override { return ExecScript("COMMIT"); }
  void Rollback() override {
    if (!sqlite3_get_autocommit(db_)) (void)ExecScript("ROLLBACK");
  }
  bool LastErrorRetryable() const override { return last_code_ == SQLITE_BUSY || last_code_ == SQLITE_LOCKED; }

 private:
  Status Error(const char* what, std::string_view sql) {
    last_code_ = sqlite3_errcode(db_);
    std::string head(sql.substr(0, 60));
    return Status::IoError(path_ + ": " + what + " failed: " + sqlite3_errmsg(db_) + " (in: " + head + "...)");
  }

  sqlite3* db_ = nullptr;
  std::string path_;
  int last_code_ = SQLITE_OK;
  // Keyed by the statement's text, looked up without copying it.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> stmts_;
};

}  // namespace

int64_t Value::Int() const { return null ? 0 : std::strtoll(text.c_str(), nullptr, 10); }
double Value::Real() const { return null ? 0.0 : std::strtod(text.c_str(), nullptr); }

StatusOr<std::unique_ptr<SqlDb>> OpenSqlite(std::string_view path) { return SqliteDb::Open(path); }

}  // namespace newsgraph::store
