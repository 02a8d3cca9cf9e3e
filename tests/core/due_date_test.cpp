#include "core/due_date.h"

#include "test_calendar.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {
using testing::cn_calendar;
using testing::d;

DueSpec spec(DueSpec::Anchor from, std::optional<int> workdays, std::optional<int> days = std::nullopt) {
  return DueSpec{from, workdays, days};
}

TEST(DueDateTest, WorkdaysAfterTheEnd) {
  const auto cal = cn_calendar();
  const auto h1 = *parse_period("2026-H1");
  EXPECT_EQ(due_date(spec(DueSpec::Anchor::end, 5), h1, cal), d(2026, 7, 7));
  // N = 0: the period's last workday. 2026-Q3 ends on Sept 30, a Wednesday.
  EXPECT_EQ(due_date(spec(DueSpec::Anchor::end, 0), *parse_period("2026-Q3"), cal), d(2026, 9, 30));
  // 2025 ends on a Wednesday; after it, 2026-01-01..03 are 元旦 and Sunday 4th is worked.
  EXPECT_EQ(due_date(spec(DueSpec::Anchor::end, 1), *parse_period("2025"), cal), d(2026, 1, 4));
}

TEST(DueDateTest, WorkdaysFromTheStart) {
  const auto cal = cn_calendar();
  // 2026-10: the 1st workday is Oct 8 (国庆 until the 7th).
  EXPECT_EQ(due_date(spec(DueSpec::Anchor::start, 1), *parse_period("2026-10"), cal), d(2026, 10, 8));
  EXPECT_EQ(due_date(spec(DueSpec::Anchor::start, 20), *parse_period("2026"), cal), d(2026, 1, 29));
}

TEST(DueDateTest, CalendarDays) {
  const auto cal = cn_calendar();
  EXPECT_EQ(due_date(spec(DueSpec::Anchor::end, std::nullopt, 10), *parse_period("2026-H1"), cal), d(2026, 7, 10));
  EXPECT_EQ(due_date(spec(DueSpec::Anchor::start, std::nullopt, 31), *parse_period("2026"), cal), d(2026, 2, 1));
}

}  // namespace
}  // namespace cadence
