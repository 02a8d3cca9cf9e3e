#pragma once
// After a pass's deliveries: each unit whose reminders were given up on (refused for good, out
// of tries, or unconfirmed) and not yet reported gets the day's failure notice in the outbox,
// for its administrators. The notice is an outbox row like any other, so it is never lost nor
// doubled, and its key (one per unit and local day) keeps it to one a day.
#include "core/unit_tree.h"
#include "remind/reminder_pass.h"
#include "store/database.h"

#include <chrono>

namespace cadence::remind {

// Returns how many notices were added. A unit without administrators of its own is reported to
// the nearest unit above it that has some (they administer its subtree); with none, the notice
// is kept as no_address, listed like any other.
int add_failure_notices(store::Database& db, const UnitTree& tree, std::chrono::sys_seconds now,
                        const PassSettings& settings);

}  // namespace cadence::remind
