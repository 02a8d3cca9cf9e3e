#include "report/display_text.h"

#include <gtest/gtest.h>

namespace cadence::report {
namespace {

using namespace date::literals;

TEST(DisplayTextTest, DatesAsUsersInChinaWriteThem) {
  EXPECT_EQ(display_date(Day{2026_y / 5 / 14}, Language::kChinese), "2026年5月14日 周四");
  EXPECT_EQ(display_date(Day{2026_y / 2 / 1}, Language::kChinese), "2026年2月1日 周日");
  EXPECT_EQ(display_date(Day{2026_y / 5 / 14}, Language::kEnglish), "Thu 14 May 2026");
}

TEST(DisplayTextTest, PeriodsByName) {
  const auto zh = [](const char* id) { return display_period(*parse_period(id), Language::kChinese); };
  EXPECT_EQ(zh("2026"), "2026年");
  EXPECT_EQ(zh("2026-H1"), "2026年上半年");
  EXPECT_EQ(zh("2026-H2"), "2026年下半年");
  EXPECT_EQ(zh("2026-Q1"), "2026年第一季度");
  EXPECT_EQ(zh("2026-Q4"), "2026年第四季度");
  EXPECT_EQ(zh("2026-03"), "2026年3月");
  EXPECT_EQ(zh("2026-W07"), "2026年第7周");
  // ISO week 1 of 2027 starts on 4 January; week 53 of 2026 ends on 3 January 2027.
  EXPECT_EQ(zh("2026-W53"), "2026年第53周");
  const auto en = [](const char* id) { return display_period(*parse_period(id), Language::kEnglish); };
  EXPECT_EQ(en("2026-Q3"), "Q3 2026");
  EXPECT_EQ(en("2026-H1"), "H1 2026");
  EXPECT_EQ(en("2026-03"), "March 2026");
  EXPECT_EQ(en("2026-W07"), "week 7 of 2026");
}

TEST(DisplayTextTest, StatusesUnitTypesAndLanguages) {
  EXPECT_EQ(display_status(Status::behind, Language::kChinese), "落后");
  EXPECT_EQ(display_status(Status::overdue, Language::kChinese), "已逾期");
  EXPECT_EQ(display_status(Status::made_up, Language::kEnglish), "made up");
  EXPECT_EQ(display_unit_type("branch", Language::kChinese), "党支部");
  EXPECT_EQ(display_unit_type("township-office", Language::kChinese), "township-office");
  EXPECT_EQ(parse_language("en"), Language::kEnglish);
  EXPECT_EQ(parse_language("zh-CN"), Language::kChinese);
  EXPECT_EQ(parse_language("fr"), std::nullopt);
}

}  // namespace
}  // namespace cadence::report
