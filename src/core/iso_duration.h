#pragma once
// ISO 8601 durations as rules write them: "P7D", "P1W", "PT2H", "P1M", "P1DT12H".
#include "core/day.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cadence {

struct IsoDuration {
  std::string text;  // as written, kept for keys such as `due:…:P7D`
  int years = 0;
  int months = 0;
  int days = 0;  // weeks folded in
  std::chrono::seconds time{0};

  // Calendar arithmetic: years and months first (clamped to the month's last day), then days.
  Day before(Day day) const;
  friend bool operator==(const IsoDuration& a, const IsoDuration& b) { return a.text == b.text; }
};

std::optional<IsoDuration> parse_iso_duration(std::string_view text);

}  // namespace cadence
