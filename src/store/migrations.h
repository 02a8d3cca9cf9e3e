#pragma once
// Versioned schema changes. The schema_migrations table records which versions a database has;
// opening a database applies the ones it lacks, in order, each in its own transaction.
//
// To change the schema, append a Migration with the next version; never edit one that has
// shipped. Statements are written once for every backend, with {tokens} for what differs
// (see Dialect::sql); a statement that cannot be shared branches on the dialect in a new
// kind of migration step.
#include "store/database.h"

#include <string_view>
#include <vector>

namespace cadence::store {

struct Migration {
  int version = 0;
  std::string_view description;
  std::vector<std::string_view> statements;
};

// Cadence's migrations, ordered by version from 1 without gaps.
const std::vector<Migration>& migrations();
int latest_schema_version();

// The newest version applied to `db`. REQUIRES: migrate() has run (Database does on open).
int schema_version(Database& db);

// Applies the migrations of `list` that `db` lacks. A database at a version newer than the
// last of `list` (written by a newer cadence) is a StoreError naming both versions.
void migrate(Database& db, const std::vector<Migration>& list = migrations());
// For a connection that must not write: a StoreError unless `db` is at the newest version of
// `list` (an older one is upgraded by a command that writes).
void require_current_schema(Database& db, const std::vector<Migration>& list = migrations());

}  // namespace cadence::store
