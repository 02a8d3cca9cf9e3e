#include "core/planner.h"

#include "rule_fixtures.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {
using namespace cadence::testing;

TEST(PlannerTest, TwelveSessionsOverThe2026Workdays) {
  const auto cal = cn_calendar();
  const auto rule = study_group();
  const auto slots = plan_unit_year({rule}, unit("t", "committee"), date::year{2026}, cal);
  ASSERT_EQ(slots.size(), 12u);
  // 248 workdays in 12 groups: 8 of 21 then 4 of 20. Group 1 starts on Sunday Jan 4, a
  // make-up workday; its first Thursday is Jan 8.
  EXPECT_EQ(slots[0].date, d(2026, 1, 8));
  for (const auto& s : slots) EXPECT_EQ(date::weekday{s.date}, date::Thursday) << format_day(s.date);
  for (const auto& s : slots) EXPECT_TRUE(cal.is_workday(s.date)) << format_day(s.date);
  // No slot falls in 春节 (Feb 15–23).
  for (const auto& s : slots) EXPECT_FALSE(s.date >= d(2026, 2, 15) && s.date <= d(2026, 2, 23));
  // Quotas: expanded at ceil(j × 12 / 4) = 3, 6, 9, 12; observed at 12.
  std::vector<int> expanded, observed;
  for (const auto& s : slots) {
    for (const auto& t : s.tags) (t == "expanded" ? expanded : observed).push_back(s.index);
  }
  EXPECT_EQ(expanded, (std::vector<int>{3, 6, 9, 12}));
  EXPECT_EQ(observed, (std::vector<int>{12}));
  EXPECT_TRUE(slot_done(slots[2], 3));
  EXPECT_FALSE(slot_done(slots[3], 3));
}

TEST(PlannerTest, GroupsDifferByAtMostOneLargerFirst) {
  const auto cal = cn_calendar();
  auto rule = quarterly_analysis();
  rule.target = 4;  // 4 slots over October 2026's 18 workdays: groups 5, 5, 4, 4
  const auto oct = *parse_period("2026-10");
  const auto slots = plan_period(rule, 0, oct, oct, 4, {}, cal);
  ASSERT_EQ(slots.size(), 4u);
  EXPECT_EQ(slots[0].date, d(2026, 10, 8));   // workdays 8,9,10,12,13
  EXPECT_EQ(slots[1].date, d(2026, 10, 14));  // 14,15,16,19,20
  EXPECT_EQ(slots[2].date, d(2026, 10, 21));  // 21,22,23,26
  EXPECT_EQ(slots[3].date, d(2026, 10, 27));  // 27,28,29,30
}

TEST(PlannerTest, MoreSlotsThanWorkdaysStackOnTheLastWorkday) {
  const auto cal = cn_calendar();
  auto rule = quarterly_analysis();
  const auto week = *parse_period("2026-W40");  // Sep 28 – Oct 4: workdays Mon 28, Tue 29, Wed 30
  const auto slots = plan_period(rule, 0, week, week, 5, {}, cal);
  ASSERT_EQ(slots.size(), 5u);
  EXPECT_EQ(slots[0].date, d(2026, 9, 28));
  EXPECT_EQ(slots[2].date, d(2026, 9, 30));
  EXPECT_EQ(slots[3].date, d(2026, 9, 30));
  EXPECT_EQ(slots[4].date, d(2026, 9, 30));
}

TEST(PlannerTest, PartlyActiveUnitIsPlannedOverItsActivePart) {
  const auto cal = cn_calendar();
  auto town = unit("t", "committee");
  town.active_from = d(2026, 7, 1);
  const auto slots = plan_unit_year({study_group()}, town, date::year{2026}, cal);
  ASSERT_EQ(slots.size(), 7u);
  EXPECT_GE(slots.front().date, d(2026, 7, 1));
}

TEST(PlannerTest, WindowedRuleIsPlannedOnTheWindowsWorkdays) {
  const auto cal = cn_calendar();
  // 书记讲党课 around 七一: the first Tuesday of June–July, not of January (2026-01-06).
  const auto lecture = plan_unit_year({secretary_lecture()}, unit("t", "committee"), date::year{2026}, cal);
  ASSERT_EQ(lecture.size(), 1u);
  EXPECT_EQ(lecture[0].date, d(2026, 6, 2));
  EXPECT_EQ(lecture[0].period, *parse_period("2026"));
  // Two slots over Q4 2026's 62 workdays (国庆 until Oct 7, Saturday Oct 10 worked): groups
  // of 31, the second starting Thursday Nov 19.
  auto q4 = secretary_lecture();
  q4.target = 2;
  q4.plan.weekday = date::Thursday;
  q4.plan.window = PlanWindow{date::October / 1, date::December / 31};
  const auto slots = plan_unit_year({q4}, unit("t", "committee"), date::year{2026}, cal);
  ASSERT_EQ(slots.size(), 2u);
  EXPECT_EQ(slots[0].date, d(2026, 10, 8));
  EXPECT_EQ(slots[1].date, d(2026, 11, 19));
}

TEST(PlannerTest, WindowNarrowsAPartlyActiveUnitsPlanUnlessItMissesTheWindow) {
  const auto cal = cn_calendar();
  auto town = unit("t", "committee");
  town.active_until = d(2026, 7, 15);
  const auto until = plan_unit_year({secretary_lecture()}, town, date::year{2026}, cal);
  ASSERT_EQ(until.size(), 1u);
  EXPECT_EQ(until[0].date, d(2026, 6, 2));  // in the window's active days, not on Jan 6
  town.active_until.reset();
  town.active_from = d(2026, 7, 8);
  EXPECT_EQ(plan_unit_year({secretary_lecture()}, town, date::year{2026}, cal).at(0).date, d(2026, 7, 14));
  // Formed after the window: the lecture is still due this year, planned in its active part.
  town.active_from = d(2026, 8, 3);
  const auto later = plan_unit_year({secretary_lecture()}, town, date::year{2026}, cal);
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].date, d(2026, 8, 4));
}

}  // namespace
}  // namespace cadence
