#include "ical/occurrences.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>

namespace cadence::ical {

namespace {

struct IteratorFree {
  void operator()(icalrecur_iterator* it) const { icalrecur_iterator_free(it); }
};

struct Occurrence {
  icaltimetype time;
  Day day;
  std::int64_t key;  // the instant in seconds; a DATE counts as its midnight UTC
};

std::string uid_of(icalcomponent* event) {
  const char* uid = icalcomponent_get_uid(event);
  return uid ? uid : "";
}

std::optional<std::int64_t> key_of(const icaltimetype& t, const std::string& tzid, EventClock& clock) {
  if (t.is_date) {
    const date::sys_days midnight_utc{date::year{t.year} / static_cast<unsigned>(t.month) / static_cast<unsigned>(t.day)};
    return date::sys_seconds{midnight_utc}.time_since_epoch().count();
  }
  const auto at = clock.instant(t, tzid);
  if (!at) return std::nullopt;
  return at->time_since_epoch().count();
}

// A UNTIL in UTC bounds a series whose DTSTART is a wall time in some zone; libical compares
// the two field by field, which drops the last occurrence east of Greenwich. Written in the
// DTSTART's own terms, the comparison is right.
bool align_until(icalrecurrencetype& recur, const icaltimetype& start, const std::string& tzid, EventClock& clock) {
  if (icaltime_is_null_time(recur.until) || !icaltime_is_utc(recur.until) || icaltime_is_utc(start)) return true;
  const auto at = clock.instant(recur.until, "");
  const auto wall = at ? clock.wall_time(*at, start.is_date ? "" : tzid) : std::nullopt;
  if (!wall) return false;
  recur.until = *wall;
  recur.until.is_date = start.is_date;
  return true;
}

bool has(const short* by) { return by[0] != ICAL_RECURRENCE_ARRAY_MAX; }

// libical looks for the next occurrence one FREQ step at a time and returns only when it finds
// one: a rule more often than daily that keeps to some days walks every second (minute, hour)
// of the days it skips, and for ever when no day matches (BYMONTH=2;BYMONTHDAY=30). Such
// rules are refused before iterating, since no cap on occurrences returned can stop that walk.
std::string sub_daily_problem(icalrecurrencetype& recur) {
  const char* freq = recur.freq == ICAL_SECONDLY_RECURRENCE   ? "SECONDLY"
                     : recur.freq == ICAL_MINUTELY_RECURRENCE ? "MINUTELY"
                     : recur.freq == ICAL_HOURLY_RECURRENCE   ? "HOURLY"
                                                              : nullptr;
  if (!freq) return "";
  if (!has(recur.by_day) && !has(recur.by_month_day) && !has(recur.by_year_day) && !has(recur.by_week_no) &&
      !has(recur.by_month) && !has(recur.by_set_pos))
    return "";
  char* text = icalrecurrencetype_as_string_r(&recur);
  const std::string rule = text ? text : "";
  free(text);
  return "RRULE " + rule + ": FREQ=" + freq +
         " with a day filter (BYDAY, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYMONTH, BYSETPOS) is not supported: libical would "
         "search it one step at a time, for ever when no day matches; write FREQ=DAILY or coarser with BYHOUR/BYMINUTE";
}

class Expansion {
 public:
  Expansion(icalcomponent* event, EventClock& clock, Day as_of) : event_(event), clock_(clock), as_of_(as_of) {
    auto* start = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    start_ = icalproperty_get_dtstart(start);
    tzid_ = tzid_of(start);
  }

