#include "core/reminder_schedule.h"

#include "rule_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace cadence {
namespace {

using testing::d;

struct World {
  std::vector<Rule> rules;
  UnitTree tree;
  std::map<std::pair<std::size_t, std::size_t>, std::vector<Entry>> entries;
  WorkCalendar calendar = testing::cn_calendar();
  SlotPlans plans;
  std::vector<bool> no_digests;

  std::vector<Reminder> at(std::size_t unit, Day day, int hour = 9) {
    const EntriesOf records = [this](std::size_t u, std::size_t r) {
      const auto it = entries.find({u, r});
      return it == entries.end() ? std::span<const Entry>() : std::span<const Entry>(it->second);
    };
    const ReminderInputs in{rules, tree, records, calendar, no_digests};
    return reminders_due(in, unit, {day, std::chrono::hours{hour}}, plans);
  }
  std::set<std::string> keys(std::size_t unit, Day day, int hour = 9) {
    std::set<std::string> k;
    for (const auto& r : at(unit, day, hour)) k.insert(r.key);
    return k;
  }
};

Rule with_leads(Rule rule, std::vector<std::string> leads) {
  for (const auto& l : leads) rule.remind.before.push_back(*parse_iso_duration(l));
  return rule;
}

World township() {
  World w;
  w.rules = {with_leads(testing::quarterly_analysis(), {"P7D", "P1D"})};
  w.tree = UnitTree({testing::unit("t", "committee")});
  return w;
}

const Reminder* find(const std::vector<Reminder>& all, const std::string& key) {
  const auto it = std::find_if(all.begin(), all.end(), [&](const Reminder& r) { return r.key == key; });
  return it == all.end() ? nullptr : &*it;
}

TEST(ReminderScheduleTest, NothingGoesOutBeforeTheSendTimeOrOnADayOff) {
  auto w = township();
  EXPECT_TRUE(w.keys(0, d(2026, 3, 25), 8).empty());
  EXPECT_TRUE(w.keys(0, d(2026, 3, 28)).empty());   // a Saturday
  EXPECT_TRUE(w.keys(0, d(2026, 10, 2)).empty());   // 国庆节
  EXPECT_FALSE(w.keys(0, d(2026, 10, 10)).empty()); // a make-up Saturday: the Q4 session is due
}

TEST(ReminderScheduleTest, AheadListsEachReminderOnceOnTheFirstDayItIsDue) {
  auto w = township();
  const EntriesOf none = [](std::size_t, std::size_t) { return std::span<const Entry>(); };
  const ReminderInputs in{w.rules, w.tree, none, w.calendar, w.no_digests};
  const Day from = d(2026, 3, 20);
  const auto ahead = reminders_ahead(in, 0, from, 14, std::chrono::hours{9}, w.plans);
  std::set<std::string> union_of_days;
  for (int i = 0; i < 14; ++i)
    for (const auto& k : w.keys(0, from + date::days{i})) union_of_days.insert(k);
  std::set<std::string> listed;
  for (const auto& r : ahead) {
    EXPECT_TRUE(listed.insert(r.key).second) << "twice: " << r.key;
    EXPECT_TRUE(w.keys(0, r.send_day).contains(r.key)) << r.key << " is due on the day it is listed for";
    for (Day day = from; day < r.send_day; day += date::days{1})
      EXPECT_FALSE(w.keys(0, day).contains(r.key)) << r.key << " was due earlier";
  }
  EXPECT_EQ(listed, union_of_days);
  EXPECT_FALSE(listed.empty());
}

TEST(ReminderScheduleTest, UpcomingSlotPerLeadOnTheLastWorkdayOnOrBefore) {
  auto w = township();
  // Q2's one session is suggested for its first workday, 2026-04-01.
  auto due = w.at(0, d(2026, 3, 25));
  const auto* seven = find(due, "upcoming:t:ideology-analysis-meeting:2026-Q2:1:P7D");
  ASSERT_NE(seven, nullptr);
  EXPECT_EQ(seven->event_day, d(2026, 4, 1));
  EXPECT_EQ(seven->send_day, d(2026, 3, 25));
  EXPECT_EQ(find(due, "upcoming:t:ideology-analysis-meeting:2026-Q2:1:P1D"), nullptr);
  EXPECT_EQ(find(w.at(0, d(2026, 3, 24)), "upcoming:t:ideology-analysis-meeting:2026-Q2:1:P7D"), nullptr);
}

TEST(ReminderScheduleTest, AReminderFallingOnAHolidayMovesToThePreviousWorkday) {
  auto w = township();
  // Q4's first workday is 10-08; both leads fall in 国庆节 and go out on 09-30.
  EXPECT_EQ(w.keys(0, d(2026, 9, 29)).count("upcoming:t:ideology-analysis-meeting:2026-Q4:1:P1D"), 0u);
  const auto due = w.at(0, d(2026, 9, 30));
  for (const char* lead : {"P7D", "P1D"}) {
    const auto* r = find(due, std::string("upcoming:t:ideology-analysis-meeting:2026-Q4:1:") + lead);
    ASSERT_NE(r, nullptr) << lead;
    EXPECT_EQ(r->send_day, d(2026, 9, 30));
  }
}

TEST(ReminderScheduleTest, ALateReminderIsSentWhileItsSlotHasNotPassed) {
  auto w = township();
  const auto late = w.at(0, d(2026, 10, 8));
  const auto* r = find(late, "upcoming:t:ideology-analysis-meeting:2026-Q4:1:P1D");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->send_day, d(2026, 9, 30));
  EXPECT_EQ(w.keys(0, d(2026, 10, 9)).count("upcoming:t:ideology-analysis-meeting:2026-Q4:1:P1D"), 0u);
}

