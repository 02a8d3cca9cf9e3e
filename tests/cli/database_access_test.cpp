// Which commands may create or change the database: a command that only reads never does, so
// a mistyped --db is an error instead of an empty database that reports nothing due.
#include "cli_runner.h"
#include "store/database.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace cadence {
namespace {
using testing::CliResult;
using testing::CliRunner;

const std::string kGolden = CADENCE_SOURCE_DIR "/tests/cli/golden";

class DatabaseAccessTest : public ::testing::Test {
 protected:
  CliResult run(std::vector<std::string> args, const std::string& db = "cadence.db") const {
    args.push_back("--rules=" + kGolden + "/rules");
    args.push_back("--calendars=" CADENCE_SOURCE_DIR "/calendars");
    args.push_back("--db=" + db);
    return cli.run(args);
  }
  void import_golden() const {
    ASSERT_EQ(run({"units", "import", kGolden + "/units.csv"}).code, 0);
    ASSERT_EQ(run({"records", "import", kGolden + "/records.csv"}).code, 0);
    ASSERT_EQ(run({"token", "issue", "--unit", "town-a"}).code, 0);
  }
  // The database's files, each with its bytes: what a command that only reads must leave alone.
  std::map<std::string, std::string> database_files() const {
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(cli.dir().path()))
      if (entry.path().filename().string().starts_with("cadence.db"))
        files[entry.path().filename().string()] = CliRunner::slurp(entry.path().string());
    return files;
  }

  CliRunner cli;
};

const std::vector<std::vector<std::string>> kReadCommands{
    {"check", "--as-of", "2026-06-30"},
    {"check", "--as-of", "2026-06-30", "--unit", "town-a", "--format", "json"},
    {"plan", "--unit", "town-a", "--year", "2026"},
    {"units", "list"},
    {"records", "list", "--unit", "town-a"},
    {"token", "list"},
};

TEST_F(DatabaseAccessTest, ReadCommandsOnAMissingDatabaseFailAndCreateNothing) {
  auto commands = kReadCommands;
  commands.push_back({"feed", "--unit", "town-a"});  // keeps its own bookkeeping, but only in a database that exists
  for (const auto& args : commands) {
    const auto r = run(args, "typo.db");
    EXPECT_EQ(r.code, 1) << args[0] << ": " << r.err;
    EXPECT_NE(r.err.find("database 'typo.db' does not exist: create it with `cadence units import FILE.csv`"),
              std::string::npos) << args[0] << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << args[0] << ": " << r.out;
    EXPECT_FALSE(std::filesystem::exists(cli.dir().file("typo.db"))) << args[0] << " created the database";
  }
}

TEST_F(DatabaseAccessTest, ReadCommandsLeaveTheDatabaseAsItWas) {
  import_golden();
  const auto before = database_files();
  ASSERT_EQ(before.count("cadence.db"), 1u);
  for (const auto& args : kReadCommands) {
    const auto r = run(args);
    EXPECT_EQ(r.code, 0) << args[0] << ": " << r.err;
    EXPECT_TRUE(database_files() == before) << args[0] << " changed the database's files";
  }
}

