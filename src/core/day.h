#pragma once
// The one date type of the domain: a civil (local) date in the unit's time zone, counted as days.
#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace cadence {

using Day = date::sys_days;

// Parses exactly YYYY-MM-DD; anything else (including 2026-02-30) is nullopt.
std::optional<Day> parse_day(std::string_view text);
std::string format_day(Day day);

}  // namespace cadence
