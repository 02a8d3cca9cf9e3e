// `cadence feed` read back by independent parsers: Python's icalendar with
// recurring-ical-events (Debian) and Mozilla's ical.js (npm, Thunderbird's parser). Each must
// see the occurrences, due dates, alarms and texts we meant, in Asia/Shanghai, across the 2026
// National Day week and its make-up Saturday (2026-10-10).
#include "cli_runner.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace cadence::testing {
namespace {

const std::string kRules = "--rules=" CADENCE_SOURCE_DIR "/tests/ical/fixtures/rules";
const std::string kCalendars = "--calendars=" CADENCE_SOURCE_DIR "/calendars";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  for (char c : text) {
    if (c == '\n') {
      lines.push_back(line);
      line.clear();
    } else {
      line += c;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

// Item versions come from the database (feed_items): each test runs on both backends.
class FeedTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    cli.dir().write("units.csv",
                    "id,parent,name,type,secretary_email,admin_emails,timezone\n"
                    "c1,,测试党委,committee,,,Asia/Shanghai\n"
                    "b1,c1,\"第一支部, 机关\",branch,,,Asia/Shanghai\n");
    cli.dir().write("records.csv",
                    "unit,rule,date,tags,period,note\n"
                    "b1,monthly-study,2026-09-03,expanded,,\n"
                    "b1,quarter-report,2026-07-06,,2026-Q2,\n");
    ASSERT_EQ(run({"units", "import", "units.csv"}).code, 0);
    ASSERT_EQ(run({"records", "import", "records.csv"}).code, 0);
  }

  CliResult run(std::vector<std::string> args) const {
    args.push_back(kRules);
    args.push_back(kCalendars);
    return cli.run(args);
  }

  // The feed as each reader sees it, one normalised line per item (see tests/ical/read_feed.py).
  std::vector<std::string> read_with(const std::string& reader, const std::string& ics) const {
    const std::string file = cli.dir().write("feed.ics", ics);
    const std::string out = cli.dir().file("reader.out");
    const std::string command = reader + " " + shell_quote(file) + " >" + shell_quote(out) + " 2>&1";
    const int status = std::system(command.c_str());
    EXPECT_EQ(status, 0) << command << "\n" << CliRunner::slurp(out);
    return lines_of(CliRunner::slurp(out));
  }
  std::vector<std::string> python(const std::string& ics) const {
    return read_with("/usr/bin/python3 " CADENCE_SOURCE_DIR "/tests/ical/read_feed.py", ics);
  }
  std::vector<std::string> icaljs(const std::string& ics) const {
    return read_with("node " CADENCE_SOURCE_DIR "/tests/ical/js/read_feed.mjs", ics);
  }

  static std::vector<std::string> starting_with(const std::vector<std::string>& lines, const std::string& prefix) {
    std::vector<std::string> out;
    for (const auto& l : lines)
      if (l.rfind(prefix, 0) == 0) out.push_back(l);
    return out;
  }
  static std::vector<std::string> items(const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    for (const auto& l : lines)
      if ((l.rfind("EVENT|", 0) == 0 || l.rfind("TODO|", 0) == 0) && l.find("holiday.") == std::string::npos &&
          l.find("makeup-workday.") == std::string::npos)
        out.push_back(l);
    return out;
  }

  TestDatabase db{GetParam()};
  CliRunner cli{db.uri()};
};

INSTANTIATE_TEST_SUITE_P(Backends, FeedTest, CADENCE_BOTH_BACKENDS);

TEST_P(FeedTest, IndependentParsersSeeTheSessionsDeadlinesAndAlarmsWeMeant) {
  const auto feed = run({"feed", "--unit", "b1", "--as-of", "2026-09-15", "--holidays"});
  ASSERT_EQ(feed.code, 0) << feed.err;
  const auto py = python(feed.out);
  const auto js = icaljs(feed.out);
  EXPECT_EQ(py, js) << "python-icalendar and ical.js read the feed differently";

  // 14:30 in Shanghai is 06:30Z. October's first slot is on the make-up Saturday; the Q3
  // report is due on the 5th workday after 30 September, counting that Saturday too. The Q4
  // report's 5th workday skips 2027's 元旦 (provisional until the 2027 notice: see
  // calendars/cn/README.md; the notice may move it again).
  const std::vector<std::string> expected{
      "EVENT|day-quarter-report.2026-Q2.due.b1@cadence|2026-07-07|2026-07-08|CONFIRMED|已报送：季度报告（2026年第2季度）||0|",
      "EVENT|day-quarter-report.2026-Q3.due.b1@cadence|2026-10-13|2026-10-14|CONFIRMED|截止：季度报告（2026年第3季度）|START-259200|0|",
      "EVENT|day-quarter-report.2026-Q4.due.b1@cadence|2027-01-08|2027-01-09|CONFIRMED|截止：季度报告（2026年第4季度）|START-259200|0|",
      "EVENT|monthly-study.2026-09.1.b1@cadence|2026-09-03T06:30:00Z|2026-09-03T08:30:00Z|CONFIRMED|月度学习（第1次/共2次，扩大学习）||0|expanded",
      "EVENT|monthly-study.2026-09.2.b1@cadence|2026-09-16T06:30:00Z|2026-09-16T08:30:00Z|TENTATIVE|月度学习（第2次/共2次，扩大学习）|START-86400|0|expanded",
      "EVENT|monthly-study.2026-10.1.b1@cadence|2026-10-10T06:30:00Z|2026-10-10T08:30:00Z|TENTATIVE|月度学习（第1次/共2次）|START-86400|0|",
      "EVENT|monthly-study.2026-10.2.b1@cadence|2026-10-20T06:30:00Z|2026-10-20T08:30:00Z|TENTATIVE|月度学习（第2次/共2次，扩大学习）|START-86400|0|expanded",
      "TODO|quarter-report.2026-Q2.due.b1@cadence|2026-07-07|COMPLETED|已报送：季度报告（2026年第2季度）|",
      "TODO|quarter-report.2026-Q3.due.b1@cadence|2026-10-13|NEEDS-ACTION|截止：季度报告（2026年第3季度）|END-259200",
      "TODO|quarter-report.2026-Q4.due.b1@cadence|2027-01-08|NEEDS-ACTION|截止：季度报告（2026年第4季度）|END-259200",
  };
  for (const auto* reader : {&py, &js}) {
    EXPECT_EQ(items(*reader), expected);
    EXPECT_EQ(starting_with(*reader, "CAL|"), std::vector<std::string>{"CAL|第一支部， 机关 · Cadence|PUBLISH"});
    // The holiday layer: the National Day week as one all-day event, the make-up Saturday.
    const std::set<std::string> all(reader->begin(), reader->end());
    EXPECT_TRUE(all.count("EVENT|holiday.2026-10-01@cadence|2026-10-01|2026-10-08||国庆节（放假）||0|"));
    EXPECT_TRUE(all.count("EVENT|makeup-workday.2026-10-10@cadence|2026-10-10|2026-10-11||调休上班（国庆节）||0|"));
    // Commas, semicolons and a backslash in the rule's source come back as written.
    EXPECT_TRUE(std::any_of(reader->begin(), reader->end(), [](const std::string& l) {
      return l.find("已召开 Held：2026-09-03（扩大学习）\\n进度 Progress：已记录 1/2 次；扩大学习 1/1\\n依据 Source：test fixture: "
                    "“每月两次, 其中扩大学习一次”; commas, semicolons; and a \\ backslash") != std::string::npos;
    })) << "description text";
  }
}

TEST_P(FeedTest, AnUnchangedFeedIsByteStableAndAChangedItemRaisesItsSequence) {
  const auto first = run({"feed", "--unit", "b1", "--as-of", "2026-09-15"});
  const auto again = run({"feed", "--unit", "b1", "--as-of", "2026-09-15"});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_EQ(first.out, again.out);

  ASSERT_EQ(run({"records", "add", "--unit", "b1", "--rule", "monthly-study", "--date", "2026-09-10"}).code, 0);
  const auto changed = run({"feed", "--unit", "b1", "--as-of", "2026-09-15"});
  const auto lines = items(python(changed.out));
  // The second September slot is held now, on the 10th; both September slots show the new
  // progress, so both changed. October's did not.
  EXPECT_EQ(starting_with(lines, "EVENT|monthly-study.2026-09"),
            (std::vector<std::string>{
                "EVENT|monthly-study.2026-09.1.b1@cadence|2026-09-03T06:30:00Z|2026-09-03T08:30:00Z|CONFIRMED|月度学习（第1次/共2次，扩大学习）||1|expanded",
                "EVENT|monthly-study.2026-09.2.b1@cadence|2026-09-10T06:30:00Z|2026-09-10T08:30:00Z|CONFIRMED|月度学习（第2次/共2次）||1|"}));
  EXPECT_EQ(starting_with(lines, "EVENT|monthly-study.2026-10.1")[0].back(), '|');
  EXPECT_NE(starting_with(lines, "EVENT|monthly-study.2026-10.1")[0].find("|0|"), std::string::npos);
}

TEST_P(FeedTest, ParentFeedWithSubtreeScopeAddsDescendantsDeadlines) {
  const auto own = run({"feed", "--unit", "c1", "--as-of", "2026-09-15"});
  const auto subtree = run({"feed", "--unit", "c1", "--as-of", "2026-09-15", "--scope", "subtree"});
  ASSERT_EQ(subtree.code, 0) << subtree.err;
  EXPECT_EQ(own.out.find("quarter-report"), std::string::npos);
  const auto lines = starting_with(python(subtree.out), "TODO|");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1], "TODO|quarter-report.2026-Q3.due.b1@cadence|2026-10-13|NEEDS-ACTION|截止：第一支部, 机关·季度报告（2026年第3季度）|END-259200");
}

