#include "calendars/calendar_loader.h"

#include "core/provisional_schedule.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace cadence {
namespace {
using testing::TempDir;

Day d(int y, unsigned m, unsigned dd) { return Day{date::year{y} / date::month{m} / date::day{dd}}; }

bool weekend(Day day) { return date::weekday{day} == date::Saturday || date::weekday{day} == date::Sunday; }

Day observance(const std::vector<Observance>& observances, const std::string& name, int year) {
  for (const auto& o : observances)
    if (o.name == name && date::year_month_day{o.day}.year() == date::year{year}) return o.day;
  throw std::out_of_range("no " + name + " in " + std::to_string(year));
}

// 除夕, 清明, 端午 and 中秋 for 2024, 2027 and 2035 only.
const char* const kLunarObservances = R"(
[[lunar]]
name = "除夕"
dates = [2024-02-09, 2027-02-05, 2035-02-07]
[[lunar]]
name = "清明"
dates = [2024-04-04, 2027-04-05, 2035-04-05]
[[lunar]]
name = "端午"
dates = [2024-06-10, 2027-06-09, 2035-06-10]
[[lunar]]
name = "中秋"
dates = [2024-09-17, 2027-09-15, 2035-09-16]
)";

TEST(CalendarLoaderTest, TheShippedChineseCalendarKnowsTheOfficialSchedule) {
  const auto data = load_calendar(CADENCE_SOURCE_DIR "/calendars");
  for (const auto& diag : data.diagnostics) ADD_FAILURE() << diag.to_string();
  const WorkCalendar cal(data.notices, data.observances);
  for (int y = 2019; y <= 2026; ++y) EXPECT_TRUE(cal.has_schedule(date::year{y})) << y;
  EXPECT_TRUE(cal.is_workday(d(2024, 2, 4)));    // Sunday, make-up workday
  EXPECT_FALSE(cal.is_workday(d(2024, 2, 12)));  // Monday in 春节
  EXPECT_TRUE(cal.is_workday(d(2025, 10, 11)));  // Saturday, make-up workday
  EXPECT_TRUE(cal.is_workday(d(2018, 12, 29)));  // Saturday, from the 2019 notice
  EXPECT_FALSE(cal.is_workday(d(2018, 12, 31))); // Monday, 元旦 of the 2019 notice
  EXPECT_FALSE(cal.is_workday(d(2020, 1, 31)));  // the 2020 春节 extension
  EXPECT_FALSE(cal.is_workday(d(2020, 2, 1)));   // its cancelled make-up Saturday
  EXPECT_EQ(cal.workdays(d(2026, 1, 1), d(2026, 12, 31)), 248);
  // Observances: lunar and fixed dates.
  const auto mid_autumn = cal.observances_between(d(2031, 10, 1), d(2031, 10, 1));
  bool found = false;
  for (const auto& o : mid_autumn) found |= o.name.find("中秋") != std::string::npos;
  EXPECT_TRUE(found);
  bool security_day = false;
  for (const auto& o : cal.observances_between(d(2030, 4, 15), d(2030, 4, 15)))
    security_day |= o.name.find("国家安全") != std::string::npos;
  EXPECT_TRUE(security_day);
}

TEST(CalendarLoaderTest, ANewYearIsADataFile) {
  TempDir dir;
  dir.write("cn/holidays-2027.toml", R"(year = 2027
[[holiday]]
name = "元旦"
off = [2027-01-01]
makeup = []
)");
  const auto cal = load_calendar_or_throw(dir.path().string());
  EXPECT_TRUE(cal.has_schedule(date::year{2027}));
  EXPECT_FALSE(cal.is_workday(d(2027, 1, 1)));
}

