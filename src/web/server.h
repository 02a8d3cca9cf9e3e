#pragma once
// `cadence serve`: the HTTP server for feeds and health checks.
#include "core/rule.h"
#include "core/work_calendar.h"

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace cadence::web {

struct ServerConfig {
  std::string db;
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  int threads = 64;  // one per open connection: a keep-alive connection holds its thread
  std::chrono::seconds keep_alive{5};  // how long an idle connection is kept
  std::chrono::minutes refresh{60};
  std::string timezone = "Asia/Shanghai";  // what "today" is
  std::size_t cache_bytes = 256u << 20;
  std::size_t subtree_max_units = 2000;  // see subtree_limit.h
  std::vector<Rule> rules;
  WorkCalendar calendar;
};

// Serves until SIGTERM or SIGINT, then stops accepting, lets requests in flight finish and
// writes the fetches it has not recorded yet. One access-log line per request goes to `log`.
// Returns the exit code.
int run_server(ServerConfig config, std::ostream& log);

}  // namespace cadence::web
