#include "report/overview.h"

#include <gtest/gtest.h>

namespace cadence::report {
namespace {

using namespace date::literals;

class OverviewTest : public ::testing::Test {
 protected:
  OverviewTest()
      : tree({unit("county", "", "committee"), unit("town", "county", "committee"), unit("v1", "town", "branch"),
              unit("v2", "town", "branch"), unit("v3", "county", "branch")}) {
    Rule study;
    study.id = "study";
    study.title = "中心组学习";
    study.title_en = "Study group";
    study.target = 12;
    study.quotas = {{"expanded", 4, "扩大"}, {"observed", 1, "旁听"}};
    Rule report;
    report.id = "report";
    report.title = "半年报告";
    report.kind = RuleKind::deadline;
    rules = {study, report};
    const auto year = *parse_period("2026");
    // Units by index: county 0, town 1, v1 2, v2 3, v3 4.
    add(2, 0, year, Status::behind, 5, {{"expanded", 4, 2, 0}, {"observed", 1, 0, 0}});
    add(3, 0, year, Status::on_track, 6, {});
    add(4, 0, year, Status::missed, 1, {});
    Result due{};
    due.unit = 4;
    due.rule = 1;
    due.period = *parse_period("2026-H1");
    due.due = Day{2026_y / 7 / 15};
    due.status = Status::overdue;
    checked.results.push_back(due);
    // Roll-ups as check() makes them: town over v1 and v2; county over everything.
    checked.rollup.push_back(rollup(1, 0, {{Status::behind, 1}, {Status::on_track, 1}}));
    checked.rollup.push_back(rollup(0, 0, {{Status::behind, 1}, {Status::on_track, 1}, {Status::missed, 1}}));
    checked.rollup.push_back(rollup(0, 1, {{Status::overdue, 1}}));
  }

  static Unit unit(const char* id, const char* parent, const char* type) {
    Unit u;
    u.id = id;
    u.parent = parent;
    u.name = std::string(id) + " name";
    u.type = type;
    return u;
  }

  void add(std::size_t u, std::size_t r, Period p, Status s, int done, std::vector<QuotaProgress> quotas) {
    Result result{};
    result.unit = u;
    result.rule = r;
    result.period = p;
    result.target = 12;
    result.done = done;
    result.quotas = std::move(quotas);
    result.status = s;
    checked.results.push_back(result);
  }

  Rollup rollup(std::size_t u, std::size_t r, std::vector<std::pair<Status, int>> counts) {
    Rollup out;
    out.unit = u;
    out.rule = r;
    for (const auto& [s, n] : counts) {
      out.counts[static_cast<std::size_t>(s)] = n;
      out.applicable += n;
    }
    return out;
  }

  std::vector<std::string> row_units(const Overview& o) const {
    std::vector<std::string> ids;
    for (const auto& row : o.rows) ids.push_back(tree.at(row.unit).id);
    return ids;
  }

  UnitTree tree;
  std::vector<Rule> rules;
  CheckReport checked{Day{2026_y / 8 / 1}, {}, {}};
};

TEST_F(OverviewTest, ChildrenRolledUpFailuresFirst) {
  const auto o = build_overview(checked, tree, rules, 0, {}, Language::kChinese);
  ASSERT_EQ(o.columns.size(), 2u);
  // v3 fails twice, town once; the county itself has no result of its own and no row.
  EXPECT_EQ(row_units(o), (std::vector<std::string>{"v3", "town"}));
  const auto& town = o.rows[1];
  EXPECT_TRUE(town.rollup);
  EXPECT_EQ(town.cells[0].status, "50%");
  EXPECT_EQ(town.cells[0].detail, "1/2 达标");
  EXPECT_EQ(town.cells[0].tone, Tone::kWarning);
  EXPECT_EQ(town.cells[1].tone, Tone::kNone);
  EXPECT_EQ(o.rows[0].cells[1].status, "已逾期");
  EXPECT_EQ(o.rows[0].cells[1].detail, "截止 2026年7月15日 周三");
  EXPECT_EQ(o.rows[0].cells[1].tone, Tone::kFailed);
  EXPECT_EQ(o.total.cells[0].detail, "1/3 达标");
  EXPECT_EQ(o.total.cells[0].tone, Tone::kFailed);
}

TEST_F(OverviewTest, AUnitsOwnCellShowsItsCountsAndQuotas) {
  const auto o = build_overview(checked, tree, rules, 1, {}, Language::kChinese);
  EXPECT_EQ(row_units(o), (std::vector<std::string>{"v1", "v2"}));
  EXPECT_EQ(o.rows[0].cells[0].status, "落后");
  EXPECT_EQ(o.rows[0].cells[0].detail, "5/12 · 扩大 2/4 · 旁听 0/1");
  EXPECT_EQ(o.rows[1].cells[0].tone, Tone::kGood);
}

TEST_F(OverviewTest, FiltersByStatusTypeRuleAndEveryUnit) {
  OverviewFilter behind;
  behind.status = Status::behind;
  EXPECT_EQ(row_units(build_overview(checked, tree, rules, 0, behind, Language::kChinese)),
            std::vector<std::string>{"town"});
  behind.every_unit = true;
  EXPECT_EQ(row_units(build_overview(checked, tree, rules, 0, behind, Language::kChinese)),
            std::vector<std::string>{"v1"});
  OverviewFilter branches;
  branches.unit_type = "branch";
  branches.every_unit = true;
  EXPECT_EQ(row_units(build_overview(checked, tree, rules, 0, branches, Language::kChinese)),
            (std::vector<std::string>{"v3", "v1", "v2"}));
  OverviewFilter report_only;
  report_only.rule = "report";
  const auto o = build_overview(checked, tree, rules, 0, report_only, Language::kEnglish);
  ASSERT_EQ(o.columns.size(), 1u);
  EXPECT_EQ(row_units(o), std::vector<std::string>{"v3"});
  EXPECT_EQ(o.rows[0].cells[0].detail, "due Wed 15 July 2026");
}

}  // namespace
}  // namespace cadence::report
