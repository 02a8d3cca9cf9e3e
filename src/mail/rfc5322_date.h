#pragma once
// The Date header's value, "Wed, 02 Dec 2026 20:47:00 +0800", in a given zone.
#include <date/tz.h>

#include <chrono>
#include <string>

namespace cadence::mail {

// `zone` nullptr means UTC ("+0000").
std::string rfc5322_date(std::chrono::sys_seconds instant, const date::time_zone* zone);

}  // namespace cadence::mail
