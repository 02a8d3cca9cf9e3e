#include "report/report_paragraph.h"

#include <gtest/gtest.h>

namespace cadence::report {
namespace {

using namespace date::literals;

class ReportParagraphTest : public ::testing::Test {
 protected:
  ReportParagraphTest() {
    town.id = "jia";
    town.name = "甲镇";
    town.type = "committee";
    Rule study;
    study.short_title = "中心组学习";
    study.target = 12;
    study.quotas = {{"expanded", 4, "扩大学习"}, {"observed", 1, "宣传部旁听"}};
    Rule analysis;
    analysis.title = "意识形态分析研判会";
    analysis.period = PeriodKind::quarter;
    analysis.target = 1;
    Rule plan;
    plan.short_title = "中心组年度学习计划";
    plan.kind = RuleKind::deadline;
    Rule report;
    report.short_title = "意识形态工作专题汇报";
    report.kind = RuleKind::deadline;
    report.period = PeriodKind::half;
    Rule committee;
    committee.title = "支部委员会会议";
    committee.period = PeriodKind::month;
    committee.target = 1;
    rules = {study, analysis, plan, report, committee};
  }

  Result& add(std::size_t rule, const char* period, Status status, int done = 0, int expected = 0) {
    Result r{};
    r.rule = rule;
    r.period = *parse_period(period);
    r.target = rules[rule].target;
    r.done = done;
    r.expected = expected;
    r.status = status;
    results.push_back(r);
    return results.back();
  }
  Result& add_deadline(std::size_t rule, const char* period, Status status, Day due) {
    auto& r = add(rule, period, status);
    r.due = due;
    if (status == Status::done || status == Status::late) r.submitted = due;
    return r;
  }
  // What check() as of 30 June judges: the year so far, both quarters, the plan due in January
  // and last year's second-half report; this half's report is due in July, not yet judged.
  void first_half() {
    add(0, "2026", Status::behind, 5, 6).quotas = {{"expanded", 4, 1, 2}, {"observed", 1, 0, 0}};
    add(1, "2026-Q1", Status::met, 1, 1);
    add(1, "2026-Q2", Status::on_track, 1, 1);
    add_deadline(2, "2026", Status::done, Day{2026_y / 1 / 30});
    add_deadline(3, "2025-H2", Status::done, Day{2026_y / 1 / 8});
  }

  Unit town;
  std::vector<Rule> rules;
  std::vector<Result> results;
  const Period h1 = *parse_period("2026-H1");
};

TEST_F(ReportParagraphTest, TheFirstHalfInTheUnitsOwnWords) {
  first_half();
  const auto p = report_paragraph(town, rules, results, h1, Voice::kOwn);
  EXPECT_EQ(p.held,
            "上半年，共组织中心组学习5次，其中扩大学习1次；召开意识形态分析研判会2次；"
            "按时报送中心组年度学习计划、2025年下半年意识形态工作专题汇报。");
  EXPECT_EQ(p.shortfalls, "对照要求，中心组学习仅5次（按进度应不少于6次），其中扩大学习仅1次（按进度应不少于2次）。");
  EXPECT_EQ(p.paragraphs(), (std::vector<std::string>{p.held, p.shortfalls}));
}

TEST_F(ReportParagraphTest, ASuperiorQuotesItUnderTheUnitsName) {
  first_half();
  const auto p = report_paragraph(town, rules, results, h1, Voice::kSuperior);
  EXPECT_EQ(p.held.substr(0, p.held.find("，")), "甲镇上半年共组织中心组学习5次");
  EXPECT_EQ(p.shortfalls.substr(0, p.shortfalls.find("，", std::string("对照要求，").size())),
            "对照要求，甲镇中心组学习仅5次（按进度应不少于6次）");
}

TEST_F(ReportParagraphTest, TheYearWithDeliverablesLateOrMissingAndMonthsMissed) {
  add(0, "2026", Status::met, 12, 12).quotas = {{"expanded", 4, 4, 4}, {"observed", 1, 1, 1}};
  add_deadline(3, "2026-H1", Status::late, Day{2026_y / 7 / 8}).submitted = Day{2026_y / 7 / 20};
  add_deadline(2, "2026", Status::overdue, Day{2026_y / 1 / 30});
  add_deadline(3, "2026-H2", Status::pending, Day{2027_y / 1 / 8});  // due next year: not this report's
  for (const char* month : {"2026-01", "2026-02", "2026-03"}) add(4, month, Status::met, 1, 1);
  add(4, "2026-04", Status::missed, 0, 1);
  add(4, "2026-05", Status::made_up, 1, 1);
  const auto p = report_paragraph(town, rules, results, *parse_period("2026"), Voice::kOwn);
  EXPECT_EQ(p.held, "全年，共组织中心组学习12次，其中扩大学习4次、宣传部旁听1次；召开支部委员会会议4次。");
  EXPECT_EQ(p.shortfalls,
            "对照要求，尚未报送中心组年度学习计划；2026年上半年意识形态工作专题汇报于7月20日逾期报送；"
            "支部委员会会议4月、5月未按期召开。");
}

TEST_F(ReportParagraphTest, NothingHeldLeavesTheFirstTextEmpty) {
  add(0, "2026", Status::behind, 0, 6).quotas = {{"expanded", 4, 0, 2}, {"observed", 1, 0, 0}};
  const auto p = report_paragraph(town, rules, results, h1, Voice::kOwn);
  EXPECT_EQ(p.held, "");
  EXPECT_EQ(p.shortfalls, "对照要求，尚未组织中心组学习（按进度应不少于6次）。");
  EXPECT_EQ(p.paragraphs(), std::vector<std::string>{p.shortfalls});
}

}  // namespace
}  // namespace cadence::report
