#include "calendars/local_date.h"

#include <date/date.h>
#include <gtest/gtest.h>

namespace cadence {
namespace {

using namespace std::chrono;
using date::sys_days;

TEST(LocalDay, IsTheWallCalendarDayAndTheSpanItCovers) {
  // 2026-11-23 17:00 UTC is already the 24th in Shanghai (UTC+8).
  const auto now = sys_days{date::year{2026} / 11 / 23} + hours{17};
  const auto d = local_day(now, "Asia/Shanghai");
  EXPECT_EQ(d.day, Day{date::year{2026} / 11 / 24});
  EXPECT_EQ(d.begins, sys_days{date::year{2026} / 11 / 23} + hours{16});
  EXPECT_EQ(d.ends - d.begins, hours{24});
  EXPECT_EQ(local_today(now, "Asia/Shanghai"), d.day);
}

TEST(LocalDay, ADaylightSavingDayIsShorter) {
  // New York springs forward on 2026-03-08: that day has 23 hours.
  const auto d = local_day(sys_days{date::year{2026} / 3 / 8} + hours{12}, "America/New_York");
  EXPECT_EQ(d.day, Day{date::year{2026} / 3 / 8});
  EXPECT_EQ(d.ends - d.begins, hours{23});
  EXPECT_EQ(d.begins, sys_days{date::year{2026} / 3 / 8} + hours{5});
}

}  // namespace
}  // namespace cadence
