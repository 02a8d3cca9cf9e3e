#include "report/inspection_summary.h"

#include <gtest/gtest.h>

namespace cadence::report {
namespace {

using namespace date::literals;

Unit unit(const char* id, const char* parent, const char* type, const char* name) {
  Unit u;
  u.id = id;
  u.parent = parent;
  u.name = name;
  u.type = type;
  return u;
}

Rule cadence_rule(const char* id, const char* title, PeriodKind period, int target) {
  Rule rule;
  rule.id = id;
  rule.short_title = title;
  rule.period = period;
  rule.target = target;
  return rule;
}

class InspectionSummaryTest : public ::testing::Test {
 protected:
  InspectionSummaryTest()
      : tree({unit("county", "", "committee", "县委"), unit("jia", "county", "committee", "甲镇"),
              unit("jia-1", "jia", "branch", "甲村党支部"), unit("jia-2", "jia", "branch", "乙村党支部"),
              unit("yi", "county", "committee", "乙镇"), unit("yi-1", "yi", "branch", "丙村党支部"),
              unit("bing", "county", "committee", "丙镇")}) {
    auto study = cadence_rule("study", "中心组学习", PeriodKind::year, 12);
    study.quotas = {{"expanded", 4, "扩大学习"}, {"observed", 1, "宣传部旁听"}};
    Rule report;
    report.id = "report";
    report.short_title = "意识形态工作专题汇报";
    report.kind = RuleKind::deadline;
    report.period = PeriodKind::half;
    rules = {study, cadence_rule("theme-day", "主题党日", PeriodKind::month, 1), report,
             cadence_rule("analysis", "意识形态分析研判会", PeriodKind::quarter, 1)};
  }

  // Units by index: county 0, 甲镇 1, 甲村 2, 乙村 3, 乙镇 4, 丙村 5, 丙镇 6.
  Result& add(std::size_t u, std::size_t r, Status status, int done = 0, int expected = 0) {
    Result result{};
    result.unit = u;
    result.rule = r;
    result.period = period_containing(rules[r].period, checked.as_of);
    result.target = rules[r].target;
    result.done = done;
    result.expected = expected;
    result.status = status;
    checked.results.push_back(result);
    return checked.results.back();
  }
  void add_report(std::size_t u, Status status, std::optional<Day> submitted = std::nullopt) {
    auto& r = add(u, 2, status);
    r.period = *parse_period("2025-H2");
    r.due = Day{2026_y / 1 / 8};
    r.submitted = submitted;
  }

