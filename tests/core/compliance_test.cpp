#include "core/compliance.h"

#include "rule_fixtures.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {
using namespace cadence::testing;

class ComplianceTest : public ::testing::Test {
 protected:
  WorkCalendar cal = cn_calendar();
  Rule rule = study_group();
  Unit town = unit("town-07", "committee");
  Period year = *parse_period("2026");

  Result eval(const std::vector<Entry>& entries, Day as_of) {
    auto r = evaluate_cadence(rule, town, year, entries, as_of, cal);
    EXPECT_TRUE(r);
    return r.value_or(Result{});
  }
};

TEST_F(ComplianceTest, ExpectedCountsWholeMonthsThenWorkdaysOfTheCurrentMonth) {
  // On 2026-06-30 six of twelve months have passed: floor(12 × 6/12) = 6, floor(4 × 6/12) = 2,
  // floor(1 × 6/12) = 0 — though only 120 of 2026's 248 workdays have.
  const auto r = eval({}, d(2026, 6, 30));
  EXPECT_EQ(r.target, 12);
  EXPECT_EQ(r.expected, 6);
  EXPECT_EQ(r.quotas[0].expected, 2);
  EXPECT_EQ(r.quotas[1].expected, 0);
  EXPECT_EQ(r.status, Status::behind);
  // Within a month, workdays count: 国庆 (Oct 1–7) adds nothing; by Nov 20, 15 of
  // November's 21 workdays: floor(12 × (10 + 15/21) / 12) = 10.
  EXPECT_EQ(eval({}, d(2026, 9, 30)).expected, eval({}, d(2026, 10, 7)).expected);
  EXPECT_EQ(eval({}, d(2026, 11, 20)).expected, 10);
  EXPECT_EQ(eval({}, d(2026, 6, 29)).expected, 5);
  EXPECT_EQ(eval({}, d(2025, 12, 31)).expected, 0);  // before the period: nothing yet
}

TEST_F(ComplianceTest, CountsOnlyRecordsUpToTheAsOfDate) {
  const auto entries = sessions(12, 4, 1);
  const auto r = eval(entries, d(2026, 3, 1));
  EXPECT_EQ(r.done, 4);  // Jan 8, Jan 22, Feb 5, Feb 19; Mar 5 is after
}

TEST_F(ComplianceTest, MetWhenTargetAndEveryQuotaAreReached) {
  EXPECT_EQ(eval(sessions(12, 4, 1), d(2026, 12, 31)).status, Status::met);
  // Met is final even before the period ends: the 12th session is held on 2026-06-11.
  const auto early = eval(sessions(12, 4, 1), d(2026, 6, 11));
  EXPECT_EQ(early.status, Status::met);
  EXPECT_EQ(early.done, 12);
  EXPECT_EQ(eval(sessions(12, 4, 1), d(2026, 6, 10)).status, Status::on_track);
}

TEST_F(ComplianceTest, MissedWhenThePeriodEndedShort) {
  const auto r = eval(sessions(12, 3, 1), d(2027, 1, 5));  // one expanded short
  EXPECT_EQ(r.status, Status::missed);
  EXPECT_EQ(r.quotas[0].done, 3);
}

TEST_F(ComplianceTest, MakeUpsCountForTheirPeriodOnlyAndMarkItMadeUp) {
  rule = quarterly_analysis();
  const Period q1 = *parse_period("2026-Q1");
  const Period q2 = *parse_period("2026-Q2");
  const std::vector<Entry> entries{made_up_for("2026-Q1", d(2026, 4, 9))};
  auto r1 = evaluate_cadence(rule, town, q1, entries, d(2026, 4, 30), cal);
  EXPECT_EQ(r1->status, Status::made_up);
  EXPECT_EQ(r1->done, 1);
  // Before the make-up was held, Q1 was missed.
  EXPECT_EQ(evaluate_cadence(rule, town, q1, entries, d(2026, 4, 8), cal)->status, Status::missed);
  // The make-up dated in Q2 does not count for Q2.
  auto r2 = evaluate_cadence(rule, town, q2, entries, d(2026, 7, 1), cal);
  EXPECT_EQ(r2->done, 0);
  EXPECT_EQ(r2->status, Status::missed);
}

TEST_F(ComplianceTest, UpcomingPeriodAndOnTrack) {
  rule = quarterly_analysis();
  const Period q3 = *parse_period("2026-Q3");
  EXPECT_EQ(evaluate_cadence(rule, town, q3, {}, d(2026, 6, 1), cal)->status, Status::upcoming);
  // A once-a-quarter meeting is expected only when the quarter is over: until then on track.
  EXPECT_EQ(evaluate_cadence(rule, town, q3, {}, d(2026, 8, 20), cal)->status, Status::on_track);
  EXPECT_EQ(evaluate_cadence(rule, town, q3, {}, d(2026, 9, 30), cal)->status, Status::behind);
  EXPECT_EQ(evaluate_cadence(rule, town, q3, {}, d(2026, 10, 8), cal)->status, Status::missed);
}

TEST_F(ComplianceTest, UnitActiveForPartOfThePeriodHasAScaledTarget) {
  town.active_from = d(2026, 7, 1);
  const auto r = eval({}, d(2026, 7, 31));
  EXPECT_EQ(r.start, d(2026, 7, 1));
  EXPECT_EQ(r.end, d(2026, 12, 31));
  // ceil(12 × 128 / 248) = 7 sessions; ceil(4 × 128 / 248) = 3 expanded; ceil(1 × …) = 1.
  EXPECT_EQ(r.target, 7);
  EXPECT_EQ(r.quotas[0].min, 3);
  EXPECT_EQ(r.quotas[1].min, 1);
  // Records from before the unit existed are not counted.
  EXPECT_EQ(eval({held(d(2026, 3, 5))}, d(2026, 7, 31)).done, 0);
}

