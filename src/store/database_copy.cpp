#include "store/database_copy.h"

#include "store/migrations.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

namespace cadence::store {

namespace {

using Poco::Data::Statement;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::limit;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;
using Value = Poco::Nullable<std::string>;

// Every table of schema version 7, parents before children. Integer columns are cast on the
// way in: values travel as text, which PostgreSQL does not turn into a number by itself.
struct Table {
  const char* name;
  std::vector<const char*> columns;
  std::vector<const char*> integers;
  const char* identity;  // the generated key, whose sequence follows the copied ids ("" if none)
  std::vector<const char*> blobs = {};  // raw bytes, copied apart (copy_blobs): text would not carry them
};

const std::vector<Table>& tables() {
  static const std::vector<Table> list = {
      {"schema_migrations", {"version", "applied_at"}, {"version"}, ""},
      {"units",
       {"key", "id", "parent", "name", "type", "secretary_email", "admin_emails", "timezone", "active_from",
        "active_until", "created_at", "updated_at", "records_version"},
       {"key", "records_version"},
       "key"},
      {"records",
       {"id", "unit", "rule", "date", "period", "tags", "note", "created_at", "created_by", "updated_at", "updated_by",
        "attendance_expected", "attendance_present", "status", "returned_reason", "returned_by", "returned_at"},
       {"id", "attendance_expected", "attendance_present"},
       "id"},
      {"record_evidence",
       {"id", "record", "kind", "link", "filename", "media_type", "size", "created_at", "created_by"},
       {"id", "record", "size"},
       "id",
       {"content"}},
      {"audit", {"id", "at", "actor", "action", "entity", "entity_id", "before", "after"}, {"id"}, "id"},
      {"users", {"id", "email", "unit", "role", "password_hash", "created_at", "disabled_at", "updated_at"}, {"id"}, "id"},
      {"user_grants", {"id", "user_id", "unit", "role", "created_at", "created_by"}, {"id", "user_id"}, "id"},
      {"api_tokens",
       {"id", "user_id", "hash", "label", "created_at", "created_by", "revoked_at", "last_used_at"},
       {"id", "user_id"},
       "id"},
      {"sessions", {"id", "user_id", "hash", "created_at", "last_seen_at", "ended_at", "end_reason"}, {"id", "user_id"}, "id"},
      {"login_failures", {"id", "email", "at"}, {"id"}, "id"},
      {"feed_tokens",
       {"id", "unit", "hash", "label", "created_at", "created_by", "revoked_at", "last_fetched_at", "last_user_agent",
        "fetch_count"},
       {"id", "fetch_count"},
       "id"},
      {"feed_items", {"uid", "fingerprint", "sequence", "changed_at"}, {"sequence"}, ""},
      {"change_counters", {"name", "version"}, {"version"}, ""},
      {"outbox",
       {"id", "message_key", "unit", "kind", "recipients", "subject", "text_body", "html_body", "calendar",
        "message_date", "zone", "status", "tries", "unconfirmed_sends", "next_attempt_at", "lease_until", "claimed_by",
        "last_reply", "created_at", "sent_at", "reported_in"},
       {"id", "tries", "unconfirmed_sends"},
       "id"},
      {"digest_optouts", {"unit", "changed_at", "changed_by"}, {}, ""},
  };
  return list;
}

bool is_integer(const Table& t, const std::string& column) {
  for (const char* c : t.integers)
    if (column == c) return true;
  return false;
}

std::string column_list(const Table& t) {
  std::string out;
  for (const char* c : t.columns) out += std::string(out.empty() ? "" : ", ") + c;
  return out;
}

std::string insert_sql(const Table& t) {
  std::string values;
  for (const char* c : t.columns)
    values += std::string(values.empty() ? "" : ", ") + (is_integer(t, c) ? "CAST(? AS BIGINT)" : "?");
  return std::string("INSERT INTO ") + t.name + " (" + column_list(t) + ") VALUES (" + values + ")";
}

std::int64_t count_rows(Database& db, const std::string& table) {
  std::int64_t n = 0;
  db.session() << "SELECT COUNT(*) FROM " + table, into(n), now;
  return n;
}

// What a freshly migrated database holds by itself: its migrations and zeroed counters.
bool holds_data(Database& db) {
  for (const auto& t : tables()) {
    const std::string name = t.name;
    if (name == "schema_migrations") continue;
    const std::string sql = name == "change_counters" ? "SELECT COUNT(*) FROM change_counters WHERE version <> 0"
                                                      : "SELECT COUNT(*) FROM " + name;
    std::int64_t n = 0;
    db.session() << sql, into(n), now;
    if (n > 0) return true;
  }
  return false;
}

void empty_all(Database& db) {
  const auto& list = tables();
  for (auto t = list.rbegin(); t != list.rend(); ++t) db.session() << std::string("DELETE FROM ") + t->name, now;
}

// Streams `t` from `from` into `to` in chunks, one prepared insert run per row.
std::int64_t copy_table(Database& from, Database& to, const Table& t) {
  const std::size_t n = t.columns.size();
  std::vector<std::vector<Value>> chunk(n);
  std::vector<Value> row(n);
  Statement insert(to.session());
  insert << to.dialect().sql(insert_sql(t));
  for (auto& value : row) insert.addBind(use(value));
  Statement select(from.session());
  select << std::string("SELECT ") + column_list(t) + " FROM " + t.name + " ORDER BY " + t.columns.front();
  for (auto& column : chunk) select.addExtract(into(column));
  select, limit(static_cast<Poco::UInt32>(10000));
  std::int64_t copied = 0;
  while (!select.done()) {
    for (auto& column : chunk) column.clear();
    select.execute();
    for (std::size_t r = 0; r < chunk.front().size(); ++r, ++copied) {
      for (std::size_t c = 0; c < n; ++c) row[c] = chunk[c][r];
      insert.execute();
    }
  }
  return copied;
}

// Row by row, by the table's first column (its key): evidence files are few and each up to 10 MB.
void copy_blobs(Database& from, Database& to, const Table& t) {
  for (const char* column : t.blobs) {
    std::vector<std::int64_t> keys;
    from.session() << std::string("SELECT ") + t.columns.front() + " FROM " + t.name + " WHERE " + column +
                          " IS NOT NULL",
        into(keys), now;
    for (const auto key : keys) {
      Poco::Data::BLOB bytes;
      from.session() << from.dialect().sql(std::string("SELECT ") + column + " FROM " + t.name + " WHERE " +
                                           t.columns.front() + " = ?"),
          Poco::Data::Keywords::bind(key), into(bytes), now;
      to.session() << to.dialect().sql(std::string("UPDATE ") + t.name + " SET " + column + " = ? WHERE " +
                                       t.columns.front() + " = ?"),
          Poco::Data::Keywords::bind(bytes), Poco::Data::Keywords::bind(key), now;
    }
  }
}

// PostgreSQL's identity sequences do not see ids inserted explicitly: the next generated one
// would collide with a copied row.
void advance_identity(Database& to, const Table& t) {
  if (to.dialect().backend != Backend::postgresql || std::string(t.identity).empty()) return;
  to.session() << std::string("SELECT setval(pg_get_serial_sequence('") + t.name + "', '" + t.identity +
                      "'), COALESCE(MAX(" + t.identity + "), 0) + 1, false) FROM " + t.name,
      now;
}

}  // namespace

std::vector<TableRows> copy_database(Database& from, Database& to, bool replace) {
  try {
    Transaction transaction(to);
    if (holds_data(to) && !replace)
      throw StoreError("database '" + to.name() +
                       "' already holds data: copy into an empty one, or give --replace to empty it first");
    empty_all(to);
    std::vector<TableRows> copied;
    for (const auto& t : tables()) {
      copied.push_back({t.name, copy_table(from, to, t)});
      copy_blobs(from, to, t);
      advance_identity(to, t);
    }
    transaction.commit();
    return copied;
  } catch (...) {
    rethrow_with_context("cannot copy '" + from.name() + "' to '" + to.name() + "'");
  }
}

namespace {

// The foreign keys of the schema, as queries for the rows whose parent is missing.
struct Orphans {
  const char* what;
  const char* sql;
};

const Orphans kOrphans[] = {
    {"units whose parent is not a unit",
     "SELECT COUNT(*) FROM units c WHERE c.parent IS NOT NULL AND NOT EXISTS (SELECT 1 FROM units p WHERE p.id = c.parent)"},
    {"records of no unit", "SELECT COUNT(*) FROM records r WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.id = r.unit)"},
    {"users of no unit", "SELECT COUNT(*) FROM users r WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.id = r.unit)"},
    {"grants of no user",
     "SELECT COUNT(*) FROM user_grants r WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = r.user_id)"},
    {"grants of no unit", "SELECT COUNT(*) FROM user_grants r WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.id = r.unit)"},
    {"API tokens of no user",
     "SELECT COUNT(*) FROM api_tokens r WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = r.user_id)"},
    {"sessions of no user", "SELECT COUNT(*) FROM sessions r WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = r.user_id)"},
    {"feed tokens of no unit",
     "SELECT COUNT(*) FROM feed_tokens r WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.id = r.unit)"},
};

void check_sqlite(Database& db, std::vector<std::string>& problems) {
  std::vector<std::string> integrity;
  db.session() << "PRAGMA integrity_check", into(integrity), now;
  for (const auto& line : integrity)
    if (line != "ok") problems.push_back("integrity_check: " + line);
  std::vector<std::string> table, parent;
  std::vector<Poco::Nullable<std::int64_t>> rowid;
  std::vector<std::int64_t> key;
  db.session() << "PRAGMA foreign_key_check", into(table), into(rowid), into(parent), into(key), now;
  for (std::size_t i = 0; i < table.size(); ++i)
    problems.push_back("foreign_key_check: a row of " + table[i] + " refers to a missing row of " + parent[i]);
}

}  // namespace

CheckReport check_database(Database& db) {
  try {
    CheckReport report;
    report.schema_version = db.schema_version();
    for (const auto& t : tables()) report.tables.push_back({t.name, count_rows(db, t.name)});
    for (const auto& o : kOrphans) {
      std::int64_t n = 0;
      db.session() << o.sql, into(n), now;
      if (n > 0) report.problems.push_back(std::to_string(n) + " " + o.what);
    }
    if (db.dialect().backend == Backend::sqlite) check_sqlite(db, report.problems);
    return report;
  } catch (...) {
    rethrow_with_context("cannot check '" + db.name() + "'");
  }
}

}  // namespace cadence::store
