#pragma once
// The one date type of the domain: a civil (local) date in the unit's time zone, counted as days.
// It is a date::local_days, a clock of its own, so that it never mixes with a UTC instant
// (date::sys_days, sys_seconds) by accident: a local date becomes an instant only through a time
// zone (local_instant in calendars/local_date.h).
#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace cadence {

using Day = date::local_days;

// Parses exactly YYYY-MM-DD; anything else (including 2026-02-30) is nullopt.
std::optional<Day> parse_day(std::string_view text);
std::string format_day(Day day);

// The same text for a calendar date of any clock, such as the UTC date of a stored timestamp.
std::optional<date::year_month_day> parse_ymd(std::string_view text);
std::string format_ymd(date::year_month_day ymd);

}  // namespace cadence
