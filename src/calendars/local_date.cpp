#include "calendars/local_date.h"

#include <date/tz.h>

namespace cadence {

Day local_today(std::chrono::system_clock::time_point now, const std::string& zone) {
  const date::zoned_time<std::chrono::system_clock::duration> local{zone, now};
  return Day{date::floor<date::days>(local.get_local_time()).time_since_epoch()};
}

}  // namespace cadence
