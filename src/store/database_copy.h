#pragma once
// `cadence db copy` and `cadence db check`: every table of Cadence's schema, copied between
// backends in one transaction, and a database's schema version and integrity.
#include "store/database.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cadence::store {

struct TableRows {
  std::string table;
  std::int64_t rows = 0;
  friend bool operator==(const TableRows&, const TableRows&) = default;
};

// Copies every row of every table from `from` into `to`, in one transaction of `to`, keeping
// ids. REQUIRES: both at this cadence's schema version (Database sees to it when opened).
// A `to` holding any unit, record, audit entry, user, token or item version is refused (a
// StoreError) unless `replace`, which empties it first. Returns the rows copied per table.
std::vector<TableRows> copy_database(Database& from, Database& to, bool replace);

struct CheckReport {
  int schema_version = 0;
  std::vector<TableRows> tables;
  // Each a sentence: an orphan row, or what SQLite's integrity_check / foreign_key_check say.
  std::vector<std::string> problems;
};

// Reads only: the schema version, rows per table and what is wrong.
CheckReport check_database(Database& db);

}  // namespace cadence::store
