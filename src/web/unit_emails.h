#pragma once
// The unit page's reminder emails (issue 13: "upcoming reminders and sent emails"): those its
// passes will send in the coming days, and those they decided — to whom, and whether each went
// out, is waiting for its next attempt, or was given up on and why — so that a secretary who
// says "we were never told" and an administrator can both see what was sent.
#include "core/reminder_schedule.h"
#include "report/display_text.h"
#include "store/outbox.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace cadence::web {

// How many of a unit's emails its page lists, newest first.
inline constexpr std::size_t kUnitEmailsShown = 20;

// How many days from the page's day its list of reminders to come covers.
inline constexpr int kRemindersAheadDays = 14;

// The reminders the unit's passes will send in the coming days as its records stand (none
// decided yet); `send_time`: nullopt when reminders are off.
std::string reminders_ahead_html(const std::vector<Reminder>& ahead, std::optional<std::chrono::minutes> send_time,
                                 const std::vector<Rule>& rules, const UnitTree& tree, report::Language language);

// `zone`: the unit's time zone, in which the times are shown.
std::string unit_emails_html(const std::vector<store::OutboxMessage>& emails, const std::string& zone,
                             report::Language language);

}  // namespace cadence::web
