#include "store/migrations.h"

#include "store/columns.h"

namespace cadence::store {

namespace {

using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

// Dates and timestamps are TEXT (see columns.h); lists are ';'-joined TEXT. Unit parents are
// checked only at commit, so one import can add a unit and its parent in any order.
std::vector<Migration> cadence_migrations() {
  return {
      {1,
       "units, records, audit and users",
       {
           R"(CREATE TABLE units (
              key {autoincrement_key},
              id TEXT NOT NULL UNIQUE,
              parent TEXT REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
              name TEXT NOT NULL,
              type TEXT NOT NULL,
              secretary_email TEXT NOT NULL DEFAULT '',
              admin_emails TEXT NOT NULL DEFAULT '',
              timezone TEXT NOT NULL,
              active_from TEXT,
              active_until TEXT,
              created_at TEXT NOT NULL,
              updated_at TEXT NOT NULL))",
           "CREATE INDEX units_by_parent ON units (parent)",
           R"(CREATE TABLE records (
              id {autoincrement_key},
              unit TEXT NOT NULL REFERENCES units (id),
              rule TEXT NOT NULL,
              date TEXT NOT NULL,
              period TEXT NOT NULL DEFAULT '',
              tags TEXT NOT NULL DEFAULT '',
              note TEXT NOT NULL DEFAULT '',
              created_at TEXT NOT NULL,
              created_by TEXT NOT NULL,
              updated_at TEXT NOT NULL,
              updated_by TEXT NOT NULL,
              UNIQUE (unit, rule, date, period)))",
           // Covering: `cadence check` reads every record of a date range (RecordRepository::scan);
           // with an index on date alone each row costs a table lookup (1 million rows: 1.4 s
           // against 0.5 s).
           "CREATE INDEX records_by_date ON records (date, unit, rule, tags, period)",
           R"(CREATE TABLE audit (
              id {autoincrement_key},
              at TEXT NOT NULL,
              actor TEXT NOT NULL,
              action TEXT NOT NULL,
              entity TEXT NOT NULL,
              entity_id TEXT NOT NULL,
              before TEXT,
              after TEXT))",
           "CREATE INDEX audit_by_entity ON audit (entity, entity_id)",
           R"(CREATE TABLE users (
              id {autoincrement_key},
              email TEXT NOT NULL UNIQUE,
              unit TEXT NOT NULL REFERENCES units (id),
              role TEXT NOT NULL,
              password_hash TEXT,
              created_at TEXT NOT NULL))",
       }},
      {2,
       "feed tokens, feed item versions and change counters",
       {
           // Only the SHA-256 of a token is stored: a copy of the database reveals no feed URL.
           R"(CREATE TABLE feed_tokens (
              id {autoincrement_key},
              unit TEXT NOT NULL REFERENCES units (id),
              hash TEXT NOT NULL UNIQUE,
              label TEXT NOT NULL DEFAULT '',
              created_at TEXT NOT NULL,
              created_by TEXT NOT NULL,
              revoked_at TEXT,
              last_fetched_at TEXT,
              last_user_agent TEXT,
              fetch_count INTEGER NOT NULL DEFAULT 0))",
           "CREATE INDEX feed_tokens_by_unit ON feed_tokens (unit)",
           // What each feed item looked like when last served, so SEQUENCE rises when it changes.
           R"(CREATE TABLE feed_items (
              uid TEXT NOT NULL PRIMARY KEY,
              fingerprint TEXT NOT NULL,
              sequence INTEGER NOT NULL,
              changed_at TEXT NOT NULL))",
           // Bumped by every write of units, records or tokens: a server compares one row to
           // know whether what it cached is still current.
           R"(CREATE TABLE change_counters (
              name TEXT NOT NULL PRIMARY KEY,
              version INTEGER NOT NULL))",
           "INSERT INTO change_counters (name, version) VALUES ('units', 0), ('records', 0), ('tokens', 0)",
       }},
      {3,
       "the reminder outbox",
       {
           // One row per X-Cadence-Key: the unique key is what makes a pass's decisions idempotent.
           // Empty text rather than NULL where a value is absent, so one binding reads both backends.
           R"(CREATE TABLE outbox (
              id {autoincrement_key},
              message_key TEXT NOT NULL UNIQUE,
              unit TEXT NOT NULL,
              kind TEXT NOT NULL,
              recipients TEXT NOT NULL,
              subject TEXT NOT NULL,
              text_body TEXT NOT NULL,
              html_body TEXT NOT NULL,
              calendar TEXT NOT NULL,
              message_date TEXT NOT NULL,
              zone TEXT NOT NULL,
              status TEXT NOT NULL,
              tries INTEGER NOT NULL,
              resend_once INTEGER NOT NULL,
              next_attempt_at TEXT NOT NULL,
              lease_until TEXT NOT NULL,
              claimed_by TEXT NOT NULL,
              last_reply TEXT NOT NULL,
              created_at TEXT NOT NULL,
              sent_at TEXT NOT NULL))",
           "CREATE INDEX outbox_by_status ON outbox (status, next_attempt_at)",
           // Units whose secretary and administrators asked for no digests (mandatory reminders stay).
           R"(CREATE TABLE digest_optouts (
              unit TEXT NOT NULL PRIMARY KEY REFERENCES units (id),
              changed_at TEXT NOT NULL,
              changed_by TEXT NOT NULL))",
       }},
      {4,
       "accounts: grants, API tokens, sessions and login failures",
       {
           // users.unit and users.role keep the grant a user was created with; what a user may do
           // is read from user_grants alone, where a person holds any number of roles.
           "ALTER TABLE users ADD COLUMN disabled_at TEXT",
           "ALTER TABLE users ADD COLUMN updated_at TEXT",
           R"(CREATE TABLE user_grants (
              id {autoincrement_key},
              user_id BIGINT NOT NULL REFERENCES users (id),
              unit TEXT NOT NULL REFERENCES units (id),
              role TEXT NOT NULL,
              created_at TEXT NOT NULL,
              created_by TEXT NOT NULL,
              UNIQUE (user_id, unit, role)))",
           "CREATE INDEX user_grants_by_unit ON user_grants (unit)",
           "INSERT INTO user_grants (user_id, unit, role, created_at, created_by) "
           "SELECT id, unit, role, created_at, 'schema version 4' FROM users",
           // Tokens and sessions are found by the SHA-256 of their secret, which is never stored.
           R"(CREATE TABLE api_tokens (
              id {autoincrement_key},
              user_id BIGINT NOT NULL REFERENCES users (id),
              hash TEXT NOT NULL UNIQUE,
              label TEXT NOT NULL DEFAULT '',
              created_at TEXT NOT NULL,
              created_by TEXT NOT NULL,
              revoked_at TEXT,
              last_used_at TEXT))",
           "CREATE INDEX api_tokens_by_user ON api_tokens (user_id)",
           // The CSRF token of a session is derived from its secret (session_repository.h), so
           // it needs no column of its own.
           R"(CREATE TABLE sessions (
              id {autoincrement_key},
              user_id BIGINT NOT NULL REFERENCES users (id),
              hash TEXT NOT NULL UNIQUE,
              created_at TEXT NOT NULL,
              last_seen_at TEXT NOT NULL,
              ended_at TEXT,
              end_reason TEXT NOT NULL DEFAULT ''))",
           "CREATE INDEX sessions_by_user ON sessions (user_id)",
           // Failed logins per account (the email as typed, lower-cased, known or not): several
           // instances share the throttle.
           R"(CREATE TABLE login_failures (
              id {autoincrement_key},
              email TEXT NOT NULL,
              at TEXT NOT NULL))",
           "CREATE INDEX login_failures_by_email ON login_failures (email, at)",
       }},
      {5,
       "records reviewed: attendance, returns and evidence",
       {
           // 应到/实到, both optional (NULL when not given).
           "ALTER TABLE records ADD COLUMN attendance_expected INTEGER",
           "ALTER TABLE records ADD COLUMN attendance_present INTEGER",
           // 'submitted' or 'returned' (退回 by an administrator above, with the reason, who and
           // when, until the secretary corrects and resubmits it). A returned record counts nowhere.
           "ALTER TABLE records ADD COLUMN status TEXT NOT NULL DEFAULT 'submitted'",
           "ALTER TABLE records ADD COLUMN returned_reason TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE records ADD COLUMN returned_by TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE records ADD COLUMN returned_at TEXT NOT NULL DEFAULT ''",
           // The covering index of RecordRepository::scan holds only the records that count, so
           // leaving returned ones out costs the scan no table lookups (the condition is written
           // literally there too: a partial index serves only a query that implies it).
           "DROP INDEX records_by_date",
           "CREATE INDEX records_by_date ON records (date, unit, rule, tags, period) WHERE status <> 'returned'",
           // Links and uploaded files (PDF, JPEG, PNG), kept in the database so that every
           // instance serving it sees them.
           R"(CREATE TABLE record_evidence (
              id {autoincrement_key},
              record BIGINT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
              kind TEXT NOT NULL,
              link TEXT NOT NULL DEFAULT '',
              filename TEXT NOT NULL DEFAULT '',
              media_type TEXT NOT NULL DEFAULT '',
              size BIGINT NOT NULL DEFAULT 0,
              content {blob},
              created_at TEXT NOT NULL,
              created_by TEXT NOT NULL))",
           "CREATE INDEX record_evidence_by_record ON record_evidence (record)",
       }},
      {6,
       "outbox: failure notices and sends whose outcome is unknown",
       {
           // The key of the daily notice that told the unit's administrators about this failed
           // row; '' while none has. Marked in the notice's own transaction: listed once, never lost.
           "ALTER TABLE outbox ADD COLUMN reported_in TEXT NOT NULL DEFAULT ''",
           // Counted up in its own committed statement just before the message's bytes go out, and
           // back down once the server's answer is known: what is left counts the deliveries that
           // may have reached the server. One such is resent; after two, no more (status unconfirmed).
           "ALTER TABLE outbox RENAME COLUMN resend_once TO unconfirmed_sends",
           // Partial: only the few rows a failure notice has yet to list, so that the million
           // rows a first pass over a province adds cost no index entry here.
           "CREATE INDEX outbox_unreported ON outbox (unit) "
           "WHERE reported_in = '' AND status IN ('failed', 'unconfirmed')",
       }},
      {7,
       "units: when their records last changed",
       {
           // The records counter of the last transaction that changed the unit's records
           // (store::records_changed): a server keeping the records in memory re-reads the units
           // stamped after the counter it last read, not 6 million records after every write.
           "ALTER TABLE units ADD COLUMN records_version BIGINT NOT NULL DEFAULT 0",
           "CREATE INDEX units_by_records_version ON units (records_version)",
       }},
      {8,
       "outbox: a unit's emails, newest first",
       {
           // The unit's page lists the emails about it (Outbox::of_unit): without this, every
           // view of a page would read the whole outbox, a million rows after a province's pass.
           "CREATE INDEX outbox_by_unit ON outbox (unit, id)",
       }},
  };
}

