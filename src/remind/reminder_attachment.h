#pragma once
// The session or deadline a reminder is about, as the unit's feed shows it (same UID and
// SEQUENCE), in a VCALENDAR with METHOD:PUBLISH to attach to the email.
#include "core/reminder_schedule.h"
#include "store/database.h"

#include <string>

namespace cadence::remind {

// Empty for kinds about no one item (behind, digests…) or when the feed does not show it.
// `record_version`: keep the item's version as a feed fetch would (false for a dry run, which
// must not write).
std::string attachment(store::Database& db, const ReminderInputs& in, const Reminder& reminder, Day today,
                       bool record_version);

}  // namespace cadence::remind
