#pragma once
// The one place that decides whether a day is a workday: the official holiday schedule
// (off days and make-up workdays, 调休) over Monday–Friday, or for a year without a notice a
// provisional one (see provisional_schedule.h).
#include "core/day.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cadence {

struct Holiday {
  std::string name;
  std::vector<Day> off_days;      // as listed by the notice
  std::vector<Day> makeup_days;   // weekend days worked instead (调休上班)
  // Provisional schedules only: the weekdays among `off_days` given in lieu of a statutory day
  // on a weekend (补假), so that the feed can say which they are.
  std::vector<Day> in_lieu_days{};
};

// One State Council notice. Its `year` is the notice's year; a notice may reach into the
// year before (the 2019 notice starts on 2018-12-29).
struct HolidayNotice {
  int year = 0;
  std::string title;
  std::vector<Holiday> holidays;
  // Computed from the law for a year without a notice, not announced: see provisional_schedule.h.
  bool provisional = false;
};

struct Observance {
  std::string name;
  Day day;
};

class WorkCalendar {
 public:
  // Monday–Friday everywhere.
  WorkCalendar();
  // A provisional notice for a year that also has an official one is dropped: the notice wins.
  WorkCalendar(std::vector<HolidayNotice> notices, std::vector<Observance> observances);

  // A make-up workday, or Monday–Friday and not an off day. A year with neither a notice nor
  // a provisional schedule falls back to Monday–Friday (see `years_without_schedule`).
  bool is_workday(Day day) const;
  // Whether the official schedule of this calendar year is known.
  bool has_schedule(date::year year) const;
  // Whether this calendar year follows a provisional schedule (it has no official one).
  bool is_provisional(date::year year) const;
  // Calendar years in [first, last] with neither an official nor a provisional schedule.
  std::vector<int> years_without_schedule(Day first, Day last) const;
  // Calendar years in [first, last] that follow a provisional schedule.
  std::vector<int> provisional_years(Day first, Day last) const;

  // Workdays in [first, last]; 0 when last < first.
  std::int64_t workdays(Day first, Day last) const;
  // The n-th workday (n >= 1) counting from `first` itself; nullopt if none within ~10 years.
  std::optional<Day> nth_workday_from(Day first, int n) const;
  // The n-th workday (n >= 1) strictly after `day`.
  std::optional<Day> nth_workday_after(Day day, int n) const;
  std::optional<Day> last_workday_on_or_before(Day day) const;
  std::vector<Day> workdays_in(Day first, Day last) const;

  // The holiday an off day belongs to, for display ("国庆节"); nullopt on other days.
  std::optional<std::string> holiday_on(Day day) const;
  const std::vector<HolidayNotice>& notices() const { return notices_; }
  std::vector<Observance> observances_between(Day first, Day last) const;

 private:
  bool computed_is_workday(Day day) const;
  void build_prefix();

  std::vector<HolidayNotice> notices_;
  std::vector<Observance> observances_;
  std::set<Day> off_days_;
  std::set<Day> makeup_days_;
  std::set<int> scheduled_years_;
  std::set<int> provisional_years_;
  // prefix_[i] = workdays in [kFirst, kFirst + i): O(1) range counts for compliance.
  std::vector<std::int32_t> prefix_;
};

}  // namespace cadence