  OccurrenceDays run(const Overrides& overrides) {
    if (!push(start_, tzid_)) return {{}, unknown_zone_message(tzid_)};
    if (auto* rrule = icalcomponent_get_first_property(event_, ICAL_RRULE_PROPERTY)) {
      auto recur = icalproperty_get_rrule(rrule);
      if (auto problem = sub_daily_problem(recur); !problem.empty()) return {{}, problem, true};
      if (auto problem = expand(recur); !problem.empty()) return {{}, problem};
    }
    for (auto* p = icalcomponent_get_first_property(event_, ICAL_RDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(event_, ICAL_RDATE_PROPERTY)) {
      const auto rdate = icalproperty_get_rdate(p);
      const auto time = icaltime_is_null_time(rdate.time) ? rdate.period.start : rdate.time;
      if (!push(time, tzid_of(p))) return {{}, unknown_zone_message(tzid_of(p))};
    }
    return {days(excluded(overrides)), ""};
  }

 private:
  bool push(const icaltimetype& t, const std::string& tzid) {
    const auto day = clock_.local_day(t, tzid);
    const auto key = key_of(t, tzid, clock_);
    if (!day || !key) return false;
    occurrences_.push_back({t, *day, *key});
    return true;
  }

  std::string expand(icalrecurrencetype recur) {
    if (recur.freq == ICAL_NO_RECURRENCE) return "RRULE is not a recurrence rule (no valid FREQ)";
    if (!align_until(recur, start_, tzid_, clock_)) return unknown_zone_message(tzid_);
    const std::unique_ptr<icalrecur_iterator, IteratorFree> it(icalrecur_iterator_new(recur, start_));
    if (!it) return "RRULE cannot be expanded by libical";
    // DTSTART stays an occurrence even where the rule would not produce it (RFC 5545
    // §3.8.5.3); when it does, the repeat is dropped in days().
    for (int n = 0;; ++n) {
      const auto t = icalrecur_iterator_next(it.get());
      if (icaltime_is_null_time(t)) return "";
      if (n == kMaxOccurrences)
        return "RRULE has more than " + std::to_string(kMaxOccurrences) + " occurrences before the as-of date";
      if (!push(t, tzid_)) return unknown_zone_message(tzid_);
      if (occurrences_.back().day > as_of_) return "";
    }
  }

  std::set<std::int64_t> excluded(const Overrides& overrides) {
    std::set<std::int64_t> keys;
    std::set<Day> days;  // an EXDATE that is a DATE removes that day's occurrence
    for (auto* p = icalcomponent_get_first_property(event_, ICAL_EXDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(event_, ICAL_EXDATE_PROPERTY)) {
      const auto t = icalproperty_get_exdate(p);
      if (t.is_date) days.insert(Day{date::year{t.year} / static_cast<unsigned>(t.month) / static_cast<unsigned>(t.day)});
      else if (const auto key = key_of(t, tzid_of(p), clock_)) keys.insert(*key);
    }
    // A RECURRENCE-ID VEVENT is an occurrence in its own right, read on its own.
    const auto uid = uid_of(event_);
    if (!icalcomponent_get_first_property(event_, ICAL_RECURRENCEID_PROPERTY))
      for (const auto& o : occurrences_)
        if (overrides.count({uid, o.key})) keys.insert(o.key);
    for (const auto& o : occurrences_)
      if (days.count(Day{date::year{o.time.year} / static_cast<unsigned>(o.time.month) / static_cast<unsigned>(o.time.day)}))
        keys.insert(o.key);
    return keys;
  }

  std::vector<Day> days(const std::set<std::int64_t>& excluded) {
    std::stable_sort(occurrences_.begin(), occurrences_.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
    std::vector<Day> out;
    for (std::size_t i = 0; i < occurrences_.size(); ++i) {
      const auto& o = occurrences_[i];
      if (excluded.count(o.key) || (i > 0 && occurrences_[i - 1].key == o.key)) continue;
      out.push_back(o.day);
      if (o.day > as_of_) break;
    }
    return out;
  }

  icalcomponent* event_;
  EventClock& clock_;
  Day as_of_;
  icaltimetype start_;
  std::string tzid_;
  std::vector<Occurrence> occurrences_;
};

}  // namespace

Overrides collect_overrides(const std::vector<icalcomponent*>& events, EventClock& clock) {
  Overrides out;
  for (auto* event : events) {
    auto* p = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY);
    if (!p) continue;
    if (const auto key = key_of(icalproperty_get_recurrenceid(p), tzid_of(p), clock)) out.emplace(uid_of(event), *key);
  }
  return out;
}

OccurrenceDays occurrence_days(icalcomponent* event, EventClock& clock, Day as_of, const Overrides& overrides) {
  return Expansion(event, clock, as_of).run(overrides);
}

std::string unknown_zone_message(const std::string& tzid) {
  return "TZID '" + tzid + "' is neither an IANA time zone nor defined by a VTIMEZONE in the file";
}

}  // namespace cadence::ical
