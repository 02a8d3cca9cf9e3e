#include "core/provisional_schedule.h"

#include <algorithm>
#include <set>

namespace cadence {

namespace {

bool weekend(Day day) {
  const date::weekday wd{day};
  return wd == date::Saturday || wd == date::Sunday;
}

std::vector<Day> run_of(Day first, int days) {
  std::vector<Day> run;
  for (int i = 0; i < days; ++i) run.push_back(first + date::days{i});
  return run;
}

// Article 2, 全体公民放假的节日. The names are the notices', so that a provisional day reads
// like the official one that will replace it. 中秋 on one of 国庆's days (2028, 2031) makes one
// holiday of both, as the notices name it ("国庆节、中秋节"), so that every off day belongs to
// exactly one holiday; the shared day is listed twice, once for each.
std::vector<Holiday> statutory_days(date::year y, const LunarDates& lunar) {
  std::vector<Holiday> holidays{
      {"元旦", {Day{y / date::January / 1}}, {}},
      {"春节", run_of(lunar.chuxi, 4), {}},
      {"清明节", {lunar.qingming}, {}},
      {"劳动节", run_of(Day{y / date::May / 1}, 2), {}},
      {"端午节", {lunar.duanwu}, {}},
  };
  std::vector<Day> national_day = run_of(Day{y / date::October / 1}, 3);
  if (std::find(national_day.begin(), national_day.end(), lunar.zhongqiu) != national_day.end()) {
    national_day.push_back(lunar.zhongqiu);
    holidays.push_back({"国庆节、中秋节", national_day, {}});
  } else {
    holidays.push_back({"中秋节", {lunar.zhongqiu}, {}});
    holidays.push_back({"国庆节", national_day, {}});
  }
  return holidays;
}

struct Displaced {
  std::size_t holiday;
  Day day;
};

// The statutory days that are not days off by themselves: those on a weekend (Article 6), and
// the second listing of a day two holidays share (中秋 on 10-01 in 2020 and 2031: the 2020
// notice gave 国庆 and 中秋 four weekdays net, so such a day is made up too).
std::vector<Displaced> displaced_days(const std::vector<Holiday>& holidays) {
  std::vector<Displaced> displaced;
  std::set<Day> seen;
  for (std::size_t h = 0; h < holidays.size(); ++h)
    for (const Day d : holidays[h].off_days)
      if (!seen.insert(d).second || weekend(d)) displaced.push_back({h, d});
  std::stable_sort(displaced.begin(), displaced.end(),
                   [](const Displaced& a, const Displaced& b) { return a.day < b.day; });
  return displaced;
}

}  // namespace

HolidayNotice provisional_notice(date::year year, const LunarDates& lunar) {
  HolidayNotice notice;
  notice.year = static_cast<int>(year);
  notice.provisional = true;
  notice.title = std::to_string(notice.year) +
                 "年节假日（预计 provisional）：国务院办公厅通知尚未发布，按《全国年节及纪念日放假办法》推算，以通知为准 "
                 "(from the law, until the State Council's notice)";
  notice.holidays = statutory_days(year, lunar);
  std::set<Day> off;
  for (const auto& holiday : notice.holidays) off.insert(holiday.off_days.begin(), holiday.off_days.end());
  // In date order, so that two weekend days of one holiday take the two workdays after it,
  // and a later holiday's make-up never takes a day an earlier one needs.
  for (const auto& [h, day] : displaced_days(notice.holidays)) {
    Day in_lieu = day + date::days{1};
    while (weekend(in_lieu) || off.count(in_lieu)) in_lieu += date::days{1};
    off.insert(in_lieu);
    notice.holidays[h].in_lieu_days.push_back(in_lieu);
  }
  for (auto& holiday : notice.holidays) {
    holiday.off_days.insert(holiday.off_days.end(), holiday.in_lieu_days.begin(), holiday.in_lieu_days.end());
    std::sort(holiday.off_days.begin(), holiday.off_days.end());
    holiday.off_days.erase(std::unique(holiday.off_days.begin(), holiday.off_days.end()), holiday.off_days.end());
  }
  return notice;
}

}  // namespace cadence
