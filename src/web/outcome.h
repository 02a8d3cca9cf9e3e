#pragma once
// What answering a request reports for its access-log line.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cadence::web {

// Logged in place of the path of a request that matched no route: such a path may hold a
// token (`//feeds/<token>.ics`), so only its length is logged beside it.
inline constexpr std::string_view kUnmatchedRoute = "(no route)";

struct Outcome {
  std::string_view route = "-";  // the route's pattern (static), never a path as sent
  std::optional<std::int64_t> token_id;
  std::string note;
};

}  // namespace cadence::web
