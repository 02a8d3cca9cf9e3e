#include "mail/rfc5322_date.h"

#include <cstdio>
#include <cstdlib>

namespace cadence::mail {

std::string rfc5322_date(std::chrono::sys_seconds instant, const date::time_zone* zone) {
  static constexpr const char* weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::chrono::seconds offset = zone ? zone->get_info(instant).offset : std::chrono::seconds(0);
  const auto local = instant + offset;
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd(day);
  const date::hh_mm_ss<std::chrono::seconds> time(local - day);
  const long minutes = static_cast<long>(offset.count() / 60);
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%s, %02u %s %04d %02ld:%02ld:%02ld %c%02ld%02ld",
                weekdays[date::weekday(day).c_encoding()], static_cast<unsigned>(ymd.day()),
                months[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()), minutes < 0 ? '-' : '+', std::labs(minutes) / 60,
                std::labs(minutes) % 60);
  return buffer;
}

}  // namespace cadence::mail
