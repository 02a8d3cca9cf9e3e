#include "store/database.h"

#include "store/migrations.h"
#include "store_fixture.h"

#include <fstream>

namespace cadence::store {
namespace {

using test::SqliteStoreTest;
using test::StoreTest;
using test::TempFile;

std::string open_error(const std::string& uri) {
  try {
    Database db(uri);
  } catch (const StoreError& error) {
    return error.what();
  }
  return "no error";
}

TEST_F(SqliteStoreTest, SqliteRunsInWalModeWithForeignKeysAndABusyTimeout) {
  EXPECT_EQ(text("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(count("PRAGMA foreign_keys"), 1);
  EXPECT_EQ(count("PRAGMA busy_timeout"), 5000);
}

TEST_F(SqliteStoreTest, PageCacheIsLargeUnlessTheOpenerAsksForLess) {
  EXPECT_EQ(count("PRAGMA cache_size"), -65536);
  Database small(uri(), clock.clock(), 2048);
  int kib = 0;
  small.session() << "PRAGMA cache_size", Poco::Data::Keywords::into(kib), Poco::Data::Keywords::now;
  EXPECT_EQ(kib, -2048);
}

TEST(Database, CreatesTheFile) {
  TempFile dir_marker;
  const std::string path = dir_marker.path() + ".new.db";
  {
    Database db(path);
    EXPECT_TRUE(std::filesystem::exists(path));
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

TEST(Database, MissingDirectoryIsAClearError) {
  EXPECT_EQ(open_error("/nonexistent-cadence-dir/x.db"),
            "cannot open database '/nonexistent-cadence-dir/x.db': unable to open database file");
}

TEST(Database, AFileThatIsNotADatabaseIsAClearError) {
  TempFile file;
  std::ofstream(file.path()) << std::string(4096, 'x');
  EXPECT_EQ(open_error(file.path()), "cannot open database '" + file.path() + "': file is not a database");
}

TEST(Database, AnEmptyNameIsRefused) {
  EXPECT_EQ(open_error(""), "no database given: name an SQLite file or a postgresql:// URI");
}

TEST(Database, APasswordInTheUriIsRefusedWithoutShowingIt) {
  const std::string message = open_error("postgresql://cadence:s3cret@db.example.org/cadence");
  EXPECT_EQ(message,
            "the database URI 'postgresql://cadence:***@db.example.org/cadence' carries a password, which would "
            "show in process lists, shell histories and logs: remove it and give it with --db-password-file FILE, "
            "PGPASSWORD or a ~/.pgpass file");
  EXPECT_EQ(open_error("postgres://db.example.org/cadence?password=s3cret").find("s3cret"), std::string::npos);
}

TEST(Database, AUriLibpqCannotReadIsAClearError) {
  EXPECT_EQ(open_error("postgresql://[::1/cadence"),
            "cannot read the database URI 'postgresql://[::1/cadence': end of string reached when looking for "
            "matching \"]\" in IPv6 host address in URI: \"postgresql://[::1/cadence\"");
}

TEST_P(StoreTest, NowComesFromTheInjectedClock) {
  EXPECT_EQ(db.now(), date::sys_days{date::year{2026} / 3 / 1} + std::chrono::hours{8});
  clock.advance(std::chrono::seconds{90});
  EXPECT_EQ(db.now(),
            date::sys_days{date::year{2026} / 3 / 1} + std::chrono::hours{8} + std::chrono::seconds{90});
}

class TransactionTest : public StoreTest {
 protected:
  void SetUp() override { db.session() << "CREATE TABLE t (x INTEGER)", Poco::Data::Keywords::now; }
  void insert(int x) {
    db.session() << db.dialect().sql("INSERT INTO t VALUES (?)"), Poco::Data::Keywords::bind(x),
        Poco::Data::Keywords::now;
  }
};

TEST_P(TransactionTest, CommittedWorkStays) {
  Transaction transaction(db);
  insert(1);
  transaction.commit();
  EXPECT_EQ(count("SELECT COUNT(*) FROM t"), 1);
}

TEST_P(TransactionTest, WorkNotCommittedIsUndone) {
  {
    Transaction transaction(db);
    insert(1);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM t"), 0);
}

TEST_P(TransactionTest, AnExceptionUndoesTheWork) {
  try {
    Transaction transaction(db);
    insert(1);
    throw std::runtime_error("injected");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM t"), 0);
}

TEST_P(TransactionTest, AnInnerTransactionUndoesOnlyItsOwnWork) {
  Transaction outer(db);
  insert(1);
  {
    Transaction inner(db);
    insert(2);
  }
  {
    Transaction inner(db);
    insert(3);
    inner.commit();
  }
  outer.commit();
  EXPECT_EQ(count("SELECT SUM(x) FROM t"), 4);
}

TEST_P(TransactionTest, UndoingTheOuterTransactionUndoesCommittedInnerOnes) {
  {
    Transaction outer(db);
    Transaction inner(db);
    insert(1);
    inner.commit();
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM t"), 0);
}

TEST_P(TransactionTest, ReadersDoNotWaitForAWriter) {
  auto reader = reopen();
  Transaction transaction(db);
  insert(1);
  int seen = -1;
  reader->session() << "SELECT COUNT(*) FROM t", Poco::Data::Keywords::into(seen), Poco::Data::Keywords::now;
  EXPECT_EQ(seen, 0);
  transaction.commit();
  reader->session() << "SELECT COUNT(*) FROM t", Poco::Data::Keywords::into(seen), Poco::Data::Keywords::now;
  EXPECT_EQ(seen, 1);
}

TEST(Database, ADatabaseThatMustExistIsNeverCreated) {
  TempFile marker;
  const std::string path = marker.path() + ".missing.db";
  for (const auto access : {Access::existing, Access::read_only}) {
    EXPECT_THROW(Database(path, access), MissingDatabase);
    EXPECT_FALSE(std::filesystem::exists(path));
  }
}

TEST(Database, APostgresqlDatabaseWithoutCadencesSchemaIsMissingAndStaysEmpty) {
  cadence::testing::PgDatabase empty;
  for (const auto access : {Access::existing, Access::read_only}) {
    try {
      Database db(empty.uri(), access);
      ADD_FAILURE() << "opened a database without Cadence's schema";
    } catch (const MissingDatabase& e) {
      EXPECT_EQ(std::string(e.what()),
                "database '" + empty.uri() + "' holds no Cadence schema (no schema_migrations table)");
    }
  }
  Database created(empty.uri(), Access::create);
  EXPECT_EQ(created.schema_version(), latest_schema_version());
}

TEST_P(StoreTest, AReadOnlyConnectionCannotWrite) {
  Database reader(uri(), Access::read_only);
  EXPECT_EQ(reader.access(), Access::read_only);
  std::size_t units = 1;
  reader.session() << "SELECT COUNT(*) FROM units", Poco::Data::Keywords::into(units), Poco::Data::Keywords::now;
  EXPECT_EQ(units, 0u);
  const auto write = [&] {
    reader.session() << "INSERT INTO schema_migrations (version, applied_at) VALUES (999, 'x')", Poco::Data::Keywords::now;
  };
  EXPECT_ANY_THROW(write());
}

TEST_P(StoreTest, AReadOnlyConnectionRefusesAnOlderSchemaInsteadOfUpgradingIt) {
  const int latest = latest_schema_version();
  db.session() << "DELETE FROM schema_migrations WHERE version = " + std::to_string(latest), Poco::Data::Keywords::now;
  try {
    Database reader(uri(), Access::read_only);
    ADD_FAILURE() << "opened a database at an older schema";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("has schema version " + std::to_string(latest - 1) + ", older than version " +
                                         std::to_string(latest)),
              std::string::npos) << e.what();
  }
  EXPECT_EQ(db.schema_version(), latest - 1);  // still: nothing was written
}

TEST_F(SqliteStoreTest, AWriterThatFindsAnotherWaitingSaysSoOnceThenGivesUpAfterItsTimeout) {
  Database other(uri());
  Transaction holding(other);  // BEGIN IMMEDIATE: the write lock
  Database writer(uri());
  int told = 0;
  writer.wait_for_writers({std::chrono::milliseconds{50}, [&] { ++told; }});
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      Transaction blocked(writer);
      FAIL() << "the lock was not held";
    } catch (const StoreError& error) {
      EXPECT_NE(std::string(error.what()).find("database is locked"), std::string::npos) << error.what();
    }
  }
  EXPECT_EQ(told, 1);
  holding.commit();
  Transaction now_free(writer);
  now_free.commit();
  EXPECT_EQ(told, 1);
}

// StoreTest is instantiated here once for every file of this program that has TEST_P(StoreTest, …).
INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, CADENCE_BOTH_BACKENDS);
INSTANTIATE_TEST_SUITE_P(Backends, TransactionTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::store
