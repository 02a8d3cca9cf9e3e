#pragma once
// The session or deadline a reminder is about, as the unit's feed shows it (same UID and
// SEQUENCE), in a VCALENDAR with METHOD:PUBLISH to attach to the email.
#include "core/reminder_schedule.h"
#include "store/change_counters.h"
#include "store/database.h"

#include <string>

namespace cadence::remind {

// Empty for kinds about no one item (behind, digests…) or when the feed does not show it.
// `basis`: the change counters from before `in`'s records were read; the item's version is then
// settled as a feed fetch would (store::settled_versions). nullptr for a dry run, which must not
// write, and the stored version is shown as it is; likewise when the records changed meanwhile.
std::string attachment(store::Database& db, const ReminderInputs& in, const Reminder& reminder, Day today,
                       const store::ChangeVersions* basis);

}  // namespace cadence::remind
