// PostgreSQL engine of the SQL layer, through libpq: statements prepared once per
// connection (named s1, s2, ... by their text), parameters sent as text (blobs binary),
// results read as text (bytea unescaped). Notices are silenced: library code never prints.
#include <libpq-fe.h>

#include <cstdio>
#include <cstring>
#include <unordered_map>

#include "store/sql.h"

namespace newsgraph::store {
namespace {

constexpr unsigned kByteaOid = 17;

void IgnoreNotice(void*, const char*) {}

class PgDb final : public SqlDb {
 public:
  ~PgDb() override {
    if (conn_) PQfinish(conn_);
  }

  static StatusOr<std::unique_ptr<SqlDb>> Open(std::string_view url) {
    auto db = std::unique_ptr<PgDb>(new PgDb());
    std::string u(url);
    db->conn_ = PQconnectdb(u.c_str());
    if (db->conn_ == nullptr || PQstatus(db->conn_) != CONNECTION_OK) {
      std::string msg = db->conn_ ? PQerrorMessage(db->conn_) : "out of memory";
      while (!msg.empty() && msg.back() == '\n') msg.pop_back();
      return Status::IoError("postgresql: cannot connect: " + msg);
    }
    PQsetNoticeProcessor(db->conn_, IgnoreNotice, nullptr);
    return std::unique_ptr<SqlDb>(std::move(db));
  }

  Dialect dialect() const override { return Dialect::kPostgres; }

  Status Exec(std::string_view sql, const std::vector<Param>& params, std::vector<Row>* rows) override {
    std::string key(sql);
    auto it = prepared_.find(key);
    if (it == prepared_.end()) {
      std::string name = "s" + std::to_string(prepared_.size() + 1);
      PGresult* res = PQprepare(conn_, name.c_str(), key.c_str(), 0, nullptr);
      Status s = Check(res, sql);
      PQclear(res);
      if (!s.ok()) return s;
      it = prepared_.emplace(key, name).first;
    }
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<int> lengths(params.size(), 0), formats(params.size(), 0);
    for (size_t i = 0; i < params.size(); ++i) {
      const Param& p = params[i];
      if (auto* v = std::get_if<int64_t>(&p)) {
        texts[i] = std::to_string(*v);
      } else if (auto* d = std::get_if<double>(&p)) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", *d);
        texts[i] = buf;
      } else if (auto* s = std::get_if<std::string_view>(&p)) {
        // PostgreSQL text cannot hold NUL bytes; drop them rather than fail the batch.
        texts[i].reserve(s->size());
        for (char c : *s) {
          if (c != '\0') texts[i].push_back(c);
        }
      } else if (auto* b = std::get_if<Blob>(&p)) {
        texts[i].assign(b->bytes);
        formats[i] = 1;
        lengths[i] = static_cast<int>(b->bytes.size());
      } else {
        continue;  // NULL
      }
      values[i] = texts[i].c_str();
    }
    PGresult* res = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()), values.data(),
                                   lengths.data(), formats.data(), 0);
    Status s = Check(res, sql);
    if (s.ok() && rows != nullptr && PQresultStatus(res) == PGRES_TUPLES_OK) {
      int n = PQntuples(res), cols = PQnfields(res);
      for (int r = 0; r < n; ++r) {
        Row& row = rows->emplace_back(cols);
        for (int c = 0; c < cols; ++c) {
          if (PQgetisnull(res, r, c)) continue;
          row[c].null = false;
          const char* v = PQgetvalue(res, r, c);
          if (PQftype(res, c) == kByteaOid) {
            size_t len = 0;
            unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(v), &len);
            if (raw) {
              row[c].text.assign(reinterpret_cast<const char*>(raw), len);
              PQfreemem(raw);
            }
          } else {
            row[c].text.assign(v, PQgetlength(res, r, c));
          }
        }
      }
    }
    PQclear(res);
    return s;
  }

  Status ExecScript(std::string_view sql) override {
    std::string text(sql);
    PGresult* res = PQexec(conn_, text.c_str());
    Status s = Check(res, sql);
    PQclear(res);
    return s;
  }

  Status Begin() override { return ExecScript("BEGIN"); }
  Status Commit() override { return ExecScript("COMMIT"); }
  void Rollback() override {
    std::string failed = sqlstate_;  // the failure that caused the rollback decides a retry
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) (void)ExecScript("ROLLBACK");
    sqlstate_ = failed;
  }
  bool LastErrorRetryable() const override {
    // 40001 serialization_failure, 40P01 deadlock_detected, 23505 unique_violation (a
    // concurrent writer inserted the same key between our check and our insert).
    return sqlstate_ == "40001" || sqlstate_ == "40P01" || sqlstate_ == "23505";
  }

 private:
  Status Check(PGresult* res, std::string_view sql) {
    ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
      sqlstate_.clear();
      return Status::Ok();
    }
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    sqlstate_ = state ? state : "";
    std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn_);
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    return Status::IoError("postgresql: " + msg + " [" + sqlstate_ + "] (in: " + std::string(sql.substr(0, 60)) +
                           "...)");
  }

  PGconn* conn_ = nullptr;
  std::string sqlstate_;
  std::unordered_map<std::string, std::string> prepared_;
};

}  // namespace

StatusOr<std::unique_ptr<SqlDb>> OpenPostgres(std::string_view url) { return PgDb::Open(url); }

}  // namespace newsgraph::store
