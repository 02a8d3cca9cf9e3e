// The provisional schedule as a pure function of the law and the lunar dates: every date here
// is passed in, none is read from a file or the clock.
#include "core/provisional_schedule.h"

#include "test_calendar.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <stdexcept>

namespace cadence {
namespace {
using testing::d;
using testing::span;

// 除夕, 清明, 端午, 中秋 of calendars/cn/observances.toml (lunar-python and the chinese-days
// table agree on each).
const std::map<int, LunarDates> kLunar{
    {2025, {d(2025, 1, 28), d(2025, 4, 4), d(2025, 5, 31), d(2025, 10, 6)}},
    {2026, {d(2026, 2, 16), d(2026, 4, 5), d(2026, 6, 19), d(2026, 9, 25)}},
    {2027, {d(2027, 2, 5), d(2027, 4, 5), d(2027, 6, 9), d(2027, 9, 15)}},
    {2028, {d(2028, 1, 25), d(2028, 4, 4), d(2028, 5, 28), d(2028, 10, 3)}},
    {2029, {d(2029, 2, 12), d(2029, 4, 4), d(2029, 6, 16), d(2029, 9, 22)}},
    {2030, {d(2030, 2, 2), d(2030, 4, 5), d(2030, 6, 5), d(2030, 9, 12)}},
    {2031, {d(2031, 1, 22), d(2031, 4, 5), d(2031, 6, 24), d(2031, 10, 1)}},
    {2032, {d(2032, 2, 10), d(2032, 4, 4), d(2032, 6, 12), d(2032, 9, 19)}},
    {2033, {d(2033, 1, 30), d(2033, 4, 4), d(2033, 6, 1), d(2033, 9, 8)}},
    {2034, {d(2034, 2, 18), d(2034, 4, 5), d(2034, 6, 20), d(2034, 9, 27)}},
    {2035, {d(2035, 2, 7), d(2035, 4, 5), d(2035, 6, 10), d(2035, 9, 16)}},
};

HolidayNotice of_year(int year) { return provisional_notice(date::year{year}, kLunar.at(year)); }

const Holiday& named(const HolidayNotice& notice, const std::string& name) {
  for (const auto& h : notice.holidays)
    if (h.name == name) return h;
  throw std::out_of_range("no holiday " + name);
}

bool weekend(Day day) {
  const date::weekday wd{day};
  return wd == date::Saturday || wd == date::Sunday;
}

TEST(ProvisionalScheduleTest, TheStatutoryDaysOf2027WithTheirMakeUpDays) {
  const auto notice = of_year(2027);
  EXPECT_TRUE(notice.provisional);
  EXPECT_EQ(notice.year, 2027);
  ASSERT_EQ(notice.holidays.size(), 7u);
  EXPECT_EQ(named(notice, "元旦").off_days, std::vector<Day>{d(2027, 1, 1)});  // a Friday
  // 除夕 Friday 02-05 to 初三 Monday 02-08; the weekend is made up on Tuesday and Wednesday.
  EXPECT_EQ(named(notice, "春节").off_days, span(d(2027, 2, 5), d(2027, 2, 10)));
  EXPECT_EQ(named(notice, "春节").in_lieu_days, (std::vector<Day>{d(2027, 2, 9), d(2027, 2, 10)}));
  EXPECT_EQ(named(notice, "清明节").off_days, std::vector<Day>{d(2027, 4, 5)});  // a Monday
  EXPECT_EQ(named(notice, "劳动节").off_days, span(d(2027, 5, 1), d(2027, 5, 4)));  // Sat, Sun → Mon, Tue
  EXPECT_EQ(named(notice, "端午节").off_days, std::vector<Day>{d(2027, 6, 9)});
  EXPECT_EQ(named(notice, "中秋节").off_days, std::vector<Day>{d(2027, 9, 15)});
  EXPECT_EQ(named(notice, "国庆节").off_days, span(d(2027, 10, 1), d(2027, 10, 5)));  // Sat, Sun → Mon, Tue
  for (const auto& h : notice.holidays) EXPECT_TRUE(h.makeup_days.empty()) << h.name;  // no 调休
}

TEST(ProvisionalScheduleTest, OneWeekendDayIsMadeUpOnTheNextWorkday) {
  const auto notice = of_year(2026);
  // 国庆 Thursday 10-01 to Saturday 10-03: Monday 10-05, not Sunday 10-04.
  EXPECT_EQ(named(notice, "国庆节").off_days,
            (std::vector<Day>{d(2026, 10, 1), d(2026, 10, 2), d(2026, 10, 3), d(2026, 10, 5)}));
  EXPECT_EQ(named(notice, "国庆节").in_lieu_days, std::vector<Day>{d(2026, 10, 5)});
  // 清明 on Sunday 04-05: Monday 04-06, as the 2026 notice has it.
  EXPECT_EQ(named(notice, "清明节").in_lieu_days, std::vector<Day>{d(2026, 4, 6)});
  // 春节 Monday 02-16 to Thursday 02-19: nothing to make up.
  EXPECT_EQ(named(notice, "春节").off_days, span(d(2026, 2, 16), d(2026, 2, 19)));
  EXPECT_TRUE(named(notice, "春节").in_lieu_days.empty());
}

TEST(ProvisionalScheduleTest, MakeUpDaysSkipTheHolidaysOwnWorkdays) {
  // 2034 春节: 除夕 Saturday 02-18, 初一 Sunday, 初二 and 初三 Monday and Tuesday; the two
  // weekend days go to Wednesday and Thursday, after the holiday's own weekdays.
  const auto notice = of_year(2034);
  const auto& spring = named(notice, "春节");
  EXPECT_EQ(spring.off_days, span(d(2034, 2, 18), d(2034, 2, 23)));
  EXPECT_EQ(spring.in_lieu_days, (std::vector<Day>{d(2034, 2, 22), d(2034, 2, 23)}));
}

TEST(ProvisionalScheduleTest, MidAutumnOnANationalDayIsOneHolidayOfFourDays) {
  // 2031: 中秋 on Wednesday 10-01 itself; the shared day is made up after the weekend.
  const auto notice2031 = of_year(2031);
  ASSERT_EQ(notice2031.holidays.size(), 6u);
  const auto& both = named(notice2031, "国庆节、中秋节");
  EXPECT_EQ(both.off_days, (std::vector<Day>{d(2031, 10, 1), d(2031, 10, 2), d(2031, 10, 3), d(2031, 10, 6)}));
  // 2028: Sunday 10-01 and 中秋 on Tuesday 10-03 are made up on Wednesday and Thursday.
  const auto notice2028 = of_year(2028);
  EXPECT_EQ(named(notice2028, "国庆节、中秋节").off_days, span(d(2028, 10, 1), d(2028, 10, 5)));
}

// Article 2 gives 13 days and Article 6 keeps them all: every year has 13 weekdays off, each in
// one holiday only, none outside the year.
TEST(ProvisionalScheduleTest, EveryYearHasThirteenWeekdaysOff) {
  for (const auto& [year, lunar] : kLunar) {
    const auto notice = provisional_notice(date::year{year}, lunar);
    std::set<Day> seen;
    int weekdays = 0;
    for (const auto& h : notice.holidays)
      for (const Day day : h.off_days) {
        EXPECT_TRUE(seen.insert(day).second) << year << " " << format_day(day) << " is in two holidays";
        EXPECT_EQ(date::year_month_day{day}.year(), date::year{year}) << format_day(day);
        weekdays += weekend(day) ? 0 : 1;
      }
    EXPECT_EQ(weekdays, 13) << year;
    for (const auto& h : notice.holidays)
      for (const Day day : h.in_lieu_days) EXPECT_FALSE(weekend(day)) << format_day(day);
  }
}

}  // namespace
}  // namespace cadence
