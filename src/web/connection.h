#pragma once
// One client connection as the wire layer keeps it between events: its input buffer, the
// response going out, and who owns it now. Owned by one party at a time: its event loop while it
// waits to read or write (armed in epoll, one-shot), a worker while a request is answered. The
// worker hands it back by storing the phase and re-arming; after that it touches nothing but `fd`.
#include "web/http_request.h"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace cadence::web {

enum class Phase : int {
  kReading,   // waiting for (the rest of) a request: the header, body or keep-alive deadline runs
  kWorking,   // a worker answers a complete request
  kWriting,   // a response is waiting for the client to take it: the send deadline runs
  kDraining,  // after the last response: reading what the client still sends, then closing
};

// Milliseconds of the steady clock: deadlines are compared with this.
std::int64_t steady_ms();

// What the access-log line of the request being answered will say, kept until it is sent.
struct LogFields {
  std::chrono::system_clock::time_point at;
  std::int64_t started_us = 0;
  std::string method;
  std::string_view route;  // a static string: a route's pattern or a placeholder
  std::size_t path_bytes = 0;  // the raw path's length, logged for a request that matched no route
  int status = 0;
  std::optional<std::int64_t> token_id;
  std::string user_agent;
  std::string note;
};

struct Connection {
  explicit Connection(int descriptor) : fd(descriptor) {}

  const int fd;
  std::string remote;
  int epoll = -1;        // its loop's epoll instance
  std::size_t slot = 0;  // the loop's index of it
  bool cut = false;      // shut down by the loop (a deadline or a stop): its next event closes it
  std::atomic<Phase> phase{Phase::kReading};
  std::atomic<std::int64_t> deadline_ms{0};

  // Input: bytes [0, have) of `in`; once a head is complete, `head` is its length and `end`
  // where its content ends. `started`: bytes of the next request have come (a timeout is a 408).
  std::string in;
  std::size_t have = 0, head = 0, end = 0;
  bool started = false;
  bool continue_sent = false;
  std::optional<HttpRequest> request;  // once its head is complete; its content once that is in

  // Output: `out_head`, then `out_content` (kept alive by `out_owner` or in `out_text`).
  std::string out_head, out_text;
  std::string_view out_content;
  std::shared_ptr<const void> out_owner;
  std::size_t out_sent = 0;
  bool close_after = false;  // the connection ends after this response
  bool answered_by_loop = false;  // a refusal: no handler saw it
  LogFields log;
};

// Reads what the socket has into `in`, growing it up to `limit` bytes. Returns false at end of
// input or on an error; true with nothing new when the socket has nothing (EAGAIN) or the buffer is full.
bool read_input(Connection& c, std::size_t limit);

enum class SendResult { kDone, kAgain, kFailed };
// Writes what is left of the response without blocking.
SendResult send_output(Connection& c);

// Forgets the request just answered and its response, keeping pipelined bytes after it.
void consume_request(Connection& c);

}  // namespace cadence::web
