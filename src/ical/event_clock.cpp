#include "ical/event_clock.h"

namespace cadence::ical {

namespace {

date::local_seconds local_of(const icaltimetype& t) {
  const date::local_days day{date::year{t.year} / static_cast<unsigned>(t.month) / static_cast<unsigned>(t.day)};
  return day + std::chrono::hours{t.hour} + std::chrono::minutes{t.minute} + std::chrono::seconds{t.second};
}

icaltimetype from_local(date::local_seconds local) {
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> time{local - day};
  icaltimetype t = icaltime_null_time();
  t.year = static_cast<int>(ymd.year());
  t.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  t.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  t.hour = static_cast<int>(time.hours().count());
  t.minute = static_cast<int>(time.minutes().count());
  t.second = static_cast<int>(time.seconds().count());
  return t;
}

}  // namespace

std::string tzid_of(icalproperty* property) {
  icalparameter* p = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
  const char* tzid = p ? icalparameter_get_tzid(p) : nullptr;
  return tzid ? tzid : "";
}

const date::time_zone* EventClock::iana_zone(const std::string& tzid) {
  if (const auto known = zones_.find(tzid); known != zones_.end()) return known->second;
  const date::time_zone* zone = nullptr;
  // Evolution and libical itself write "/freeassociation.sourceforge.net/Tzfile/Asia/Shanghai":
  // the IANA name is a suffix.
  for (std::size_t from = 0; from != std::string::npos && !zone;) {
    try {
      zone = date::locate_zone(tzid.substr(from));
    } catch (const std::runtime_error&) {
      const auto slash = tzid.find('/', from);
      from = slash == std::string::npos ? slash : slash + 1;
    }
  }
  return zones_[tzid] = zone;
}

std::optional<date::sys_seconds> EventClock::instant(const icaltimetype& t, const std::string& tzid) {
  if (icaltime_is_utc(t)) return date::sys_seconds{local_of(t).time_since_epoch()};
  const date::time_zone* zone = tzid.empty() ? unit_zone_ : iana_zone(tzid);
  // A wall time skipped or repeated by a DST change is read as its earlier instant.
  if (zone) return date::make_zoned(zone, local_of(t), date::choose::earliest).get_sys_time();
  if (icaltimezone* own = icalcomponent_get_timezone(calendar_, tzid.c_str()))
    return date::sys_seconds{std::chrono::seconds{icaltime_as_timet_with_zone(t, own)}};
  return std::nullopt;
}

std::optional<Day> EventClock::local_day(const icaltimetype& t, const std::string& tzid) {
  if (t.is_date) return Day{date::year{t.year} / static_cast<unsigned>(t.month) / static_cast<unsigned>(t.day)};
  const auto at = instant(t, tzid);
  if (!at) return std::nullopt;
  const auto local = date::make_zoned(unit_zone_, *at).get_local_time();
  return Day{date::floor<date::days>(local).time_since_epoch()};
}

std::optional<icaltimetype> EventClock::wall_time(date::sys_seconds at, const std::string& tzid) {
  const date::time_zone* zone = tzid.empty() ? unit_zone_ : iana_zone(tzid);
  if (zone) return from_local(date::make_zoned(zone, at).get_local_time());
  icaltimezone* own = icalcomponent_get_timezone(calendar_, tzid.c_str());
  if (!own) return std::nullopt;
  const icaltimetype utc = icaltime_from_timet_with_zone(static_cast<time_t>(at.time_since_epoch().count()), 0,
                                                         icaltimezone_get_utc_timezone());
  icaltimetype local = icaltime_convert_to_zone(utc, own);
  local.zone = nullptr;
  return local;
}

}  // namespace cadence::ical