TEST_P(FeedTest, ImportingOurOwnFeedTakesOnlyWhatWasHeld) {
  const auto feed = run({"feed", "--unit", "b1", "--as-of", "2026-09-15"});
  cli.dir().write("export.ics", feed.out);
  const auto dry = run({"records", "import-ics", "--unit", "b1", "export.ics", "--dry-run", "--as-of", "2026-09-15"});
  ASSERT_EQ(dry.code, 0) << dry.err;
  // The held session; not the suggestions, nor the due dates shown as all-day events.
  EXPECT_NE(dry.out.find("2026-09-03 monthly-study expanded record"), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("export.ics: 1 records, 6 skipped"), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("skip: a Cadence due date, not a submission"), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("skip: a Cadence suggestion (TENTATIVE), not held"), std::string::npos) << dry.out;
}

TEST_P(FeedTest, PlanAsIcsHasOneTentativeEventPerSlot) {
  const auto plan = run({"plan", "--unit", "b1", "--year", "2026", "--format", "ics"});
  ASSERT_EQ(plan.code, 0) << plan.err;
  const auto events = starting_with(python(plan.out), "EVENT|");
  EXPECT_EQ(events.size(), 24u);
  for (const auto& e : events) EXPECT_NE(e.find("|TENTATIVE|"), std::string::npos) << e;
  EXPECT_EQ(run({"plan", "--unit", "b1", "--year", "2026", "--format", "xml"}).code, 2);
}

