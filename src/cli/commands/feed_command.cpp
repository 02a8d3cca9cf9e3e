// cadence feed --unit ID [--scope subtree] [--holidays] [--as-of YYYY-MM-DD] > unit.ics
#include "cli/commands/commands.h"
#include "cli/workspace.h"
#include "core/diagnostic.h"
#include "store/change_counters.h"
#include "web/feed_publisher.h"
#include "web/subtree_limit.h"

namespace cadence::cli {

int run_feed(const Invocation& inv) {
  inv.args.allow({"unit", "scope", "holidays", "as-of"});
  const std::string usage = "cadence feed --unit ID [--scope unit|subtree] [--holidays] [--as-of YYYY-MM-DD]";
  inv.args.expect_positionals(1, usage);
  const auto unit_id = inv.args.option("unit");
  if (!unit_id) throw UsageError("--unit is required; usage: " + usage);
  const auto scope = inv.args.option("scope").value_or("unit");
  if (scope != "unit" && scope != "subtree") throw UsageError("--scope must be 'unit' or 'subtree', not '" + scope + "'");

  const auto as_of = as_of_date(inv);
  const auto rules = load_rules(inv);
  const auto calendar = load_calendar(inv);
  auto db = open_database(inv, store::Access::existing);
  const auto tree_version = store::change_versions(*db).units;
  const auto tree = load_unit_tree(*db);
  const auto unit = unit_index(tree, *unit_id);
  if (scope == "subtree")
    if (const auto refusal = web::subtree_feed_refusal(tree, unit, static_cast<std::size_t>(inv.settings.subtree_max_units)))
      throw InputError("--scope subtree: " + *refusal);
  FeedRequest request{as_of, scope == "subtree", inv.args.flag("holidays")};
  const date::year_month_day today{request.today};
  warn_missing_schedules(inv, calendar, Day{today.year() / 1 / 1}, Day{(today.year() + date::years{1}) / 12 / 31});
  const web::FeedSources sources{rules, calendar, tree, std::chrono::minutes{inv.settings.refresh_minutes},
                                 tree_version};
  inv.out << web::publish_feed(*db, sources, unit, request).body;
  return 0;
}

}  // namespace cadence::cli
