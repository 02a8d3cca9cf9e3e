// cadence check [--as-of YYYY-MM-DD] [--unit ID] [--period ID] [--format json|table]
#include "cli/check_output.h"
#include "cli/commands/commands.h"
#include "cli/workspace.h"
#include "report/check_json.h"
#include "report/compliance_report.h"

namespace cadence::cli {

int run_check(const Invocation& inv) {
  inv.args.allow({"as-of", "unit", "period", "format"});
  inv.args.expect_positionals(1, "cadence check [--as-of YYYY-MM-DD] [--unit ID] [--period ID] [--format json|table]");
  const auto format = format_option(inv);

  CheckQuery query{as_of_date(inv), std::nullopt, std::nullopt};
  if (auto p = inv.args.option("period")) {
    query.period = parse_period(*p);
    if (!query.period) throw UsageError("--period '" + *p + "' is not a period such as 2026, 2026-H1, 2026-Q1, 2026-03, 2026-W07");
  }
  const auto rules = load_rules(inv);
  const auto calendar = load_calendar(inv);
  auto db = open_database(inv, store::Access::read_only);
  const auto tree = load_unit_tree(*db);
  if (auto u = inv.args.option("unit")) query.root = unit_index(tree, *u);

  const auto checked = report::compliance_report(*db, tree, rules, query, calendar,
                                                [&inv] { return open_database(inv, store::Access::read_only); });
  const Day first = report::first_day_needed(rules, query);
  Day last = query.as_of;
  for (const auto& r : checked.results) last = std::max(last, r.due.value_or(r.end));
  warn_missing_schedules(inv, calendar, first, last);

  if (format == "json") report::write_check_json(inv.out, checked, tree, rules);
  else write_check_table(inv.out, checked, tree, rules, inv.colour);
  return 0;
}

}  // namespace cadence::cli