bool has_version_table(Database& db) {
  bool has_table = false;
  const char* sql = db.dialect().backend == Backend::sqlite
                        ? "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
                        : "SELECT COUNT(*) > 0 FROM information_schema.tables "
                          "WHERE table_schema = current_schema() AND table_name = 'schema_migrations'";
  db.session() << sql, into(has_table), now;
  return has_table;
}

// A PostgreSQL database is created by its administrator, not by cadence: one without Cadence's
// tables is, for a command that does not create one, as missing as an SQLite file that is not there.
void refuse_foreign_postgresql(Database& db) {
  if (db.dialect().backend == Backend::postgresql && db.access() != Access::create && !has_version_table(db))
    throw MissingDatabase("database '" + db.name() + "' holds no Cadence schema (no schema_migrations table)");
}

void ensure_version_table(Database& db) {
  db.session() << "CREATE TABLE IF NOT EXISTS schema_migrations ("
                  "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
      now;
}

int applied_version(Database& db) {
  int version = 0;
  db.session() << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", into(version), now;
  return version;
}

void refuse_newer(const Database& db, int version, int known) {
  if (version > known)
    throw StoreError("database '" + db.name() + "' has schema version " + std::to_string(version) +
                     ", newer than version " + std::to_string(known) +
                     ", the newest this cadence knows: upgrade cadence");
}

