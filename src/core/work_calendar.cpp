#include "core/work_calendar.h"

#include <algorithm>

namespace cadence {

namespace {
// The span served from the prefix table; days outside it are counted one by one.
const Day kFirst{date::year{1970} / date::January / 1};
const Day kLast{date::year{2200} / date::December / 31};
// A search for the n-th workday gives up after this many days: no real schedule has a
// ten-year stretch without one, so reaching it means the request itself is unreasonable.
constexpr int kSearchCap = 3660;

bool monday_to_friday(Day day) {
  const date::weekday wd{day};
  return wd != date::Saturday && wd != date::Sunday;
}
}  // namespace

WorkCalendar::WorkCalendar() { build_prefix(); }

WorkCalendar::WorkCalendar(std::vector<HolidayNotice> notices, std::vector<Observance> observances)
    : observances_(std::move(observances)) {
  for (const auto& notice : notices)
    if (!notice.provisional) scheduled_years_.insert(notice.year);
  // Once a year's notice is there, its provisional schedule must not add a single day.
  for (auto& notice : notices) {
    if (notice.provisional && scheduled_years_.count(notice.year)) continue;
    if (notice.provisional) provisional_years_.insert(notice.year);
    notices_.push_back(std::move(notice));
  }
  for (const auto& notice : notices_) {
    for (const auto& holiday : notice.holidays) {
      off_days_.insert(holiday.off_days.begin(), holiday.off_days.end());
      makeup_days_.insert(holiday.makeup_days.begin(), holiday.makeup_days.end());
    }
  }
  std::sort(observances_.begin(), observances_.end(),
            [](const Observance& a, const Observance& b) { return a.day < b.day; });
  build_prefix();
}

bool WorkCalendar::computed_is_workday(Day day) const {
  if (makeup_days_.count(day)) return true;
  return monday_to_friday(day) && !off_days_.count(day);
}

void WorkCalendar::build_prefix() {
  const auto span = (kLast - kFirst).count() + 1;
  prefix_.assign(static_cast<std::size_t>(span) + 1, 0);
  Day day = kFirst;
  for (std::size_t i = 0; i < static_cast<std::size_t>(span); ++i, day += date::days{1})
    prefix_[i + 1] = prefix_[i] + (computed_is_workday(day) ? 1 : 0);
}

bool WorkCalendar::is_workday(Day day) const {
  if (day < kFirst || day > kLast) return computed_is_workday(day);
  const auto i = static_cast<std::size_t>((day - kFirst).count());
  return prefix_[i + 1] != prefix_[i];
}

bool WorkCalendar::has_schedule(date::year year) const {
  return scheduled_years_.count(static_cast<int>(year)) > 0;
}

bool WorkCalendar::is_provisional(date::year year) const {
  return provisional_years_.count(static_cast<int>(year)) > 0;
}

std::vector<int> WorkCalendar::years_without_schedule(Day first, Day last) const {
  std::vector<int> missing;
  if (last < first) return missing;
  const int from = static_cast<int>(date::year_month_day{first}.year());
  const int to = static_cast<int>(date::year_month_day{last}.year());
  for (int y = from; y <= to; ++y)
    if (!scheduled_years_.count(y) && !provisional_years_.count(y)) missing.push_back(y);
  return missing;
}

std::vector<int> WorkCalendar::provisional_years(Day first, Day last) const {
  std::vector<int> years;
  if (last < first) return years;
  const int from = static_cast<int>(date::year_month_day{first}.year());
  const int to = static_cast<int>(date::year_month_day{last}.year());
  for (int y = from; y <= to; ++y)
    if (provisional_years_.count(y)) years.push_back(y);
  return years;
}

std::int64_t WorkCalendar::workdays(Day first, Day last) const {
  if (last < first) return 0;
  if (first >= kFirst && last <= kLast) {
    const auto a = static_cast<std::size_t>((first - kFirst).count());
    const auto b = static_cast<std::size_t>((last - kFirst).count()) + 1;
    return prefix_[b] - prefix_[a];
  }
  std::int64_t count = 0;
  for (Day d = first; d <= last; d += date::days{1}) count += is_workday(d) ? 1 : 0;
  return count;
}

std::optional<Day> WorkCalendar::nth_workday_from(Day first, int n) const {
  if (n < 1) return std::nullopt;
  Day day = first;
  for (int step = 0; step < kSearchCap; ++step, day += date::days{1})
    if (is_workday(day) && --n == 0) return day;
  return std::nullopt;
}

std::optional<Day> WorkCalendar::nth_workday_after(Day day, int n) const {
  return nth_workday_from(day + date::days{1}, n);
}

std::optional<Day> WorkCalendar::last_workday_on_or_before(Day day) const {
  for (int step = 0; step < kSearchCap; ++step, day -= date::days{1})
    if (is_workday(day)) return day;
  return std::nullopt;
}

std::vector<Day> WorkCalendar::workdays_in(Day first, Day last) const {
  std::vector<Day> days;
  for (Day d = first; d <= last; d += date::days{1})
    if (is_workday(d)) days.push_back(d);
  return days;
}

std::optional<std::string> WorkCalendar::holiday_on(Day day) const {
  for (const auto& notice : notices_)
    for (const auto& holiday : notice.holidays)
      if (std::find(holiday.off_days.begin(), holiday.off_days.end(), day) != holiday.off_days.end())
        return holiday.name;
  return std::nullopt;
}

std::vector<Observance> WorkCalendar::observances_between(Day first, Day last) const {
  std::vector<Observance> found;
  for (const auto& o : observances_)
    if (o.day >= first && o.day <= last) found.push_back(o);
  return found;
}

}  // namespace cadence
