#pragma once
// One logfmt line per request. A feed's token is never in it, its id is. Lines are gathered and
// written in blocks: writing and flushing every line under one lock held every request up.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace cadence::web {

struct AccessEntry {
  std::chrono::system_clock::time_point at;
  std::string_view remote;
  std::string_view method;
  std::string_view route;  // a route's pattern (a feed is /feeds/{token}.ics), never a path as sent
  std::size_t path_bytes = 0;  // for a request that matched no route: its path's length
  int status = 0;
  std::size_t bytes = 0;
  std::chrono::microseconds took{};
  std::optional<std::int64_t> token_id;
  std::string_view user_agent;
  std::string_view note;  // why it failed, if it did
};

class AccessLog {
 public:
  explicit AccessLog(std::ostream& out) : out_(out) {}
  void write(const AccessEntry& entry);
  // Writes out what is gathered; the server calls it several times a second and when it stops.
  void flush();
  // A line of the server's own (not a request's), written out with the next block.
  void note(std::string_view line);

 private:
  void write_out();  // with mutex_ held

  std::mutex mutex_;
  std::string pending_;
  std::ostream& out_;
};

}  // namespace cadence::web
