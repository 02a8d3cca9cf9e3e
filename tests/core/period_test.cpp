#include "core/period.h"

#include "test_calendar.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {
using testing::d;

TEST(PeriodTest, ContainingPeriodsAndTheirIds) {
  const Day day = d(2026, 5, 14);
  EXPECT_EQ(period_containing(PeriodKind::year, day).id(), "2026");
  EXPECT_EQ(period_containing(PeriodKind::half, day).id(), "2026-H1");
  EXPECT_EQ(period_containing(PeriodKind::quarter, day).id(), "2026-Q2");
  EXPECT_EQ(period_containing(PeriodKind::month, day).id(), "2026-05");
  EXPECT_EQ(period_containing(PeriodKind::week, day).id(), "2026-W20");
  const auto q = period_containing(PeriodKind::quarter, day);
  EXPECT_EQ(q.start, d(2026, 4, 1));
  EXPECT_EQ(q.end, d(2026, 6, 30));
  const auto feb = period_containing(PeriodKind::month, d(2024, 2, 10));
  EXPECT_EQ(feb.end, d(2024, 2, 29));
}

TEST(PeriodTest, IsoWeeksCrossYears) {
  const auto w = period_containing(PeriodKind::week, d(2027, 1, 1));  // a Friday
  EXPECT_EQ(w.id(), "2026-W53");
  EXPECT_EQ(w.start, d(2026, 12, 28));
  EXPECT_EQ(w.end, d(2027, 1, 3));
}

TEST(PeriodTest, ParsesWhatItPrints) {
  for (const char* id : {"2026", "2026-H2", "2026-Q1", "2026-12", "2026-W07", "2026-W53"}) {
    const auto p = parse_period(id);
    ASSERT_TRUE(p) << id;
    EXPECT_EQ(p->id(), id);
  }
  for (const char* bad : {"", "26", "2026-H3", "2026-Q0", "2026-13", "2025-W53", "2026-W00", "2026/Q1", "2026-Q1x"})
    EXPECT_FALSE(parse_period(bad)) << bad;
}

TEST(PeriodTest, NextPreviousAndPeriodsStartingInAYear) {
  const auto q4 = *parse_period("2026-Q4");
  EXPECT_EQ(next_period(q4).id(), "2027-Q1");
  EXPECT_EQ(previous_period(*parse_period("2026-H1")).id(), "2025-H2");
  EXPECT_EQ(periods_starting_in(PeriodKind::month, date::year{2026}).size(), 12u);
  const auto weeks = periods_starting_in(PeriodKind::week, date::year{2026});
  EXPECT_EQ(weeks.front().id(), "2026-W02");  // W01 starts on Monday 2025-12-29
  EXPECT_EQ(weeks.front().start, d(2026, 1, 5));
  EXPECT_EQ(weeks.back().id(), "2026-W53");
}

TEST(DayTest, ParsesOnlyRealDates) {
  EXPECT_EQ(parse_day("2026-02-28"), d(2026, 2, 28));
  EXPECT_FALSE(parse_day("2026-02-30"));
  EXPECT_FALSE(parse_day("2026-2-28"));
  EXPECT_FALSE(parse_day("2026/02/28"));
  EXPECT_FALSE(parse_day("２０２６-02-28"));
  EXPECT_EQ(format_day(d(2026, 7, 8)), "2026-07-08");
}

}  // namespace
}  // namespace cadence
