#pragma once
// Periods a cadence is counted in: year, half, quarter, month and ISO week.
#include "core/day.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cadence {

enum class PeriodKind { year, half, quarter, month, week };

std::optional<PeriodKind> parse_period_kind(std::string_view text);
std::string_view to_string(PeriodKind kind);

struct Period {
  PeriodKind kind = PeriodKind::year;
  Day start;  // first day
  Day end;    // last day, inclusive

  bool contains(Day day) const { return start <= day && day <= end; }
  // "2026", "2026-H1", "2026-Q3", "2026-03", "2026-W07".
  std::string id() const;
  friend bool operator==(const Period&, const Period&) = default;
  friend auto operator<=>(const Period& a, const Period& b) { return a.start <=> b.start; }
};

Period period_containing(PeriodKind kind, Day day);
Period next_period(const Period& period);
Period previous_period(const Period& period);
// Parses an identifier as written by Period::id(); nullopt when it is not one.
std::optional<Period> parse_period(std::string_view id);
// The periods of `kind` whose first day lies in `year` (ISO weeks: those starting in it).
std::vector<Period> periods_starting_in(PeriodKind kind, date::year year);

}  // namespace cadence
