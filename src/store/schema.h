// The versioned store schema (docs/store.md documents every table). Migrations are
// numbered from 1; a database records the last one applied in meta('schema_version') and
// Migrate applies the missing ones in one transaction (PostgreSQL: under an advisory lock,
// so that concurrent openers migrate once). A database newer than this binary is refused.
#pragma once

#include "store/sql.h"

namespace newsgraph::store {

inline constexpr int kSchemaVersion = 4;

[[nodiscard]] Status Migrate(SqlDb* db);

}  // namespace newsgraph::store
