#pragma once
// The dashboard's subtree overview (issue 13), one table for the page and its CSV export alike,
// so the export is exactly what is shown: a row per child of the unit asked for (its subtree
// rolled up, to drill down into) or per unit of the whole subtree, a column per rule, failures
// first; the unit's own subtree summed below.
#include "core/check.h"
#include "report/display_text.h"

#include <optional>
#include <string>
#include <vector>

namespace cadence::report {

struct OverviewFilter {
  std::optional<Status> status;  // rows with at least one cell of this status
  std::string unit_type;         // rows of units of this type; empty: all
  std::string rule;              // that rule's column only; empty: every rule
  bool every_unit = false;       // a row per unit of the subtree, not per child's roll-up
};

// How a cell reads at a glance: kept, at risk (behind, made up, late), failed (missed,
// overdue), nothing due yet (upcoming, pending), nothing applies.
enum class Tone { kGood, kWarning, kFailed, kIdle, kNone };
std::string_view tone_name(Tone tone);  // "good", "warning", "failed", "idle", "none"

struct OverviewCell {
  Tone tone = Tone::kNone;
  std::string status;  // a unit's own status, or a roll-up's rate ("83%")
  std::string detail;  // "5/12 · 扩大学习 2/4 · 宣传部旁听 0/1", a due date, or "10/12 单位达标"
  std::optional<Status> own;       // a unit's own result
  std::array<int, kStatusCount> counts{};  // a roll-up's tally
  int applicable = 0;
  int compliant = 0;
};

struct OverviewRow {
  std::size_t unit = 0;
  bool rollup = false;  // the cells sum the unit's subtree
  std::vector<OverviewCell> cells;  // one per column
  int failing = 0;  // results in the row that do not keep the cadence
  double kept = 1;  // the share of the row's results that keep it
};

struct OverviewColumn {
  std::size_t rule = 0;
  Period period;  // what the rule is judged in, as of the report's day
};

struct Overview {
  std::size_t root = 0;
  std::vector<OverviewColumn> columns;
  std::vector<OverviewRow> rows;  // most failures first, then the lowest share kept, then tree order
  OverviewRow total;              // the root's whole subtree, over the same columns
};

// REQUIRES: `report` is check() of `root`'s subtree.
Overview build_overview(const CheckReport& report, const UnitTree& tree, const std::vector<Rule>& rules,
                        std::size_t root, const OverviewFilter& filter, Language language);

}  // namespace cadence::report
