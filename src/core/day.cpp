#include "core/day.h"

#include <charconv>

namespace cadence {

namespace {
bool parse_int(std::string_view text, int& out) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && ptr == text.data() + text.size();
}
}  // namespace

std::optional<date::year_month_day> parse_ymd(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!parse_int(text.substr(0, 4), y) || !parse_int(text.substr(5, 2), m) ||
      !parse_int(text.substr(8, 2), d))
    return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::optional<Day> parse_day(std::string_view text) {
  const auto ymd = parse_ymd(text);
  return ymd ? std::optional<Day>(Day{*ymd}) : std::nullopt;
}

// By hand rather than date::format: `cadence check` prints millions of dates, and each
// date::format builds a stream.
std::string format_day(Day day) { return format_ymd(date::year_month_day{day}); }

std::string format_ymd(date::year_month_day ymd) {
  const int y = static_cast<int>(ymd.year());
  if (y < 0 || y > 9999) return date::format("%F", ymd);
  std::string out = "0000-00-00";
  auto put = [&](std::size_t at, unsigned value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
  };
  put(0, static_cast<unsigned>(y), 4);
  put(5, static_cast<unsigned>(ymd.month()), 2);
  put(8, static_cast<unsigned>(ymd.day()), 2);
  return out;
}

}  // namespace cadence