  UnitTree tree;
  std::vector<Rule> rules;
  CheckReport checked{Day{2026_y / 6 / 30}, {}, {}};
};

TEST_F(InspectionSummaryTest, NamesWhoFallsShortOfEachRuleMidYear) {
  add(0, 0, Status::missed);  // the county's own result is its own report's, not the summary's
  add(1, 0, Status::behind, 5, 6).quotas = {{"expanded", 4, 1, 2}, {"observed", 1, 0, 0}};
  add(4, 0, Status::behind, 0, 6).quotas = {{"expanded", 4, 0, 2}, {"observed", 1, 0, 0}};
  add(6, 0, Status::on_track, 6, 6);
  add(2, 1, Status::behind, 0, 1);
  add(3, 1, Status::on_track, 1, 1);
  add(5, 1, Status::on_track, 1, 1);
  add_report(1, Status::done, Day{2026_y / 1 / 6});
  add_report(4, Status::overdue);
  add_report(6, Status::late, Day{2026_y / 1 / 20});
  for (std::size_t u : {1, 4, 6}) add(u, 3, Status::on_track, 1, 1);

  const auto s = inspection_summary(checked, tree, rules, 0);
  ASSERT_EQ(s.paragraphs.size(), 5u);
  EXPECT_EQ(s.paragraphs[0],
            "截至2026年6月30日，县委所属3个单位均未按要求落实中心组学习、主题党日、意识形态工作专题汇报。");
  EXPECT_EQ(s.paragraphs[1],
            "中心组学习按要求全年不少于12次，其中扩大学习不少于4次、宣传部旁听不少于1次。"
            "3个党委中有2个进度滞后：甲镇中心组学习仅5次（按进度应不少于6次），其中扩大学习仅1次（按进度应不少于2次）；"
            "乙镇尚未组织中心组学习（按进度应不少于6次）。");
  // Townships hold no 主题党日 themselves: their branches answer for them, by name.
  EXPECT_EQ(s.paragraphs[2], "主题党日按要求每月不少于1次。3个党支部中有1个进度滞后：甲镇1个（甲村党支部）。");
  EXPECT_EQ(s.paragraphs[3],
            "2025年下半年意识形态工作专题汇报应于1月8日前报送。3个党委中有2个未按时报送：乙镇尚未报送；"
            "丙镇于1月20日逾期报送。");
  EXPECT_EQ(s.paragraphs[4], "意识形态分析研判会，各单位均按要求完成。");
}

TEST_F(InspectionSummaryTest, AfterTheYearTheWholeTargetCountsAndLikeShortfallsShareAPhrase) {
  checked.as_of = Day{2027_y / 1 / 10};
  const auto year = *parse_period("2026");
  for (std::size_t u : {1, 4}) {
    auto& r = add(u, 0, Status::missed, 10, 12);
    r.period = year;
    r.quotas = {{"expanded", 4, 4, 4}, {"observed", 1, 0, 1}};
  }
  add(6, 0, Status::made_up, 12, 12).period = year;

  const auto s = inspection_summary(checked, tree, rules, 0);
  ASSERT_EQ(s.paragraphs.size(), 2u);
  EXPECT_EQ(s.paragraphs[0], "截至2027年1月10日，县委所属3个单位均未按要求落实中心组学习。");
  EXPECT_EQ(
      s.paragraphs[1],
      "中心组学习按要求全年不少于12次，其中扩大学习不少于4次、宣传部旁听不少于1次。3个党委均未按要求完成："
      "甲镇、乙镇中心组学习仅10次（应不少于12次），其中尚无宣传部旁听（应不少于1次）；丙镇中心组学习为逾期补开。");
}

TEST_F(InspectionSummaryTest, QuotasAloneShortAreNamedAfterTheCount) {
  add(1, 0, Status::behind, 7, 6).quotas = {{"expanded", 4, 1, 2}, {"observed", 1, 0, 0}};
  const auto s = inspection_summary(checked, tree, rules, 0);
  ASSERT_EQ(s.paragraphs.size(), 2u);
  EXPECT_EQ(s.paragraphs[0], "截至2026年6月30日，县委所属1个单位未按要求落实中心组学习。");
  EXPECT_NE(s.paragraphs[1].find("1个党委进度滞后：甲镇中心组学习已组织7次，但扩大学习仅1次（按进度应不少于2次）。"),
            std::string::npos);
}

TEST_F(InspectionSummaryTest, EverythingKeptIsOneSentence) {
  for (std::size_t u : {1, 4, 6}) add(u, 0, Status::on_track, 6, 6);
  add(2, 1, Status::upcoming);
  add_report(1, Status::done, Day{2026_y / 1 / 6});
  const auto s = inspection_summary(checked, tree, rules, 0);
  EXPECT_EQ(s.paragraphs, std::vector<std::string>{"截至2026年6月30日，县委所属3个单位的中心组学习、主题党日、"
                                                   "意识形态工作专题汇报，各单位均按要求完成。"});
}

TEST_F(InspectionSummaryTest, NothingJudgedSaysSo) {
  EXPECT_EQ(inspection_summary(checked, tree, rules, 0).paragraphs,
            std::vector<std::string>{"截至2026年6月30日，县委所属单位暂无需检查的事项。"});
}

TEST(InspectionSummary, AChildWithItsOwnResultIsNotJudgedAgainByTheUnitsBelowIt) {
  const UnitTree tree({unit("county", "", "committee", "县委"), unit("gb", "county", "general-branch", "机关党总支"),
                       unit("gb-1", "gb", "branch", "一支部"), unit("b", "county", "branch", "县直党支部")});
  const std::vector<Rule> rules{cadence_rule("committee", "支部委员会会议", PeriodKind::month, 1)};
  CheckReport checked{Day{2026_y / 6 / 30}, {}, {}};
  const auto june = *parse_period("2026-06");
  checked.results = {{1, 0, june, {}, {}, {}, {}, 1, 1, 1, {}, Status::on_track},
                     {2, 0, june, {}, {}, {}, {}, 1, 0, 1, {}, Status::behind},
                     {3, 0, june, {}, {}, {}, {}, 1, 0, 1, {}, Status::behind}};
  const auto s = inspection_summary(checked, tree, rules, 0);
  ASSERT_EQ(s.paragraphs.size(), 2u);
  EXPECT_EQ(s.paragraphs[0], "截至2026年6月30日，县委所属2个单位中有1个未按要求落实支部委员会会议。");
  EXPECT_EQ(s.paragraphs[1],
            "支部委员会会议按要求每月不少于1次。2个单位中有1个进度滞后：县直党支部尚未召开支部委员会会议（按进度应不少"
            "于1次）。");
}

}  // namespace
}  // namespace cadence::report
