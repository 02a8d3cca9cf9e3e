#pragma once
// Compliance of one unit with one rule in one period, exactly as design.md defines it.
#include "core/period.h"
#include "core/record_index.h"
#include "core/rule.h"
#include "core/unit.h"
#include "core/work_calendar.h"

#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace cadence {

enum class Status { met, made_up, on_track, behind, missed, upcoming, done, late, overdue, pending };
inline constexpr std::size_t kStatusCount = 10;
std::string_view to_string(Status status);
// met, on_track, done and pending keep the cadence; made_up and late do not. A period that
// has not started asks nothing yet, so upcoming counts as keeping it too.
bool is_compliant(Status status);
// The statuses a rule of this kind can have, in display order.
std::span<const Status> statuses_of(RuleKind kind);

struct QuotaProgress {
  std::string_view tag;
  int min = 0;
  int done = 0;
  int expected = 0;
};

struct Result {
  std::size_t unit = 0;  // index into the unit tree
  std::size_t rule = 0;  // index into the rule list
  Period period;
  Day start;  // the unit's active part of the period
  Day end;
  std::optional<Day> due;        // deadline rules
  std::optional<Day> submitted;  // deadline rules: date of the record, if any
  int target = 0;
  int done = 0;
  int expected = 0;
  std::vector<QuotaProgress> quotas;
  Status status = Status::upcoming;
};

// The unit's active part of a period; nullopt when it is active on none of it.
std::optional<Period> active_part(const Unit& unit, const Period& period);

// Whether a record counts in a period: dated within the unit's active part up to `as_of`
// (unless it is a make-up naming another period), or a later make-up naming this period.
enum class Counted { no, regular, makeup };
Counted counted_in(const Entry& entry, const Period& active, const Period& period, Day as_of);

// A target or quota min scaled to the active part: ceil(x × W(active) / W(period)).
int scaled_target(int x, const Period& active, const Period& period, const WorkCalendar& calendar);

// REQUIRES: rule.kind == cadence; `entries` are the unit's records of this rule.
// nullopt when the rule does not apply to the unit in this period.
std::optional<Result> evaluate_cadence(const Rule& rule, const Unit& unit, const Period& period,
                                       std::span<const Entry> entries, Day as_of,
                                       const WorkCalendar& calendar);

// REQUIRES: rule.kind == deadline.
std::optional<Result> evaluate_deadline(const Rule& rule, const Unit& unit, const Period& period,
                                        std::span<const Entry> entries, Day as_of,
                                        const WorkCalendar& calendar);

}  // namespace cadence
