// The feed as values: which sessions and deadlines a unit sees, and how they read.
#include "core/feed.h"
#include "core/provisional_schedule.h"
#include "rule_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace cadence::testing {
namespace {

struct Scenario {
  std::vector<Rule> rules{study_group(), quarterly_analysis(), half_year_report()};
  UnitTree tree{std::vector<Unit>{unit("county", "committee"), unit("town-07", "committee", "county"),
                                  unit("branch-1", "branch", "town-07")}};
  std::map<std::pair<std::size_t, std::size_t>, std::vector<Entry>> entries;
  WorkCalendar calendar = cn_calendar();

  Feed feed(const std::string& unit, Day today, bool subtree = false, bool holidays = false) const {
    const EntriesOf of = [&](std::size_t u, std::size_t r) -> std::span<const Entry> {
      const auto it = entries.find({u, r});
      return it == entries.end() ? std::span<const Entry>{} : std::span<const Entry>(it->second);
    };
    return build_feed(rules, tree, *tree.find(unit), of, {today, subtree, holidays}, calendar);
  }
};

std::vector<const FeedItem*> of_rule(const Feed& feed, const std::string& rule, const std::string& period = "") {
  std::vector<const FeedItem*> out;
  for (const auto& i : feed.items)
    if (i.rule == rule && (period.empty() || i.period == period)) out.push_back(&i);
  return out;
}

TEST(Feed, SessionsOfTheCurrentAndNextPeriodSayWhichOneOfHowMany) {
  Scenario s;
  s.rules[0].short_title = "中心组学习";
  s.entries[{1, 0}] = sessions(4, 2);
  const Feed feed = s.feed("town-07", d(2026, 5, 10));
  const auto y2026 = of_rule(feed, "study-group-session", "2026");
  ASSERT_EQ(y2026.size(), 12u);
  EXPECT_EQ(of_rule(feed, "study-group-session", "2027").size(), 12u);
  // Four held: slots 1–4 show the dates they were held and are done.
  EXPECT_TRUE(y2026[3]->done);
  EXPECT_EQ(y2026[3]->date, d(2026, 1, 8) + date::days{42});
  EXPECT_EQ(y2026[0]->summary, "中心组学习（第1次/共12次，扩大学习）");
  // Slot 5 is only suggested, and carries the quota suggestion and its alarms.
  EXPECT_FALSE(y2026[4]->done);
  EXPECT_EQ(y2026[4]->summary.rfind("中心组学习（第5次/共12次", 0), 0u);
  EXPECT_NE(y2026[4]->description.find("进度 Progress：已记录 4/12 次；扩大学习 2/4；宣传部旁听 0/1"), std::string::npos);
  EXPECT_EQ(y2026[4]->uid, "study-group-session.2026.5.town-07@cadence");
  // Quarterly rule: Q2 and Q3 only.
  const auto quarters = of_rule(feed, "ideology-analysis-meeting");
  ASSERT_EQ(quarters.size(), 2u);
  EXPECT_EQ(quarters[0]->period, "2026-Q2");
  EXPECT_EQ(quarters[1]->period, "2026-Q3");
}

TEST(Feed, DescriptionCitesTheRulesCiteAndElseItsSource) {
  Scenario s;
  s.rules[0].source = "002_89d6aed285bfb3d4.txt part 6: “全年不少于12次”";
  s.rules[0].cite = "地方实践：《乡镇意识形态上半年工作总结15篇》篇6";
  s.rules[2].source = "实施办法 第七条";
  const Feed feed = s.feed("town-07", d(2026, 5, 10));
  const auto session = of_rule(feed, "study-group-session", "2026");
  ASSERT_FALSE(session.empty());
  EXPECT_TRUE(session[0]->description.ends_with("\n依据 Source：地方实践：《乡镇意识形态上半年工作总结15篇》篇6"))
      << session[0]->description;
  EXPECT_EQ(session[0]->description.find("002_89d6aed285bfb3d4.txt"), std::string::npos);
  const auto report = of_rule(feed, "half-year-report");
  ASSERT_FALSE(report.empty());
  EXPECT_TRUE(report[0]->description.ends_with("\n依据 Source：实施办法 第七条")) << report[0]->description;
}

TEST(Feed, DeadlinesStillDueFromThePreviousPeriodAreShownUntilTheCurrentStarts) {
  Scenario s;
  // 2026-07-02: the H1 report is due on the 5th workday after 30 June (7 July).
  const Feed feed = s.feed("branch-1", d(2026, 7, 2));
  const auto reports = of_rule(feed, "half-year-report");
  ASSERT_EQ(reports.size(), 3u);
  EXPECT_EQ(reports[0]->period, "2026-H1");
  EXPECT_EQ(reports[0]->date, d(2026, 7, 7));
  EXPECT_FALSE(reports[0]->done);
  EXPECT_EQ(reports[0]->summary, "截止：意识形态工作半年自查报告（2026年上半年）");
  // The 2025-H2 report was due in January: before the current half began, so not shown.
  Scenario later;
  later.entries[{2, 2}] = {made_up_for("2026-H1", d(2026, 7, 3))};
  const Feed later_feed = later.feed("branch-1", d(2026, 7, 6));  // of_rule points into it
  const auto submitted = of_rule(later_feed, "half-year-report", "2026-H1");
  ASSERT_EQ(submitted.size(), 1u);
  EXPECT_TRUE(submitted[0]->done);
  EXPECT_EQ(submitted[0]->done_on, d(2026, 7, 3));
  EXPECT_TRUE(submitted[0]->alarms.empty());
}

TEST(Feed, SubtreeScopeAddsDescendantsDeadlinesOnly) {
  Scenario s;
  const Feed own = s.feed("county", d(2026, 7, 2));
  const Feed subtree = s.feed("county", d(2026, 7, 2), true);
  const auto own_reports = of_rule(own, "half-year-report");
  ASSERT_EQ(own_reports.size(), 3u);
  for (const auto* r : own_reports) EXPECT_EQ(r->unit, "county");
  const auto reports = of_rule(subtree, "half-year-report");
  ASSERT_EQ(reports.size(), 9u);  // county, town-07 and branch-1, three periods each
  int of_town = 0;
  for (const auto* r : reports)
    if (r->unit == "town-07") of_town += r->summary.rfind("截止：town-07·", 0) == 0;
  EXPECT_EQ(of_town, 3);
  // Descendants' sessions stay in their own feeds.
  for (const auto& i : subtree.items)
    EXPECT_TRUE(i.kind != FeedItemKind::session || i.unit == "county") << i.uid;
  EXPECT_EQ(subtree.name, "county（含下级） · Cadence");
}

TEST(Feed, HolidayLayerGroupsOffDaysAndListsMakeupWorkdays) {
  Scenario s;
  const Feed feed = s.feed("county", d(2026, 9, 1), false, true);
  bool national_day = false, makeup = false;
  for (const auto& i : feed.items) {
    if (i.kind == FeedItemKind::holiday && i.date == d(2026, 10, 1)) national_day = i.last_date == d(2026, 10, 7);
    if (i.kind == FeedItemKind::makeup_workday && i.date == d(2026, 10, 10)) makeup = true;
  }
  EXPECT_TRUE(national_day);
  EXPECT_TRUE(makeup);
}

TEST(Feed, HolidayLayerMarksAProvisionalYearsDaysAsExpected) {
  Scenario s;
  auto notices = s.calendar.notices();
  notices.push_back(provisional_notice(date::year{2027}, {d(2027, 2, 5), d(2027, 4, 5), d(2027, 6, 9), d(2027, 9, 15)}));
  s.calendar = WorkCalendar(notices, {});
  const Feed feed = s.feed("county", d(2026, 12, 2), false, true);
  std::map<Day, const FeedItem*> holidays;
  for (const auto& i : feed.items)
    if (i.kind == FeedItemKind::holiday) holidays[i.date] = &i;
  ASSERT_TRUE(holidays.count(d(2027, 1, 1)));
  const FeedItem& new_year = *holidays[d(2027, 1, 1)];
  EXPECT_EQ(new_year.uid, "holiday.2027-01-01@cadence");  // the notice's day will update it in place
  EXPECT_EQ(new_year.summary, "元旦（预计）");
  EXPECT_NE(new_year.description.find("预计 provisional"), std::string::npos) << new_year.description;
  EXPECT_NE(new_year.description.find("国务院办公厅通知尚未发布"), std::string::npos) << new_year.description;
  EXPECT_NE(new_year.description.find("元旦放假（预计）：2027-01-01 至 2027-01-01，共 1 天"), std::string::npos);
  ASSERT_TRUE(holidays.count(d(2027, 2, 5)));
  const FeedItem& spring = *holidays[d(2027, 2, 5)];
  EXPECT_EQ(spring.last_date, d(2027, 2, 10));
  EXPECT_EQ(spring.summary, "春节（预计）");
  EXPECT_NE(spring.description.find("其中 2027-02-09、2027-02-10 为补假"), std::string::npos) << spring.description;
  // The notices' own days still read as announced.
  ASSERT_TRUE(holidays.count(d(2026, 10, 1)));
  EXPECT_EQ(holidays[d(2026, 10, 1)]->summary, "国庆节（放假）");
  for (const auto& i : feed.items) EXPECT_FALSE(i.kind == FeedItemKind::makeup_workday && i.date >= d(2027, 1, 1)) << i.uid;  // no 调休
}

TEST(Feed, FingerprintChangesWithWhatAClientSees) {
  Scenario s;
  const Feed feed = s.feed("town-07", d(2026, 5, 10));
  FeedItem item = feed.items.front();
  const auto before = fingerprint(item);
  EXPECT_EQ(fingerprint(feed.items.front()), before);
  item.summary += "!";
  EXPECT_NE(fingerprint(item), before);
}

// A unit's own feed and its parent's subtree feed read its deadlines differently; were their
// fingerprints different too, each render of one feed would raise the SEQUENCE the other set.
TEST(Feed, ADeadlineHasOneFingerprintInItsOwnAndItsAncestorsSubtreeFeed) {
  Scenario s;
  s.entries[{1, 2}] = {made_up_for("2026-H1", d(2026, 7, 3))};
  const Feed own = s.feed("town-07", d(2026, 7, 6));
  const Feed subtree = s.feed("county", d(2026, 7, 6), true);
  const auto mine = of_rule(own, "half-year-report");
  ASSERT_EQ(mine.size(), 3u);
  for (const auto* item : mine) {
    const auto same = std::find_if(subtree.items.begin(), subtree.items.end(),
                                   [&](const FeedItem& i) { return i.uid == item->uid; });
    ASSERT_NE(same, subtree.items.end()) << item->uid;
    EXPECT_NE(same->summary, item->summary);
    EXPECT_EQ(fingerprint(*same), fingerprint(*item)) << item->uid;
  }
  // What only the subtree feed shows still counts: the unit's name.
  Scenario renamed = s;
  auto town = unit("town-07", "committee", "county");
  town.name = "城关镇";
  renamed.tree = UnitTree{std::vector<Unit>{unit("county", "committee"), town, unit("branch-1", "branch", "town-07")}};
  const Feed renamed_own = renamed.feed("town-07", d(2026, 7, 6));
  const auto renamed_mine = of_rule(renamed_own, "half-year-report");
  ASSERT_EQ(renamed_mine.size(), 3u);
  EXPECT_EQ(renamed_mine[0]->summary, mine[0]->summary);
  EXPECT_NE(fingerprint(*renamed_mine[0]), fingerprint(*mine[0]));
}

TEST(Feed, PeriodLabels) {
  EXPECT_EQ(period_label(*parse_period("2026")), "2026年");
  EXPECT_EQ(period_label(*parse_period("2026-H2")), "2026年下半年");
  EXPECT_EQ(period_label(*parse_period("2026-Q3")), "2026年第3季度");
  EXPECT_EQ(period_label(*parse_period("2026-05")), "2026年5月");
  EXPECT_EQ(period_label(*parse_period("2026-W01")), "2026年第1周");
}

}  // namespace
}  // namespace cadence::testing
