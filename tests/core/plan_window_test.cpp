#include "core/plan_window.h"

#include "test_calendar.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {
using namespace cadence::testing;

const PlanWindow kSummer{date::June / 1, date::July / 31};

TEST(PlanWindowTest, IsTheMonthDaysOfThePeriodsYear) {
  const auto dates = window_in(kSummer, *parse_period("2027"));
  ASSERT_TRUE(dates);
  EXPECT_EQ(dates->start, d(2027, 6, 1));
  EXPECT_EQ(dates->end, d(2027, 7, 31));
  EXPECT_EQ(dates->kind, PeriodKind::year);
}

TEST(PlanWindowTest, IsClippedToThePeriodOrAbsentFromIt) {
  // Only hand-built rules put a window on a shorter period; the loader refuses them.
  const auto part = window_in(kSummer, *parse_period("2026-Q3"));
  ASSERT_TRUE(part);
  EXPECT_EQ(part->start, d(2026, 7, 1));
  EXPECT_EQ(part->end, d(2026, 7, 31));
  EXPECT_FALSE(window_in(kSummer, *parse_period("2026-Q4")));
  // 02-29 outside a leap year ends February.
  const auto feb = window_in(PlanWindow{date::February / 1, date::February / 29}, *parse_period("2026"));
  EXPECT_EQ(feb->end, d(2026, 2, 28));
}

TEST(PlanWindowTest, SpanIsTheWindowWithinTheActivePart) {
  const Period year = *parse_period("2026");
  EXPECT_EQ(planning_span(std::nullopt, year, year), year);
  const auto whole = planning_span(kSummer, year, year);
  EXPECT_EQ(whole.start, d(2026, 6, 1));
  EXPECT_EQ(whole.end, d(2026, 7, 31));
  Period from_july = year;
  from_july.start = d(2026, 7, 1);
  EXPECT_EQ(planning_span(kSummer, from_july, year).start, d(2026, 7, 1));
  EXPECT_EQ(planning_span(kSummer, from_july, year).end, d(2026, 7, 31));
  // Active on none of the window: the whole active part, as without a window.
  Period from_august = year;
  from_august.start = d(2026, 8, 1);
  EXPECT_EQ(planning_span(kSummer, from_august, year), from_august);
}

}  // namespace
}  // namespace cadence
