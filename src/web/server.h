#pragma once
// `cadence serve`: the HTTP server for feeds and health checks.
#include "core/rule.h"
#include "core/work_calendar.h"
#include "web/authentication.h"

#include <chrono>
#include <functional>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace cadence::web {

struct ServerConfig {
  std::string db;
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  int workers = 4;  // threads answering complete requests (rendering, database work)
  int io_threads = 0;  // event loops; 0: one per core, at most 2
  std::size_t max_connections = 16384;  // beyond: a 503 and close
  std::chrono::seconds header_timeout{10};  // a whole request head; then 408 and close
  std::chrono::seconds body_timeout{30};    // a request's content
  std::chrono::seconds send_timeout{60};    // a whole response; a client that stops reading is dropped
  std::chrono::seconds keep_alive{5};       // how long an idle connection is kept
  std::chrono::seconds stop_timeout{10};    // from SIGTERM to exit, whatever clients are attached
  std::chrono::minutes refresh{60};
  std::string timezone = "Asia/Shanghai";  // what "today" is
  std::size_t cache_bytes = 256u << 20;
  // A county's compliance answer is 1.5 MB: a province's counties fit, the province's own
  // (158 MB) is kept alone.
  std::size_t compliance_cache_bytes = 256u << 20;
  // A county's report (what its overview and unit pages judge from) takes about 3 MB.
  std::size_t report_cache_bytes = 128u << 20;
  // Records kept in memory for judging (report/kept_records.h), 16 bytes each: the 6.1 million
  // of the 100,000-unit benchmark province take about 100 MB. 0: none are.
  std::size_t kept_records_max = 20'000'000;
  std::size_t db_pool_size = 5;  // database connections at most: workers + 1 lets none wait
  // How often the change counters are looked at: the longest a write by another process (the
  // CLI, another instance) takes to show in this one's feeds.
  std::chrono::milliseconds change_poll{250};
  std::size_t subtree_max_units = 2000;  // see subtree_limit.h
  SessionSettings accounts;  // [accounts]
  std::vector<Rule> rules;
  WorkCalendar calendar;
  // One reminder pass (reminder_scheduler.h), run every reminder_interval; none when empty.
  std::function<void(std::chrono::system_clock::time_point)> reminder_pass;
  std::chrono::seconds reminder_interval{60};
  std::optional<std::chrono::minutes> reminder_send_time;  // [mail] send_time, when reminder_pass is set
  std::optional<std::chrono::system_clock::time_point> reminder_clock_from;  // serve --remind-from
};

// Serves until SIGTERM or SIGINT, then, within stop_timeout: stops accepting, finishes the
// requests being answered, cuts the other connections, writes the fetches it has not recorded
// yet, and returns 0. One access-log line per request goes to `log`.
int run_server(ServerConfig config, std::ostream& log);

}  // namespace cadence::web
