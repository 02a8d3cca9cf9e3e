#include "ical/vtimezone.h"

#include "calendars/local_date.h"

#include <date/tz.h>

#include <cstdio>
#include <optional>
#include <stdexcept>
#include <vector>

namespace cadence::ical {

namespace {

using std::chrono::seconds;
using std::chrono::sys_seconds;

struct Transition {
  date::local_seconds at;  // wall clock before the change
  seconds from, to;
  std::string name;
  bool daylight = false;
};

std::string local_text(date::local_seconds t) { return date::format("%Y%m%dT%H%M%S", t); }

// "1SU", "2SU", "-1SU": the n-th (or last) weekday of its month.
std::string byday_of(date::local_days day) {
  static const char* const names[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
  const date::year_month_day ymd{day};
  const auto wd = date::weekday{day};
  const unsigned d = static_cast<unsigned>(ymd.day());
  const auto last = date::year_month_day_last{ymd.year(), date::month_day_last{ymd.month()}};
  const bool is_last = d + 7 > static_cast<unsigned>(last.day());
  return (is_last ? std::string("-1") : std::to_string((d - 1) / 7 + 1)) + names[wd.c_encoding()];
}

// The wall-clock instant the yearly rule of `t` gives in `year`.
std::optional<date::local_seconds> rule_instant(const Transition& t, date::year year) {
  const auto day = date::floor<date::days>(t.at);
  const date::year_month_day ymd{day};
  const auto wd = date::weekday{day};
  const std::string byday = byday_of(day);
  date::local_days target;
  if (byday.rfind("-1", 0) == 0) {
    target = date::local_days{date::year_month_weekday_last{year, ymd.month(), date::weekday_last{wd}}};
  } else {
    const date::year_month_weekday ymw{year, ymd.month(), wd[static_cast<unsigned>(byday[0] - '0')]};
    if (!ymw.ok()) return std::nullopt;
    target = date::local_days{ymw};
  }
  return target + (t.at - day);
}

Component observance(const Transition& t, const std::optional<std::string>& rrule) {
  Component c(t.daylight ? icalcomponent_new_xdaylight() : icalcomponent_new_xstandard());
  icalcomponent_add_property(c.get(), icalproperty_new_dtstart(icaltime_from_string(local_text(t.at).c_str())));
  icalcomponent_add_property(c.get(), icalproperty_new_tzoffsetfrom(static_cast<int>(t.from.count())));
  icalcomponent_add_property(c.get(), icalproperty_new_tzoffsetto(static_cast<int>(t.to.count())));
  if (!t.name.empty()) icalcomponent_add_property(c.get(), icalproperty_new_tzname(t.name.c_str()));
  if (rrule) icalcomponent_add_property(c.get(), icalproperty_new_rrule(icalrecurrencetype_from_string(rrule->c_str())));
  return c;
}

}  // namespace

Component make_vtimezone(const std::string& zone, Day from) {
  const date::time_zone* tz = nullptr;
  try {
    tz = date::locate_zone(zone);
  } catch (const std::exception&) {
    throw std::runtime_error("unknown time zone '" + zone + "'");
  }
  Component vtz(icalcomponent_new_vtimezone());
  icalcomponent_add_property(vtz.get(), icalproperty_new_tzid(zone.c_str()));

  const sys_seconds begin = day_begins(from, *tz);
  const sys_seconds end = begin + date::years{3};
  std::vector<Transition> transitions;
  auto info = tz->get_info(begin);
  const auto first = info;
  while (info.end < end) {
    const auto next = tz->get_info(info.end);
    transitions.push_back({date::local_seconds{info.end.time_since_epoch() + info.offset}, info.offset, next.offset,
                           next.abbrev, next.save != std::chrono::minutes{0}});
    info = next;
  }

  if (transitions.empty()) {
    // Asia/Shanghai and most zones of our users: one offset for good.
    Transition t{date::local_seconds{date::local_days{date::year{1970} / 1 / 1}}, first.offset, first.offset,
                 first.abbrev, false};
    icalcomponent_add_component(vtz.get(), observance(t, std::nullopt).release());
    return vtz;
  }

  // A yearly rule per kind of transition, if it reproduces every transition seen.
  const Transition* rule_of[2] = {nullptr, nullptr};
  bool yearly = true;
  for (const auto& t : transitions) {
    const Transition*& r = rule_of[t.daylight ? 1 : 0];
    if (!r) {
      r = &t;
      continue;
    }
    const auto year = date::year_month_day{date::floor<date::days>(t.at)}.year();
    const auto predicted = rule_instant(*r, year);
    if (!predicted || *predicted != t.at || r->from != t.from || r->to != t.to) yearly = false;
  }
  if (yearly) {
    for (const Transition* r : rule_of) {
      if (!r) continue;
      const date::year_month_day ymd{date::floor<date::days>(r->at)};
      const std::string rrule = "FREQ=YEARLY;BYMONTH=" + std::to_string(static_cast<unsigned>(ymd.month())) +
                                ";BYDAY=" + byday_of(date::floor<date::days>(r->at));
      icalcomponent_add_component(vtz.get(), observance(*r, rrule).release());
    }
  } else {
    // Irregular rules: each transition on its own, still without RDATE.
    for (const auto& t : transitions) icalcomponent_add_component(vtz.get(), observance(t, std::nullopt).release());
  }
  return vtz;
}

}  // namespace cadence::ical
