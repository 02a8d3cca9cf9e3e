#pragma once
// The compliance `cadence check` reports, read from the database: the records of the span the
// query needs, indexed and judged (core/check.h).
#include "core/check.h"
#include "store/database.h"

#include <functional>
#include <memory>

namespace cadence::report {

// Opens another connection to the same database, for reading half of a large span beside the
// first (the CLI); empty where one connection must do (a server worker holds one lease).
using SecondConnection = std::function<std::unique_ptr<store::Database>()>;

// The first day whose records the query needs: the start of the earliest period judged.
Day first_day_needed(const std::vector<Rule>& rules, const CheckQuery& query);

CheckReport compliance_report(store::Database& db, const UnitTree& tree, const std::vector<Rule>& rules,
                              const CheckQuery& query, const WorkCalendar& calendar,
                              const SecondConnection& second = {});

// One unit's own results, as of `period`'s last day, for every period of every kind a report of
// `period` covers, and the one before each (a deliverable of the last period is filed in this
// one): what report_paragraph reads. Judged on a tree of the unit alone, so a county's own
// report costs its own records, not its subtree's.
std::vector<Result> unit_results_over(store::Database& db, const Unit& unit, const std::vector<Rule>& rules,
                                      const Period& period, const WorkCalendar& calendar);

}  // namespace cadence::report
