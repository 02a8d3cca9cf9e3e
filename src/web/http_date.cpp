#include "web/http_date.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeParser.h>
#include <date/date.h>

namespace cadence::web {

std::string http_date(std::chrono::sys_seconds t) {
  // English day and month names whatever the process locale: date::format uses the classic one.
  return date::format(std::locale::classic(), "%a, %d %b %Y %H:%M:%S GMT", t);
}

const std::string& http_date_cached(std::chrono::sys_seconds t) {
  thread_local std::chrono::sys_seconds at{};
  thread_local std::string text;
  if (t != at || text.empty()) {
    at = t;
    text = http_date(t);
  }
  return text;
}

std::optional<std::chrono::sys_seconds> parse_http_date(const std::string& text) {
  Poco::DateTime parsed;
  int tz = 0;
  // HTTP_FORMAT is IMF-fixdate; tryParse without a format also knows RFC 850 and asctime.
  if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::HTTP_FORMAT, text, parsed, tz) &&
      !Poco::DateTimeParser::tryParse(text, parsed, tz))
    return std::nullopt;
  return std::chrono::sys_seconds{std::chrono::seconds{parsed.timestamp().epochTime() - tz}};
}

}  // namespace cadence::web
