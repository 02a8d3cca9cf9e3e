#include "core/work_calendar.h"

#include "core/provisional_schedule.h"
#include "test_calendar.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {
using testing::cn_calendar;
using testing::d;

TEST(WorkCalendarTest, PinnedDaysOfTheOfficialSchedule) {
  const auto cal = cn_calendar();
  EXPECT_TRUE(cal.is_workday(d(2024, 2, 4)));    // Sunday, make-up workday before 春节
  EXPECT_FALSE(cal.is_workday(d(2024, 2, 12)));  // Monday inside 春节
  EXPECT_TRUE(cal.is_workday(d(2025, 10, 11)));  // Saturday, make-up after 国庆
  EXPECT_FALSE(cal.is_workday(d(2025, 10, 8)));  // Wednesday, 国庆+中秋
  EXPECT_FALSE(cal.is_workday(d(2026, 1, 2)));   // Friday, 元旦
  EXPECT_TRUE(cal.is_workday(d(2026, 1, 5)));    // an ordinary Monday
  EXPECT_FALSE(cal.is_workday(d(2026, 1, 10)));  // an ordinary Saturday
}

TEST(WorkCalendarTest, FallsBackToMondayToFridayWithoutASchedule) {
  const auto cal = cn_calendar();
  EXPECT_FALSE(cal.has_schedule(date::year{2027}));
  EXPECT_TRUE(cal.has_schedule(date::year{2026}));
  EXPECT_TRUE(cal.is_workday(d(2027, 1, 1)));  // a Friday; 2027's notice is not out
  EXPECT_EQ(cal.years_without_schedule(d(2026, 12, 1), d(2027, 2, 1)), std::vector<int>{2027});
}

const LunarDates kLunar2027{d(2027, 2, 5), d(2027, 4, 5), d(2027, 6, 9), d(2027, 9, 15)};

TEST(WorkCalendarTest, AProvisionalYearKeepsItsStatutoryDaysOff) {
  auto notices = cn_calendar().notices();
  notices.push_back(provisional_notice(date::year{2027}, kLunar2027));
  const WorkCalendar cal(notices, {});
  EXPECT_TRUE(cal.is_provisional(date::year{2027}));
  EXPECT_FALSE(cal.has_schedule(date::year{2027}));
  EXPECT_FALSE(cal.is_provisional(date::year{2026}));
  EXPECT_TRUE(cal.years_without_schedule(d(2026, 12, 1), d(2027, 12, 31)).empty());
  EXPECT_EQ(cal.provisional_years(d(2026, 12, 1), d(2027, 12, 31)), std::vector<int>{2027});
  EXPECT_FALSE(cal.is_workday(d(2027, 1, 1)));   // 元旦, a Friday
  EXPECT_FALSE(cal.is_workday(d(2027, 2, 10)));  // Wednesday, in lieu of Sunday 初二
  EXPECT_TRUE(cal.is_workday(d(2027, 2, 11)));
  EXPECT_EQ(cal.holiday_on(d(2027, 10, 4)), "国庆节");
  EXPECT_EQ(cal.nth_workday_after(d(2026, 12, 31), 1), d(2027, 1, 4));
}

TEST(WorkCalendarTest, ANoticeReplacesTheProvisionalScheduleOfItsYear) {
  auto notices = cn_calendar().notices();
  notices.push_back(provisional_notice(date::year{2027}, kLunar2027));
  notices.push_back({2027, "2027", {testing::holiday("元旦", {d(2027, 1, 1)}, {})}});
  const WorkCalendar cal(notices, {});
  EXPECT_TRUE(cal.has_schedule(date::year{2027}));
  EXPECT_FALSE(cal.is_provisional(date::year{2027}));
  EXPECT_TRUE(cal.provisional_years(d(2027, 1, 1), d(2027, 12, 31)).empty());
  EXPECT_FALSE(cal.is_workday(d(2027, 1, 1)));
  EXPECT_TRUE(cal.is_workday(d(2027, 2, 10)));  // provisional only; this notice gives no 春节
  for (const auto& n : cal.notices()) EXPECT_FALSE(n.provisional);
}

TEST(WorkCalendarTest, CountsWorkdaysInclusive) {
  const auto cal = cn_calendar();
  // October 2026: 22 weekdays, 5 of them in 国庆 (1,2,5,6,7), plus Saturday 10 worked.
  EXPECT_EQ(cal.workdays(d(2026, 10, 1), d(2026, 10, 31)), 22 - 5 + 1);
  EXPECT_EQ(cal.workdays(d(2026, 10, 31), d(2026, 10, 1)), 0);
  EXPECT_EQ(cal.workdays(d(2026, 10, 8), d(2026, 10, 8)), 1);
  // 2026 as a whole, counted day by day against the prefix table.
  std::int64_t slow = 0;
  for (Day x = d(2026, 1, 1); x <= d(2026, 12, 31); x += date::days{1}) slow += cal.is_workday(x);
  EXPECT_EQ(cal.workdays(d(2026, 1, 1), d(2026, 12, 31)), slow);
  EXPECT_EQ(slow, 248);
}

TEST(WorkCalendarTest, NthWorkdayArithmetic) {
  const auto cal = cn_calendar();
  // The 5th workday after 2026-06-30 (Tue): Jul 1,2,3,6,7.
  EXPECT_EQ(cal.nth_workday_after(d(2026, 6, 30), 5), d(2026, 7, 7));
  // Counting from 2026-10-01: the first workday is Thursday 8th, then Friday 9th, Saturday 10th.
  EXPECT_EQ(cal.nth_workday_from(d(2026, 10, 1), 1), d(2026, 10, 8));
  EXPECT_EQ(cal.nth_workday_from(d(2026, 10, 1), 3), d(2026, 10, 10));
  EXPECT_EQ(cal.last_workday_on_or_before(d(2026, 10, 7)), d(2026, 9, 30));
  EXPECT_EQ(cal.nth_workday_from(d(2026, 10, 1), 0), std::nullopt);
}

TEST(WorkCalendarTest, NamesTheHolidayOfAnOffDay) {
  const auto cal = cn_calendar();
  EXPECT_EQ(cal.holiday_on(d(2026, 10, 3)), "国庆节");
  EXPECT_EQ(cal.holiday_on(d(2026, 10, 10)), std::nullopt);
}

}  // namespace
}  // namespace cadence
