#pragma once
// A fresh database per test — an SQLite file or a PostgreSQL database, as the test's parameter
// says — removed afterwards, and a clock the test sets.
#include "core/day.h"
#include "store/database.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

namespace cadence::store::test {

using TempFile = cadence::testing::SqliteFile;
using cadence::testing::Backend;

// 2026-03-01T08:00:00Z until a test moves it.
class FakeClock {
 public:
  Clock clock() {
    return [this] { return now_; };
  }
  void advance(std::chrono::seconds by) { now_ += by; }

 private:
  std::chrono::system_clock::time_point now_ =
      date::sys_days{date::year{2026} / 3 / 1} + std::chrono::hours{8};
};

class StoreFixture {
 protected:
  explicit StoreFixture(Backend backend) : target(backend), db(target.uri(), clock.clock()) {}

  // What --db would name: the file's path or the PostgreSQL URI.
  std::string uri() const { return target.uri(); }
  bool on_postgresql() const { return target.backend() == Backend::postgresql; }
  // Another connection to the same database, as a second process would have.
  std::unique_ptr<Database> reopen() { return std::make_unique<Database>(uri(), clock.clock()); }

  int count(const std::string& sql) {
    int n = 0;
    db.session() << sql, Poco::Data::Keywords::into(n), Poco::Data::Keywords::now;
    return n;
  }
  std::string text(const std::string& sql) {
    std::string value;
    db.session() << sql, Poco::Data::Keywords::into(value), Poco::Data::Keywords::now;
    return value;
  }

  // Whether the database has a table of that name (in the connection's schema).
  bool has_table(const std::string& name) {
    return count(on_postgresql()
                     ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                       "AND table_name = '" + name + "'"
                     : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '" + name + "'") == 1;
  }
  // From now on an insert into `table` of a row meeting `condition` (on NEW) fails with
  // "injected failure", in the backend's own trigger language.
  void fail_inserts_when(const std::string& table, const std::string& condition) {
    if (on_postgresql()) {
      db.session() << "CREATE FUNCTION fail_" + table + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF " +
                          condition + " THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$",
          Poco::Data::Keywords::now;
      db.session() << "CREATE TRIGGER fail BEFORE INSERT ON " + table + " FOR EACH ROW EXECUTE FUNCTION fail_" +
                          table + "()",
          Poco::Data::Keywords::now;
    } else {
      db.session() << "CREATE TRIGGER fail BEFORE INSERT ON " + table + " WHEN " + condition +
                          " BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
          Poco::Data::Keywords::now;
    }
  }
  void stop_failing(const std::string& table) {
    db.session() << (on_postgresql() ? "DROP TRIGGER fail ON " + table : std::string("DROP TRIGGER fail")),
        Poco::Data::Keywords::now;
  }

  cadence::testing::TestDatabase target;
  FakeClock clock;
  Database db;
};

// Run once per backend: INSTANTIATE_TEST_SUITE_P(Backends, <suite>, CADENCE_BOTH_BACKENDS).
class StoreTest : public ::testing::TestWithParam<Backend>, public StoreFixture {
 protected:
  StoreTest() : StoreFixture(GetParam()) {}
};

// What only SQLite has (PRAGMAs, its writer lock).
class SqliteStoreTest : public ::testing::Test, public StoreFixture {
 protected:
  SqliteStoreTest() : StoreFixture(Backend::sqlite) {}
};

// Makes every later write on `db` fail (or work again), on either backend.
inline void refuse_writes(Database& db, bool refuse) {
  const bool pg = db.dialect().backend == store::Backend::postgresql;
  db.session() << (pg ? std::string("SET default_transaction_read_only = ") + (refuse ? "on" : "off")
                      : std::string("PRAGMA query_only = ") + (refuse ? "ON" : "OFF")),
      Poco::Data::Keywords::now;
}

inline Day day(const char* text) { return *parse_day(text); }

}  // namespace cadence::store::test
