#pragma once
// Which rule a calendar event is, and which quota tags it carries, from the words people put in
// their calendars. Knows nothing of iCalendar syntax: the caller passes the event's texts.
#include "core/rule.h"

#include <optional>
#include <string>
#include <vector>

namespace cadence::ical {

struct EventWords {
  std::optional<std::string> rule_id;  // X-CADENCE-RULE
  std::optional<std::string> tags;     // X-CADENCE-TAGS, comma separated
  std::vector<std::string> categories;
  std::string summary;
};

struct RuleMatch {
  const Rule* rule = nullptr;
  std::string problem;  // why there is no rule: none matches, or which ones tie
};

// `rules` are those that apply to the unit. In order: X-CADENCE-RULE naming a rule id; a
// CATEGORIES value equal to a rule's id or one of its titles; a title the SUMMARY contains,
// the longest winning. Two rules matching equally well is ambiguous: no rule, and a problem.
RuleMatch match_rule(const EventWords& words, const std::vector<const Rule*>& rules);

// X-CADENCE-TAGS when present; else the rule's quota tags whose id or label the SUMMARY or a
// CATEGORIES value contains. Sorted, without repeats.
std::vector<std::string> match_tags(const EventWords& words, const Rule& rule);

}  // namespace cadence::ical
