#include "rules/window_lint.h"

#include "core/test_calendar.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {
using testing::TempDir;

RuleSet rules_with_window(const TempDir& dir, const std::string& window) {
  dir.write("r.toml", "[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"cadence\"\n"
                      "period = \"year\"\ntarget = 1\n[rule.plan]\nweekday = \"thu\"\nwindow = " + window + "\n");
  auto set = load_rules(dir.path().string());
  EXPECT_TRUE(set.ok()) << set.diagnostics.at(0).to_string();
  return set;
}

TEST(WindowLintTest, AWindowOfHolidaysOnlyIsAnErrorAtTheWindowNamingTheYears) {
  TempDir dir;
  // 国庆 took Oct 1–7 in 2024 and 2026 and Oct 1–8 in 2025.
  const auto found = lint_windows(rules_with_window(dir, "[\"10-01\", \"10-07\"]"), testing::cn_calendar());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].to_string(), dir.file("r.toml") + ":10:10: error: plan: 'window' 10-01…10-07 has no workday in "
                                                      "2024, 2025, 2026 (holidays only): widen it so the sessions can "
                                                      "be planned on a workday");
  // Oct 8 was a workday in 2024 and 2026, not in 2025.
  const auto eighth = lint_windows(rules_with_window(dir, "[\"10-01\", \"10-08\"]"), testing::cn_calendar());
  ASSERT_EQ(eighth.size(), 1u);
  EXPECT_NE(eighth[0].message.find("has no workday in 2025 (holidays only)"), std::string::npos) << eighth[0].message;
}

TEST(WindowLintTest, AWindowWithWorkdaysEveryYearPasses) {
  TempDir dir;
  EXPECT_TRUE(lint_windows(rules_with_window(dir, "[\"10-01\", \"10-09\"]"), testing::cn_calendar()).empty());
  // Years without a schedule are not judged: a Monday–Friday calendar knows no holidays.
  EXPECT_TRUE(lint_windows(rules_with_window(dir, "[\"10-03\", \"10-04\"]"), WorkCalendar()).empty());
}

}  // namespace
}  // namespace cadence