// The notices of 2025 and 2026 add bridge days and 调休 swaps, which no rule predicts; what the
// law fixes they must keep: every provisional day off is off in the notice, and the notice's
// weekdays off less its make-up workdays are as many as the provisional weekdays off.
TEST(CalendarLoaderTest, TheProvisionalRuleKeepsWhatTheNoticesOf2025And2026Fix) {
  const auto data = load_calendar(CADENCE_SOURCE_DIR "/calendars");
  ASSERT_TRUE(data.ok());
  std::vector<HolidayNotice> official;
  for (const auto& n : data.notices)
    if (!n.provisional) official.push_back(n);
  const WorkCalendar cal(official, {});
  for (const int year : {2025, 2026}) {
    const auto& o = data.observances;
    const LunarDates lunar{observance(o, "除夕", year), observance(o, "清明", year), observance(o, "端午", year),
                           observance(o, "中秋", year)};
    int provisional_weekdays = 0;
    for (const auto& h : provisional_notice(date::year{year}, lunar).holidays)
      for (const Day day : h.off_days) {
        EXPECT_FALSE(cal.is_workday(day)) << h.name << " " << format_day(day);
        provisional_weekdays += weekend(day) ? 0 : 1;
      }
    int net = 0;
    for (const auto& n : official)
      for (const auto& h : n.holidays)
        if (n.year == year) {
          for (const Day day : h.off_days) net += weekend(day) ? 0 : 1;
          net -= static_cast<int>(h.makeup_days.size());
        }
    EXPECT_EQ(provisional_weekdays, net) << year;
    EXPECT_EQ(provisional_weekdays, 13) << year;
  }
}

TEST(CalendarLoaderTest, AYearWithoutANoticeFollowsTheLawUntilItsFileIsAdded) {
  TempDir dir;
  dir.write("cn/observances.toml", kLunarObservances);
  const auto cal = load_calendar_or_throw(dir.path().string());
  EXPECT_TRUE(cal.is_provisional(date::year{2027}));
  EXPECT_TRUE(cal.is_provisional(date::year{2035}));
  EXPECT_FALSE(cal.is_workday(d(2027, 1, 1)));   // 元旦, a Friday
  EXPECT_FALSE(cal.is_workday(d(2027, 2, 9)));   // in lieu of Saturday 02-06
  EXPECT_FALSE(cal.is_workday(d(2027, 5, 3)));   // in lieu of Saturday 05-01
  // No lunar dates for 2028; 2024 is before the 2024 revision applies.
  EXPECT_EQ(cal.years_without_schedule(d(2024, 1, 1), d(2028, 12, 31)), (std::vector<int>{2024, 2025, 2026, 2028}));
  EXPECT_TRUE(cal.is_workday(d(2024, 1, 1)));

  dir.write("cn/holidays-2027.toml", R"(year = 2027
[[holiday]]
name = "春节"
off = [2027-02-05, 2027-02-06, 2027-02-07, 2027-02-08, 2027-02-09, 2027-02-10, 2027-02-11]
makeup = [2027-02-20]
)");
  const auto with_notice = load_calendar_or_throw(dir.path().string());
  EXPECT_TRUE(with_notice.has_schedule(date::year{2027}));
  EXPECT_FALSE(with_notice.is_provisional(date::year{2027}));
  EXPECT_TRUE(with_notice.is_provisional(date::year{2035}));
  EXPECT_FALSE(with_notice.is_workday(d(2027, 2, 11)));
  EXPECT_TRUE(with_notice.is_workday(d(2027, 2, 20)));  // the notice's Saturday
  EXPECT_TRUE(with_notice.is_workday(d(2027, 1, 1)));   // this notice gives no 元旦: nor does the calendar
  EXPECT_TRUE(with_notice.is_workday(d(2027, 5, 3)));
}

TEST(CalendarLoaderTest, ErrorsNameFileAndLine) {
  TempDir dir;
  const auto path = dir.write("cn/holidays-2027.toml", "year = 2027\n[[holiday]]\nname = \"x\"\noff = [2027-01-01]\nmakeup = [2027-01-04]\n");
  const auto data = load_calendar(dir.path().string());
  ASSERT_EQ(data.diagnostics.size(), 1u);
  EXPECT_NE(data.diagnostics[0].to_string().find(path + ":5:10: error: holiday: make-up workday 2027-01-04 is not a Saturday or Sunday"),
            std::string::npos)
      << data.diagnostics[0].to_string();
  dir.write("cn/holidays-2027.toml", "year = 2028\n");
  EXPECT_NE(load_calendar(dir.path().string()).diagnostics.at(0).message.find("holidays-2028.toml"), std::string::npos);
}

}  // namespace
}  // namespace cadence
