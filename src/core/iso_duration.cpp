#include "core/iso_duration.h"

#include <cctype>

namespace cadence {

std::optional<IsoDuration> parse_iso_duration(std::string_view text) {
  if (text.size() < 3 || text[0] != 'P') return std::nullopt;
  IsoDuration d;
  d.text = std::string(text);
  bool in_time = false;
  bool any = false;
  bool any_time = false;
  long value = -1;
  for (std::size_t i = 1; i < text.size(); ++i) {
    const char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      value = (value < 0 ? 0 : value) * 10 + (c - '0');
      if (value > 100000) return std::nullopt;
      continue;
    }
    if (c == 'T') {
      if (in_time || value >= 0) return std::nullopt;
      in_time = true;
      continue;
    }
    if (value < 0) return std::nullopt;
    const int v = static_cast<int>(value);
    if (!in_time && c == 'Y') d.years = v;
    else if (!in_time && c == 'M') d.months = v;
    else if (!in_time && c == 'W') d.days += 7 * v;
    else if (!in_time && c == 'D') d.days += v;
    else if (in_time && c == 'H') d.time += std::chrono::hours{v};
    else if (in_time && c == 'M') d.time += std::chrono::minutes{v};
    else if (in_time && c == 'S') d.time += std::chrono::seconds{v};
    else return std::nullopt;
    value = -1;
    any = true;
    any_time = any_time || in_time;
  }
  if (!any || value >= 0 || (in_time && !any_time)) return std::nullopt;
  return d;
}

Day IsoDuration::before(Day day) const {
  date::year_month_day ymd{day};
  if (years || months) {
    auto ym = date::year_month{ymd.year(), ymd.month()} - date::years{years} - date::months{months};
    const auto last = date::year_month_day_last{ym / date::last}.day();
    ymd = ym / (ymd.day() > last ? last : ymd.day());
  }
  return Day{ymd} - date::days{days};
}

}  // namespace cadence