TEST_F(DatabaseAccessTest, ReadCommandsWorkOnADatabaseTheyCannotWrite) {
  import_golden();
  std::filesystem::permissions(cli.dir().file("cadence.db"), std::filesystem::perms::owner_read |
                                                                 std::filesystem::perms::group_read);
  // As root the permission bits do not stop a write; the open mode still has to.
  const auto r = run({"check", "--as-of", "2026-06-30", "--unit", "town-a"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("(town-a)"), std::string::npos) << r.out;
}

TEST_F(DatabaseAccessTest, WritesCreateTheDatabase) {
  EXPECT_EQ(run({"units", "import", kGolden + "/units.csv"}, "units.db").code, 0);
  EXPECT_TRUE(std::filesystem::exists(cli.dir().file("units.db")));
  EXPECT_EQ(run({"records", "import", kGolden + "/records.csv"}, "units.db").code, 0);
}

// On either backend: the test's own database, named with --db.
class DatabaseAccessOnBothTest : public DatabaseAccessTest,
                                 public ::testing::WithParamInterface<testing::Backend> {
 protected:
  CliResult run(std::vector<std::string> args) const { return DatabaseAccessTest::run(std::move(args), database.uri()); }
  void import_golden() const {
    ASSERT_EQ(run({"units", "import", kGolden + "/units.csv"}).code, 0);
    ASSERT_EQ(run({"records", "import", kGolden + "/records.csv"}).code, 0);
    ASSERT_EQ(run({"token", "issue", "--unit", "town-a"}).code, 0);
  }
  testing::TestDatabase database{GetParam()};
};

// Every table's rows, as one digest per table: what a command that only reads must leave alone.
std::map<std::string, std::string> postgresql_contents(const std::string& uri) {
  store::Database db(uri, store::Access::read_only);
  std::map<std::string, std::string> digests;
  for (const char* table : {"schema_migrations", "units", "records", "audit", "users", "feed_tokens", "feed_items",
                            "change_counters"}) {
    std::string digest;
    db.session() << std::string("SELECT md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) FROM ") + table + " t",
        Poco::Data::Keywords::into(digest), Poco::Data::Keywords::now;
    digests[table] = digest;
  }
  return digests;
}

TEST(DatabaseAccessPostgresql, ReadCommandsLeaveTheDatabaseAsItWas) {
  CliRunner cli;
  testing::PgDatabase pg;
  const auto run = [&](std::vector<std::string> args) {
    for (const auto& global : {"--rules=" + kGolden + "/rules", std::string("--calendars=" CADENCE_SOURCE_DIR "/calendars"),
                               "--db=" + pg.uri()})
      args.push_back(global);
    return cli.run(args);
  };
  ASSERT_EQ(run({"units", "import", kGolden + "/units.csv"}).code, 0);
  ASSERT_EQ(run({"records", "import", kGolden + "/records.csv"}).code, 0);
  ASSERT_EQ(run({"token", "issue", "--unit", "town-a"}).code, 0);
  const auto before = postgresql_contents(pg.uri());
  for (const auto& args : kReadCommands) {
    const auto r = run(args);
    EXPECT_EQ(r.code, 0) << args[0] << ": " << r.err;
    EXPECT_TRUE(postgresql_contents(pg.uri()) == before) << args[0] << " changed the database";
  }
}

TEST(DatabaseAccessPostgresql, ReadCommandsOnADatabaseWithoutCadenceFailAndCreateNothing) {
  CliRunner cli;
  testing::PgDatabase empty;
  for (const auto& args : kReadCommands) {
    auto full = args;
    full.push_back("--db=" + empty.uri());
    full.push_back("--rules=" + kGolden + "/rules");
    full.push_back("--calendars=" CADENCE_SOURCE_DIR "/calendars");
    const auto r = cli.run(full);
    EXPECT_EQ(r.code, 1) << args[0] << ": " << r.err;
    EXPECT_NE(r.err.find("holds no Cadence schema"), std::string::npos) << args[0] << ": " << r.err;
  }
  std::size_t tables = 1;
  Poco::Data::Session admin(new Poco::Data::PostgreSQL::SessionImpl(
      "host=" + testing::pg_host() + " user=postgres dbname=" + empty.name(), 10));
  admin << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'",
      Poco::Data::Keywords::into(tables), Poco::Data::Keywords::now;
  EXPECT_EQ(tables, 0u);
}

TEST_P(DatabaseAccessOnBothTest, AnUnknownUnitIsTheSameErrorInEveryCommand) {
  import_golden();
  const std::vector<std::vector<std::string>> commands{
      {"check", "--as-of", "2026-06-30", "--unit", "nosuch"},
      {"plan", "--unit", "nosuch", "--year", "2026"},
      {"feed", "--unit", "nosuch"},
      {"records", "list", "--unit", "nosuch"},
      {"records", "add", "--unit", "nosuch", "--rule", "study-group-session", "--date", "2026-03-05"},
      {"records", "import-ics", "--unit", "nosuch", "--dry-run", cli.dir().file("empty")},
      {"token", "issue", "--unit", "nosuch"},
      {"token", "list", "--unit", "nosuch"},
      {"token", "revoke", "--unit", "nosuch", "--id", "1"},
  };
  for (const auto& args : commands) {
    const auto r = run(args);
    EXPECT_EQ(r.code, 2) << args[0] << " " << args[1] << ": " << r.err;
    EXPECT_EQ(r.err, "cadence: --unit: no unit 'nosuch' (cadence units list shows them; cadence units import FILE.csv "
                     "adds them)\n") << args[0] << " " << args[1];
    EXPECT_TRUE(r.out.empty()) << args[0] << " " << args[1] << ": " << r.out;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseAccessOnBothTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence
