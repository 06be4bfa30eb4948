// The thin SQL layer under the store: one connection, statements with bound parameters
// ($1, $2, ... in both dialects), rows as text. The store's logic (sql_store.cc) is written
// once over this interface; sqlite_db.cc and pg_db.cc are the two engines. Internal to
// src/store.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.h"

namespace newsgraph::store {

enum class Dialect { kSqlite, kPostgres };

struct Blob {
  std::string_view bytes;
};
struct Null {};
using Param = std::variant<Null, int64_t, double, std::string_view, Blob>;

// One result value: text (blobs as raw bytes), or null.
struct Value {
  bool null = true;
  std::string text;
  int64_t Int() const;
  double Real() const;
};
using Row = std::vector<Value>;

class SqlDb {
 public:
  virtual ~SqlDb() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement; rows (possibly none) come back in `rows` when not null.
  [[nodiscard]] virtual Status Exec(std::string_view sql, const std::vector<Param>& params,
                                    std::vector<Row>* rows = nullptr) = 0;
  // Runs a script of statements without parameters (schema migrations).
  [[nodiscard]] virtual Status ExecScript(std::string_view sql) = 0;
  // Begins a write transaction (SQLite: BEGIN IMMEDIATE, taking the write lock at once).
  [[nodiscard]] virtual Status Begin() = 0;
  [[nodiscard]] virtual Status Commit() = 0;
  virtual void Rollback() = 0;
  // True when the last failure was a conflict between writers that a retry of the whole
  // transaction resolves (PostgreSQL deadlock or serialization failure, SQLite busy).
  virtual bool LastErrorRetryable() const = 0;
};

StatusOr<std::unique_ptr<SqlDb>> OpenSqlite(std::string_view path);
StatusOr<std::unique_ptr<SqlDb>> OpenPostgres(std::string_view url);

}  // namespace newsgraph::store
