#pragma once
// HTTP dates (RFC 9110 §5.6.7, IMF-fixdate): what Date and Last-Modified write and what
// If-Modified-Since sends back.
#include <chrono>
#include <optional>
#include <string>

namespace cadence::web {

std::string http_date(std::chrono::sys_seconds t);
// The same, formatted once a second on each thread: every response carries a Date.
const std::string& http_date_cached(std::chrono::sys_seconds t);
// Also accepts the obsolete RFC 850 and asctime forms a recipient must read; nullopt otherwise.
std::optional<std::chrono::sys_seconds> parse_http_date(const std::string& text);

}  // namespace cadence::web
