#pragma once
// What differs between the SQL backends the store speaks. Everything else is written once, in
// the SQL both SQLite (>= 3.39) and PostgreSQL accept: `INSERT … ON CONFLICT (…) DO UPDATE SET
// … = excluded.…`, `RETURNING`, `IS DISTINCT FROM`, `CREATE TEMP TABLE`, `SAVEPOINT`. A backend
// that needs a different upsert (MySQL's ON DUPLICATE KEY) would add a field here.
#include <cstddef>
#include <string>
#include <string_view>

namespace cadence::store {

enum class Backend { sqlite, postgresql };

struct Dialect {
  Backend backend = Backend::sqlite;
  std::string_view name;  // for messages: "SQLite"
  // Column definition of a generated integer primary key.
  std::string_view autoincrement_key;
  // How a write transaction starts (see sqlite_dialect() for why SQLite's differs).
  std::string_view begin_transaction;
  // Function building a JSON object from alternating key, value arguments.
  std::string_view json_object;
  // After CREATE TABLE (…): a table stored in its primary key's order, with no separate index
  // ("" where every table is a heap with indexes beside it).
  std::string_view without_rowid;
  // After a SELECT inside a transaction: the rows read stay as read until it ends (PostgreSQL's
  // FOR SHARE; "" for SQLite, whose write transactions hold the whole database already).
  std::string_view for_share;
  // After a SELECT inside a transaction: the rows read are this transaction's to change until it
  // ends, a second one waiting (PostgreSQL's FOR UPDATE; "" for SQLite, as for_share).
  std::string_view for_update;
  // Column type of raw bytes (uploaded evidence): BLOB, BYTEA.
  std::string_view blob;
  // PostgreSQL's connector wants $1, $2, … where SQLite takes ?.
  bool numbered_placeholders = false;
  // Rows one INSERT … VALUES (…), (…) carries in a bulk write. SQLite: 1, a statement prepared
  // once and run per row is its fastest way. PostgreSQL: a few hundred, as Poco's connector runs
  // a statement bound to vectors once per row, each a round trip to the server.
  std::size_t rows_per_insert = 1;

  // `text` for this backend: its {autoincrement_key}, {json_object}, {without_rowid}, {for_share}, {for_update} and {blob} tokens filled in and
  // its ? placeholders (outside quoted literals) written the backend's way.
  std::string sql(std::string_view text) const;
};

Dialect sqlite_dialect();
Dialect postgresql_dialect();

}  // namespace cadence::store