TEST_F(ComplianceTest, UnitActiveForNoneOfThePeriodIsNotApplicable) {
  town.active_until = d(2025, 12, 31);
  EXPECT_FALSE(evaluate_cadence(rule, town, year, {}, d(2026, 6, 30), cal));
}

TEST_F(ComplianceTest, RuleAppliesOnlyInPeriodsStartingWithinItsEffectiveRange) {
  rule.effective_from = d(2026, 3, 1);
  EXPECT_FALSE(evaluate_cadence(rule, town, year, {}, d(2026, 6, 30), cal));
  rule.effective_from = d(2026, 1, 1);
  rule.effective_until = d(2025, 12, 31);
  EXPECT_FALSE(evaluate_cadence(rule, town, year, {}, d(2026, 6, 30), cal));
}

TEST_F(ComplianceTest, WindowedRuleIsOnTrackBeforeItsWindowAndBehindAfterIt) {
  rule = secretary_lecture();  // once a year, window 06-01…07-31
  const auto before = eval({}, d(2026, 5, 29));
  EXPECT_EQ(before.expected, 0);
  EXPECT_EQ(before.status, Status::on_track);
  EXPECT_EQ(eval({}, d(2026, 7, 30)).status, Status::on_track);
  // By the end of the window's last day (the whole as-of day counts, as for a period's last day)
  // it has passed without the lecture: behind, with the period and target the year's.
  EXPECT_EQ(eval({}, d(2026, 7, 31)).status, Status::behind);
  const auto after = eval({}, d(2026, 8, 3));
  EXPECT_EQ(after.expected, 1);
  EXPECT_EQ(after.target, 1);
  EXPECT_EQ(after.end, d(2026, 12, 31));
  EXPECT_EQ(after.status, Status::behind);
  // What counts stays the year's: a lecture in March, before the window, meets the rule.
  EXPECT_EQ(eval({held(d(2026, 3, 10))}, d(2026, 8, 3)).status, Status::met);
  EXPECT_EQ(eval({}, d(2027, 1, 4)).status, Status::missed);
}

TEST_F(ComplianceTest, InsideAWindowTheFractionIsItsWorkdays) {
  rule = secretary_lecture();
  rule.target = 4;
  rule.plan.window = PlanWindow{date::October / 1, date::December / 31};  // 62 workdays in 2026
  EXPECT_EQ(eval({}, d(2026, 9, 30)).expected, 0);  // the year alone would expect floor(4 × 9/12) = 3
  EXPECT_EQ(eval({}, d(2026, 10, 7)).expected, 0);  // 国庆: no workday of the window yet
  // Nov 18 is the window's 31st workday: floor(4 × 31 / 62) = 2 (month weights would say 3).
  EXPECT_EQ(eval({}, d(2026, 11, 18)).expected, 2);
  EXPECT_EQ(eval({}, d(2026, 11, 17)).expected, 1);
  EXPECT_EQ(eval({}, d(2026, 12, 31)).expected, 4);
}

TEST_F(ComplianceTest, WindowOfAPartlyActiveUnitIsTheWindowsActivePart) {
  rule = secretary_lecture();
  town.active_from = d(2026, 7, 1);
  // The window's active part is July: passed by August 3, so behind (target ceil(1 × 128/248)).
  EXPECT_EQ(eval({}, d(2026, 8, 3)).status, Status::behind);
  EXPECT_EQ(eval({}, d(2026, 7, 30)).status, Status::on_track);
  // Formed after the window: measured over its active part, as if there were no window.
  town.active_from = d(2026, 8, 3);
  EXPECT_EQ(eval({}, d(2026, 12, 30)).expected, 0);
  EXPECT_EQ(eval({}, d(2026, 12, 30)).status, Status::on_track);
}

TEST(DeadlineTest, DoneLateOverduePending) {
  const auto cal = cn_calendar();
  const auto rule = half_year_report();
  const auto branch = unit("v1", "branch");
  const Period h1 = *parse_period("2026-H1");
  // Due: the 5th workday after 2026-06-30 is 2026-07-07.
  auto on = [&](std::vector<Entry> e, Day as_of) { return evaluate_deadline(rule, branch, h1, e, as_of, cal); };
  EXPECT_EQ(on({}, d(2026, 7, 7))->status, Status::pending);
  EXPECT_EQ(on({}, d(2026, 7, 7))->due, d(2026, 7, 7));
  EXPECT_EQ(on({}, d(2026, 7, 8))->status, Status::overdue);
  EXPECT_EQ(on({made_up_for("2026-H1", d(2026, 7, 3))}, d(2026, 7, 8))->status, Status::done);
  EXPECT_EQ(on({made_up_for("2026-H1", d(2026, 7, 9))}, d(2026, 7, 20))->status, Status::late);
  // A record after the as-of date is not known yet.
  EXPECT_EQ(on({made_up_for("2026-H1", d(2026, 7, 9))}, d(2026, 7, 8))->status, Status::overdue);
  // A record for another period does not fulfil this one.
  EXPECT_EQ(on({made_up_for("2025-H2", d(2026, 1, 9))}, d(2026, 7, 8))->status, Status::overdue);
}

TEST(DeadlineTest, AppliesOnlyToUnitsActiveOnTheDueDate) {
  const auto cal = cn_calendar();
  auto branch = unit("v1", "branch");
  branch.active_until = d(2026, 7, 6);
  EXPECT_FALSE(evaluate_deadline(half_year_report(), branch, *parse_period("2026-H1"), {}, d(2026, 8, 1), cal));
}

}  // namespace
}  // namespace cadence