void apply(Database& db, const Migration& migration) {
  Transaction transaction(db);
  // PostgreSQL writers do not exclude each other: two processes migrating at once queue here.
  if (db.dialect().backend == Backend::postgresql)
    db.session() << "LOCK TABLE schema_migrations IN SHARE ROW EXCLUSIVE MODE", now;
  // Another process may have applied it since we looked: the write lock is ours now.
  if (applied_version(db) >= migration.version) return;
  for (auto statement : migration.statements) db.session() << db.dialect().sql(statement), now;
  db.session() << db.dialect().sql("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"),
      bind(migration.version), bind(timestamp_text(db.now())), now;
  transaction.commit();
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> list = cadence_migrations();
  return list;
}

int latest_schema_version() { return migrations().back().version; }

int schema_version(Database& db) {
  try {
    return applied_version(db);
  } catch (...) {
    rethrow_with_context("cannot read the schema version of '" + db.name() + "'");
  }
}

void migrate(Database& db, const std::vector<Migration>& list) {
  int current = 0;
  try {
    refuse_foreign_postgresql(db);
    ensure_version_table(db);
    current = applied_version(db);
  } catch (...) {
    rethrow_with_context("cannot read the schema version of '" + db.name() + "'");
  }
  refuse_newer(db, current, list.empty() ? 0 : list.back().version);
  for (const auto& migration : list) {
    if (migration.version <= current) continue;
    try {
      apply(db, migration);
    } catch (...) {
      rethrow_with_context("cannot migrate database '" + db.name() + "' to schema version " +
                           std::to_string(migration.version) + " (" + std::string(migration.description) +
                           ")");
    }
  }
}

void require_current_schema(Database& db, const std::vector<Migration>& list) {
  const int known = list.empty() ? 0 : list.back().version;
  int current = 0;
  try {
    refuse_foreign_postgresql(db);
    if (has_version_table(db)) current = applied_version(db);
  } catch (...) {
    rethrow_with_context("cannot read the schema version of '" + db.name() + "'");
  }
  refuse_newer(db, current, known);
  if (current < known)
    throw StoreError("database '" + db.name() + "' has schema version " + std::to_string(current) +
                     ", older than version " + std::to_string(known) +
                     " of this cadence, and a command that only reads does not upgrade it: run a command "
                     "that writes (an import, `records add`, `token issue`) or `cadence serve` once");
}

}  // namespace cadence::store
