#pragma once
// A work calendar with the real 2024–2026 schedule, written out here so core tests need no files.
#include "core/work_calendar.h"

#include <initializer_list>

namespace cadence::testing {

inline Day d(int y, unsigned m, unsigned dd) { return Day{date::year{y} / date::month{m} / date::day{dd}}; }

inline std::vector<Day> span(Day a, Day b) {
  std::vector<Day> days;
  for (Day x = a; x <= b; x += date::days{1}) days.push_back(x);
  return days;
}

inline Holiday holiday(std::string name, std::vector<Day> off, std::vector<Day> makeup) {
  return Holiday{std::move(name), std::move(off), std::move(makeup)};
}

// From calendars/cn/holidays-2024…2026.toml (State Council notices).
inline WorkCalendar cn_calendar() {
  std::vector<HolidayNotice> notices;
  notices.push_back({2024, "2024", {
      holiday("元旦", {d(2024, 1, 1)}, {}),
      holiday("春节", span(d(2024, 2, 10), d(2024, 2, 17)), {d(2024, 2, 4), d(2024, 2, 18)}),
      holiday("清明节", span(d(2024, 4, 4), d(2024, 4, 6)), {d(2024, 4, 7)}),
      holiday("劳动节", span(d(2024, 5, 1), d(2024, 5, 5)), {d(2024, 4, 28), d(2024, 5, 11)}),
      holiday("端午节", {d(2024, 6, 10)}, {}),
      holiday("中秋节", span(d(2024, 9, 15), d(2024, 9, 17)), {d(2024, 9, 14)}),
      holiday("国庆节", span(d(2024, 10, 1), d(2024, 10, 7)), {d(2024, 9, 29), d(2024, 10, 12)})}});
  notices.push_back({2025, "2025", {
      holiday("元旦", {d(2025, 1, 1)}, {}),
      holiday("春节", span(d(2025, 1, 28), d(2025, 2, 4)), {d(2025, 1, 26), d(2025, 2, 8)}),
      holiday("清明节", span(d(2025, 4, 4), d(2025, 4, 6)), {}),
      holiday("劳动节", span(d(2025, 5, 1), d(2025, 5, 5)), {d(2025, 4, 27)}),
      holiday("端午节", span(d(2025, 5, 31), d(2025, 6, 2)), {}),
      holiday("国庆节、中秋节", span(d(2025, 10, 1), d(2025, 10, 8)), {d(2025, 9, 28), d(2025, 10, 11)})}});
  notices.push_back({2026, "2026", {
      holiday("元旦", span(d(2026, 1, 1), d(2026, 1, 3)), {d(2026, 1, 4)}),
      holiday("春节", span(d(2026, 2, 15), d(2026, 2, 23)), {d(2026, 2, 14), d(2026, 2, 28)}),
      holiday("清明节", span(d(2026, 4, 4), d(2026, 4, 6)), {}),
      holiday("劳动节", span(d(2026, 5, 1), d(2026, 5, 5)), {d(2026, 5, 9)}),
      holiday("端午节", span(d(2026, 6, 19), d(2026, 6, 21)), {}),
      holiday("中秋节", span(d(2026, 9, 25), d(2026, 9, 27)), {}),
      holiday("国庆节", span(d(2026, 10, 1), d(2026, 10, 7)), {d(2026, 9, 20), d(2026, 10, 10)})}});
  return WorkCalendar(std::move(notices), {});
}

}  // namespace cadence::testing
