// cadence records import-ics, run as the real binary on a calendar export written with CRLF.
#include "cli_runner.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {
using testing::CliRunner;

const std::string kGolden = CADENCE_SOURCE_DIR "/tests/cli/golden";

std::vector<std::string> golden(std::vector<std::string> args) {
  args.push_back("--rules=" + kGolden + "/rules");
  args.push_back("--calendars=" CADENCE_SOURCE_DIR "/calendars");
  return args;
}

// `records import-ics` as of the end of the first half of 2026.
std::vector<std::string> import_ics(std::vector<std::string> args) {
  args.insert(args.begin(), {"records", "import-ics", "--unit"});
  args.push_back("--as-of=2026-06-30");
  return golden(args);
}

std::string crlf(std::initializer_list<const char*> lines) {
  std::string out;
  for (const auto* line : lines) out += std::string(line) + "\r\n";
  return out;
}

// Line 4: a session held (expanded); 10: a quarterly analysis meeting from January, its April
// one taken out by EXDATE; 17: a Cadence suggestion; 24: lunch; 29: next month's session.
const std::string kCalendar = crlf({
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN",
    "BEGIN:VEVENT", "UID:s1", "DTSTART:20260305T063000Z", "SUMMARY:理论学习中心组集体学习（扩大学", " 习）", "END:VEVENT",
    "BEGIN:VEVENT", "UID:a1", "DTSTART;TZID=Asia/Shanghai:20260115T090000", "RRULE:FREQ=MONTHLY;INTERVAL=3",
    "EXDATE;TZID=Asia/Shanghai:20260415T090000", "SUMMARY:意识形态分析研判会", "END:VEVENT",
    "BEGIN:VEVENT", "UID:c1", "DTSTART;TZID=Asia/Shanghai:20260507T143000", "STATUS:TENTATIVE",
    "X-CADENCE-RULE:study-group-session", "SUMMARY:理论学习中心组集体学习", "END:VEVENT",
    "BEGIN:VEVENT", "UID:l1", "DTSTART;VALUE=DATE:20260310", "SUMMARY:Lunch", "END:VEVENT",
    "BEGIN:VEVENT", "UID:s2", "DTSTART;VALUE=DATE:20260709", "SUMMARY:理论学习中心组集体学习", "END:VEVENT",
    "END:VCALENDAR"});

class ImportIcsTest : public ::testing::TestWithParam<testing::Backend> {
 protected:
  testing::TestDatabase db{GetParam()};
  CliRunner cli{db.uri()};
  std::string path;
  void SetUp() override {
    ASSERT_EQ(cli.run(golden({"units", "import", kGolden + "/units.csv"})).code, 0);
    path = cli.dir().write("town-a.ics", kCalendar);
  }
  std::string listed() { return cli.run(golden({"records", "list", "--unit", "town-a"})).out; }
};

INSTANTIATE_TEST_SUITE_P(Backends, ImportIcsTest, CADENCE_BOTH_BACKENDS);

TEST_P(ImportIcsTest, DryRunListsEveryEventAndStoresNothing) {
  const auto before = listed();
  const auto r = cli.run(import_ics({"town-a", path, "--dry-run"}));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, path + ":4 2026-03-05 study-group-session expanded record\n" +
                       path + ":10 2026-01-15 ideology-analysis-meeting - record\n" +
                       path + ":10 2026-07-15 ideology-analysis-meeting - skip: after the as-of date 2026-06-30, not held yet\n" +
                       path + ":17 2026-05-07 study-group-session - skip: a Cadence suggestion (TENTATIVE), not held\n" +
                       path + ":24 2026-03-10 - - skip: matches no rule for this unit\n" +
                       path + ":29 2026-07-09 study-group-session - skip: after the as-of date 2026-06-30, not held yet\n" +
                       path + ": 2 records, 4 skipped; dry run, nothing stored\n");
  EXPECT_EQ(listed(), before);
}

