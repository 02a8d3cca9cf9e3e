// Which commands may create or change the database: a command that only reads never does, so
// a mistyped --db is an error instead of an empty database that reports nothing due.
#include "cli_runner.h"

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

TEST_F(DatabaseAccessTest, AnUnknownUnitIsTheSameErrorInEveryCommand) {
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

}  // namespace
}  // namespace cadence
