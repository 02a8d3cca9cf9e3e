#include "core/check.h"

#include "rule_fixtures.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {
using namespace cadence::testing;

class CheckTest : public ::testing::Test {
 protected:
  WorkCalendar cal = cn_calendar();
  std::vector<Rule> rules{study_group(), half_year_report()};
  UnitTree tree{{unit("county", "committee"), unit("town-1", "committee", "county"),
                 unit("town-2", "committee", "county"), unit("v1", "branch", "town-1"),
                 unit("v2", "branch", "town-1")}};

  RecordIndex index(const std::vector<std::tuple<const char*, std::size_t, Entry>>& rows) {
    RecordIndex idx(tree.size(), rules.size());
    for (const auto& [u, r, e] : rows) idx.add(*tree.find(u), r, e);
    idx.seal();
    return idx;
  }
};

TEST_F(CheckTest, PeriodSelection) {
  const Day as_of = d(2026, 7, 3);
  EXPECT_EQ(period_for_check(rules[0], as_of, std::nullopt)->id(), "2026");
  // The half-year report due after H1 ends is the one being written now.
  EXPECT_EQ(period_for_check(rules[1], as_of, std::nullopt)->id(), "2026-H1");
  auto from_start = rules[1];
  from_start.due = DueSpec{DueSpec::Anchor::start, 10, std::nullopt};
  EXPECT_EQ(period_for_check(from_start, as_of, std::nullopt)->id(), "2026-H2");
  // --period picks only rules of its kind.
  EXPECT_FALSE(period_for_check(rules[0], as_of, parse_period("2026-Q1")));
  EXPECT_EQ(period_for_check(rules[1], as_of, parse_period("2025-H2"))->id(), "2025-H2");
}

TEST_F(CheckTest, ResultsForApplicableUnitsAndRollUpOverSubtrees) {
  const auto idx = index({{"town-1", 0, held(d(2026, 1, 8))},
                          {"v1", 1, made_up_for("2026-H1", d(2026, 7, 2))}});
  const auto report = check(rules, tree, idx, {d(2026, 7, 20), std::nullopt, std::nullopt}, cal);
  // 3 committees × study group + 3 committees and 2 branches × report.
  ASSERT_EQ(report.results.size(), 8u);
  EXPECT_EQ(report.results[0].unit, *tree.find("county"));
  // Roll-up rows for units with children: county (both rules) and town-1 (both rules).
  ASSERT_EQ(report.rollup.size(), 4u);
  const auto& county_report = report.rollup[1];
  EXPECT_EQ(county_report.unit, *tree.find("county"));
  EXPECT_EQ(county_report.applicable, 5);
  EXPECT_EQ(county_report.counts[static_cast<std::size_t>(Status::done)], 1);
  EXPECT_EQ(county_report.counts[static_cast<std::size_t>(Status::overdue)], 4);
  EXPECT_DOUBLE_EQ(county_report.rate(), 0.2);
  const auto& town_report = report.rollup[3];
  EXPECT_EQ(town_report.applicable, 3);
  EXPECT_DOUBLE_EQ(town_report.rate(), 0.3333);
}

TEST_F(CheckTest, UnitOptionLimitsToTheSubtree) {
  const auto idx = index({});
  const auto report = check(rules, tree, idx, {d(2026, 7, 20), std::nullopt, tree.find("town-1")}, cal);
  for (const auto& r : report.results) EXPECT_NE(tree.at(r.unit).id, "county");
  EXPECT_EQ(report.results.size(), 4u);  // town-1 × 2 rules, v1, v2 × report
  ASSERT_FALSE(report.rollup.empty());
  EXPECT_EQ(report.rollup[0].unit, *tree.find("town-1"));
}

TEST_F(CheckTest, RateRoundsToFourDecimals) {
  Rollup r;
  r.applicable = 3;
  r.counts[static_cast<std::size_t>(Status::met)] = 2;
  r.counts[static_cast<std::size_t>(Status::made_up)] = 1;
  EXPECT_DOUBLE_EQ(r.rate(), 0.6667);
  r.applicable = 0;
  EXPECT_DOUBLE_EQ(r.rate(), 1.0);
}

}  // namespace
}  // namespace cadence
