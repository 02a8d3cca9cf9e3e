// cadence digests off --unit ID | digests on --unit ID | digests list
#include "cli/commands/commands.h"
#include "cli/workspace.h"
#include "core/diagnostic.h"
#include "store/outbox.h"

#include <algorithm>

namespace cadence::cli {

int run_digests(const Invocation& inv) {
  inv.args.allow({"unit"});
  const std::string usage = "cadence digests off --unit ID | digests on --unit ID | digests list";
  inv.args.expect_positionals(2, usage);
  const auto& action = inv.args.positionals()[1];
  if (action == "list") {
    auto db = open_database(inv, store::Access::read_only);
    auto units = store::DigestOptouts(*db).units();
    std::vector<std::string> sorted(units.begin(), units.end());
    std::sort(sorted.begin(), sorted.end());
    for (const auto& u : sorted) inv.out << u << "\tdigests off\n";
    return 0;
  }
  if (action != "on" && action != "off") throw UsageError("digests: unknown action '" + action + "'; usage: " + usage);
  auto db = open_database(inv, store::Access::existing);
  wait_for_other_writers(inv, *db);
  const auto unit = required_unit(inv, *db, usage);
  store::DigestOptouts(*db).set(unit, action == "on", actor());
  inv.out << "unit " << unit << ": digests " << action << " (reminders, escalations and notices stay on)\n";
  return 0;
}

}  // namespace cadence::cli