TEST(ReminderScheduleTest, AHeldSlotIsNotReminded) {
  auto w = township();
  w.entries[{0, 0}] = {testing::held(d(2026, 9, 29))};
  // Held in Q3: Q4's slot is still open.
  EXPECT_EQ(w.keys(0, d(2026, 9, 30)).count("upcoming:t:ideology-analysis-meeting:2026-Q4:1:P7D"), 1u);
  w.entries[{0, 0}] = {testing::held(d(2026, 10, 8))};
  EXPECT_EQ(w.keys(0, d(2026, 10, 8)).count("upcoming:t:ideology-analysis-meeting:2026-Q4:1:P7D"), 0u);
}

TEST(ReminderScheduleTest, MissedOnceThePeriodHasEnded) {
  auto w = township();
  const auto keys = w.keys(0, d(2026, 4, 1));
  EXPECT_EQ(keys.count("missed:t:ideology-analysis-meeting:2026-Q1:-:-"), 1u);
  w.entries[{0, 0}] = {testing::held(d(2026, 2, 5))};
  EXPECT_EQ(w.keys(0, d(2026, 4, 1)).count("missed:t:ideology-analysis-meeting:2026-Q1:-:-"), 0u);
}

TEST(ReminderScheduleTest, BehindPerExpectedLevelAndEscalationAfterWorkdays) {
  World w;
  auto rule = testing::study_group();
  rule.remind.escalate_after_workdays = 3;
  w.rules = {rule};
  w.tree = UnitTree({testing::unit("county", "committee"), testing::unit("t", "committee", "county")});
  const auto keys = w.keys(1, d(2026, 6, 30));
  EXPECT_EQ(keys.count("behind:t:study-group-session:2026:6:-"), 1u);
  EXPECT_EQ(keys.count("escalation:t:study-group-session:2026:6:-"), 1u);
  // The root has no parent to escalate to.
  EXPECT_EQ(w.keys(0, d(2026, 6, 30)).count("escalation:county:study-group-session:2026:6:-"), 0u);
  // Six held by the end of June: on pace.
  w.entries[{1, 0}] = testing::sessions(6, 2, 1);
  EXPECT_EQ(w.keys(1, d(2026, 6, 30)).count("behind:t:study-group-session:2026:6:-"), 0u);
}

