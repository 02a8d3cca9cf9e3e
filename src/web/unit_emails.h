#pragma once
// The unit page's list of the reminder emails about the unit (issue 13: "sent emails"): what
// the reminder passes decided, to whom, and whether each went out, is waiting for its next
// attempt, or was given up on and why — so that a secretary who says "we were never told" and
// an administrator can both see what was sent.
#include "report/display_text.h"
#include "store/outbox.h"

#include <string>
#include <vector>

namespace cadence::web {

// How many of a unit's emails its page lists, newest first.
inline constexpr std::size_t kUnitEmailsShown = 20;

// `zone`: the unit's time zone, in which the times are shown.
std::string unit_emails_html(const std::vector<store::OutboxMessage>& emails, const std::string& zone,
                             report::Language language);

}  // namespace cadence::web
