#include "calendars/calendar_loader.h"

#include "support/temp_dir.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {
using testing::TempDir;

Day d(int y, unsigned m, unsigned dd) { return Day{date::year{y} / date::month{m} / date::day{dd}}; }

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