// The test's own calendar folder, so that it holds whatever years the repository has notices
// for: 2026's notice (one day of it), and only 2027's lunar dates.
TEST_P(FeedTest, TheHolidayLayerMarksAYearWithoutANoticeAsProvisional) {
  cli.dir().write("cal/cn/holidays-2026.toml", "year = 2026\nnotice = \"2026年通知\"\n[[holiday]]\nname = \"国庆节\"\noff = [2026-10-01]\nmakeup = []\n");
  cli.dir().write("cal/cn/observances.toml",
                  "[[lunar]]\nname = \"除夕\"\ndates = [2027-02-05]\n[[lunar]]\nname = \"清明\"\ndates = [2027-04-05]\n"
                  "[[lunar]]\nname = \"端午\"\ndates = [2027-06-09]\n[[lunar]]\nname = \"中秋\"\ndates = [2027-09-15]\n");
  const auto feed = cli.run({"feed", "--unit", "b1", "--as-of", "2026-12-02", "--holidays", kRules, "--calendars=" + cli.dir().file("cal")});
  ASSERT_EQ(feed.code, 0) << feed.err;
  EXPECT_NE(feed.err.find("using a provisional schedule"), std::string::npos) << feed.err;
  for (const auto& lines : {python(feed.out), icaljs(feed.out)}) {
    const std::set<std::string> all(lines.begin(), lines.end());
    EXPECT_TRUE(all.count("EVENT|holiday.2026-10-01@cadence|2026-10-01|2026-10-02||国庆节（放假）||0|"));
    EXPECT_TRUE(all.count("EVENT|holiday.2027-01-01@cadence|2027-01-01|2027-01-02||元旦（预计）||0|"));
    EXPECT_TRUE(all.count("EVENT|holiday.2027-02-05@cadence|2027-02-05|2027-02-11||春节（预计）||0|"));
    EXPECT_TRUE(all.count("EVENT|holiday.2027-10-01@cadence|2027-10-01|2027-10-06||国庆节（预计）||0|"));
    EXPECT_TRUE(starting_with(lines, "EVENT|makeup-workday.2027").empty());
    EXPECT_TRUE(std::any_of(lines.begin(), lines.end(), [](const std::string& l) {
      return l.rfind("TEXT|2027年节假日（预计 provisional）：国务院办公厅通知尚未发布", 0) == 0 &&
             l.find("\\n劳动节放假（预计）：2027-05-01 至 2027-05-04，共 4 天，其中 2027-05-03、2027-05-04 为补假") != std::string::npos;
    })) << "the description of 2027's 劳动节";
  }
}

TEST_P(FeedTest, UnknownUnitAndBadScopeAreUsageErrors) {
  const auto unknown = run({"feed", "--unit", "nope"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("no unit 'nope'"), std::string::npos);
  EXPECT_EQ(run({"feed", "--unit", "b1", "--scope", "all"}).code, 2);
}

}  // namespace
}  // namespace cadence::testing