TEST_P(ImportIcsTest, ImportsHeldEventsAndReimportChangesNothing) {
  const auto first = cli.run(import_ics({"town-a", path}));
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_EQ(first.out, path + ": 2 records — 2 added, 0 updated, 0 unchanged\n");
  EXPECT_NE(first.err.find("note: " + path + ":24 2026-03-10 - - skip: matches no rule for this unit"), std::string::npos) << first.err;
  const auto list = listed();
  EXPECT_NE(list.find("2026-03-05"), std::string::npos) << list;
  EXPECT_NE(list.find("2026-01-15"), std::string::npos) << list;
  EXPECT_EQ(list.find("2026-05-07"), std::string::npos) << list;
  const auto again = cli.run(import_ics({"town-a", path}));
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(again.out, path + ": 2 records — 0 added, 0 updated, 2 unchanged\n");
  EXPECT_EQ(listed(), list);
}

TEST_P(ImportIcsTest, MalformedFileIsRejectedWholeWithItsLine) {
  // A good event first, then an event whose END is missing.
  auto text = kCalendar;
  text.replace(text.find("END:VEVENT\r\nBEGIN:VEVENT\r\nUID:l1"), 12, "");
  const auto bad = cli.dir().write("bad.ics", text);
  const auto before = listed();
  const auto r = cli.run(import_ics({"town-a", bad}));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(bad + ":17: error: BEGIN:VEVENT is never closed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(bad + ": error: nothing was imported"), std::string::npos) << r.err;
  EXPECT_EQ(listed(), before);
}

TEST_P(ImportIcsTest, RecordsAreCheckedAsTheCsvImportChecksThem) {
  const auto bad = cli.dir().write("tags.ics", crlf({"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x", "BEGIN:VEVENT", "UID:ok",
                                                   "DTSTART;VALUE=DATE:20260305", "SUMMARY:意识形态分析研判会", "END:VEVENT",
                                                   "BEGIN:VEVENT", "UID:t", "DTSTART;VALUE=DATE:20260306",
                                                   "SUMMARY:理论学习中心组集体学习", "X-CADENCE-TAGS:expandd", "END:VEVENT",
                                                   "END:VCALENDAR"}));
  const auto r = cli.run(import_ics({"town-a", bad}));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(bad + ":9: error: tags: unknown tag 'expandd' for rule 'study-group-session' (known: expanded, observed)"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(listed().find("2026-03-05"), std::string::npos);
}

TEST_P(ImportIcsTest, Gb18030FileIsNamedAndReadWithTheEncodingOption) {
  // "SUMMARY:意识形态分析研判会" in GB18030.
  const auto gb = cli.dir().write("gb.ics", crlf({"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x", "BEGIN:VEVENT", "UID:g",
                                                 "DTSTART;VALUE=DATE:20260305",
                                                 "SUMMARY:\xD2\xE2\xCA\xB6\xD0\xCE\xCC\xAC\xB7\xD6\xCE\xF6\xD1\xD0\xC5\xD0\xBB\xE1",
                                                 "END:VEVENT", "END:VCALENDAR"}));
  const auto rejected = cli.run(import_ics({"town-a", gb}));
  EXPECT_EQ(rejected.code, 2);
  EXPECT_NE(rejected.err.find(gb + ":7: error: the file is not UTF-8"), std::string::npos) << rejected.err;
  const auto read = cli.run(import_ics({"town-a", gb, "--encoding", "gb18030", "--dry-run"}));
  ASSERT_EQ(read.code, 0) << read.err;
  EXPECT_NE(read.out.find(gb + ":4 2026-03-05 ideology-analysis-meeting - record"), std::string::npos) << read.out;
}

TEST_P(ImportIcsTest, UnknownUnitAndMissingUnitAreBadUsage) {
  EXPECT_EQ(cli.run(import_ics({"nowhere", path})).code, 2);
  const auto r = cli.run(golden({"records", "import-ics", path, "--as-of=2026-06-30"}));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--unit is required"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cadence
