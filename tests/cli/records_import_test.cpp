// `cadence records import` streams the file into the store (bounded memory) and stays all or
// nothing: every bad row named, repeats found among rows of any batch, nothing written.
#include "cli_runner.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {

using testing::Backend;
using testing::CliRunner;

const std::string kGolden = CADENCE_SOURCE_DIR "/tests/cli/golden";
const std::string kHeader = "unit,rule,date,tags,period,note\n";

// The bulk path differs by backend (SQLite stages in a temp table; PostgreSQL in multi-row
// inserts): each test runs on both.
class RecordsImportTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { ASSERT_EQ(cli.run(golden({"units", "import", kGolden + "/units.csv"})).code, 0); }
  std::vector<std::string> golden(std::vector<std::string> args) const {
    args.push_back("--rules=" + kGolden + "/rules");
    args.push_back("--calendars=" CADENCE_SOURCE_DIR "/calendars");
    args.push_back("--db=" + db.uri());
    return args;
  }
  std::string listed(const std::string& unit) const {
    return cli.run(golden({"records", "list", "--unit", unit})).out;
  }
  testing::TestDatabase db{GetParam()};
  CliRunner cli;
};

INSTANTIATE_TEST_SUITE_P(Backends, RecordsImportTest, CADENCE_BOTH_BACKENDS);

TEST_P(RecordsImportTest, EveryBadRowAndEveryRepeatIsNamedAndNothingIsStored) {
  const auto path = cli.dir().write("r.csv", kHeader +
                                                 "town-b,study-group-session,2026-01-08,,,\n"   // 2
                                                 "town-b,study-group-session,2026-01-09,,,\n"   // 3
                                                 "town-b,study-group-session,2026-13-01,,,\n"   // 4
                                                 "town-b,study-group-session,2026-01-08,,,x\n"  // 5
                                                 "nosuch,study-group-session,2026-01-10,,,\n"   // 6
                                                 "town-b,study-group-session,2026-01-09,,,\n"); // 7
  const auto r = cli.run(golden({"records", "import", path}));
  EXPECT_EQ(r.code, 2);
  for (const auto& expected : {path + ":4: error: date: '2026-13-01' is not a date",
                               path + ":6: error: unit: unknown unit 'nosuch'",
                               path + ":5: error: row: repeats the record on line 2",
                               path + ":7: error: row: repeats the record on line 3",
                               path + ": error: nothing was imported"})
    EXPECT_NE(r.err.find(expected), std::string::npos) << expected << "\n" << r.err;
  EXPECT_EQ(listed("town-b").find("2026-01-08"), std::string::npos);
}

TEST_P(RecordsImportTest, RepeatsBeyondTheFiftyNamedAreCounted) {
  std::string content = kHeader;
  for (int i = 0; i < 60; ++i) content += "town-b,study-group-session,2026-01-08,,,\n";
  const auto path = cli.dir().write("r.csv", content);
  const auto r = cli.run(golden({"records", "import", path}));
  EXPECT_EQ(r.code, 2);
  // Lines 3 to 61 repeat line 2's record: the first 50 are named, each after the one before.
  EXPECT_NE(r.err.find(path + ":52: error: row: repeats the record on line 51"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(path + ":53: error"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("9 more rows have problems"), std::string::npos) << r.err;
}

TEST_P(RecordsImportTest, AFileOfMoreThanOneBatchIsStoredWhole) {
  // Staged 10,000 rows at a time: 25,000 distinct (date, note) rows span three batches.
  std::string content = kHeader;
  int rows = 0;
  for (int year = 2000; year < 2100 && rows < 25'000; ++year)
    for (int day = 1; day <= 28 && rows < 25'000; ++day)
      for (int month = 1; month <= 12 && rows < 25'000; ++month, ++rows) {
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
        content += std::string("town-b,study-group-session,") + date + ",,,n\n";
      }
  const auto path = cli.dir().write("r.csv", content + "town-b,study-group-session,2000-01-01,,,again\n");
  const auto repeated = cli.run(golden({"records", "import", path}));
  EXPECT_EQ(repeated.code, 2);
  EXPECT_NE(repeated.err.find(":25002: error: row: repeats the record on line 2"), std::string::npos) << repeated.err;
  cli.dir().write("r.csv", content);
  const auto r = cli.run(golden({"records", "import", path}));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("25000 records — 25000 added, 0 updated, 0 unchanged"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace cadence