TEST(ReminderScheduleTest, DeadlineLeadsThenOverdue) {
  World w;
  w.rules = {with_leads(testing::half_year_report(), {"P7D"})};
  w.tree = UnitTree({testing::unit("t", "branch")});
  // H1's report is due on the 5th workday after 06-30: 07-07.
  const auto due = w.at(0, d(2026, 7, 1));
  const auto* r = find(due, "due:t:half-year-report:2026-H1:-:P7D");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->event_day, d(2026, 7, 7));
  EXPECT_EQ(r->send_day, d(2026, 6, 30));
  EXPECT_EQ(w.keys(0, d(2026, 7, 8)).count("overdue:t:half-year-report:2026-H1:-:-"), 1u);
  w.entries[{0, 0}] = {Entry{d(2026, 7, 3), d(2026, 1, 1), 0}};
  EXPECT_TRUE(w.keys(0, d(2026, 7, 8)).empty());
}

TEST(ReminderScheduleTest, DigestsListOnlyWhatIsOpen) {
  World w;
  w.rules = {testing::study_group()};
  w.tree = UnitTree({testing::unit("county", "committee"), testing::unit("t", "committee", "county")});
  // 2026-06-01 is a Monday: the first workday of the month and of its week.
  const auto county = w.at(0, d(2026, 6, 1));
  const auto* week = find(county, "digest-week:county:-:2026-W23:-:-");
  ASSERT_NE(week, nullptr);
  // The whole subtree: the county itself first, then t, each behind with none of its 5
  // expected sessions held.
  auto units_in = [](const Reminder& r) {
    std::set<std::size_t> u;
    for (const auto& item : r.items) u.insert(item.unit);
    return u;
  };
  EXPECT_EQ(units_in(*week), (std::set<std::size_t>{0, 1}));
  ASSERT_FALSE(week->items.empty());
  EXPECT_EQ(week->items[0].unit, 0u);
  EXPECT_EQ(week->items[0].what, OpenItem::What::behind);
  EXPECT_EQ(week->items[0].expected, 5);
  EXPECT_NE(find(w.at(1, d(2026, 6, 1)), "digest-month:t:-:2026-06:-:-"), nullptr);
  // Eleven held by June 1 (the twelfth suggested for December): nothing open this month for t,
  // and the county's digest lists only what is open at the county itself.
  w.entries[{1, 0}] = testing::sessions(12, 4, 1);
  EXPECT_EQ(find(w.at(1, d(2026, 6, 1)), "digest-month:t:-:2026-06:-:-"), nullptr);
  const auto later = w.at(0, d(2026, 6, 1));
  week = find(later, "digest-week:county:-:2026-W23:-:-");
  ASSERT_NE(week, nullptr);
  EXPECT_EQ(units_in(*week), (std::set<std::size_t>{0}));
  w.entries[{0, 0}] = testing::sessions(12, 4, 1);
  EXPECT_EQ(find(w.at(0, d(2026, 6, 1)), "digest-week:county:-:2026-W23:-:-"), nullptr);
  // t has no units below: no weekly digest unless it has administrators of its own, who then
  // hear about t.
  w.entries.erase({1, 0});
  EXPECT_EQ(find(w.at(1, d(2026, 6, 1)), "digest-week:t:-:2026-W23:-:-"), nullptr);
  auto units = std::vector<Unit>{testing::unit("county", "committee"), testing::unit("t", "committee", "county")};
  units[1].admin_emails = {"t-admin@example.org"};
  w.tree = UnitTree(units);
  const auto t = w.at(1, d(2026, 6, 1));
  const auto* own = find(t, "digest-week:t:-:2026-W23:-:-");
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(units_in(*own), (std::set<std::size_t>{1}));
}

TEST(ReminderScheduleTest, DigestsCanBeTurnedOffMandatoryRemindersCannot) {
  World w;
  w.rules = {testing::study_group()};
  w.tree = UnitTree({testing::unit("county", "committee"), testing::unit("t", "committee", "county")});
  w.no_digests = {true, true};
  const auto keys = w.keys(1, d(2026, 6, 1));
  EXPECT_EQ(keys.count("digest-month:t:-:2026-06:-:-"), 0u);
  EXPECT_EQ(keys.count("behind:t:study-group-session:2026:5:-"), 1u);
  EXPECT_EQ(w.keys(0, d(2026, 6, 1)).count("digest-week:county:-:2026-W23:-:-"), 0u);
}

}  // namespace
}  // namespace cadence
