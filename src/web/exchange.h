#pragma once
// The HTTP exchanges on one connection: what follows when bytes arrive, when a response went out
// or when a deadline passed. The event loop and the workers both ask it; each then does what
// the answer says with the connection it holds (wait for the client, hand over, close).
#include "web/access_log.h"
#include "web/connection.h"
#include "web/http_request.h"
#include "web/http_response.h"
#include "web/outcome.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>

namespace cadence::web {

struct WireLimits {
  std::chrono::milliseconds header_timeout{10'000};  // a whole request head, from its first byte
  std::chrono::milliseconds body_timeout{30'000};    // a request's content, from the end of its head
  std::chrono::milliseconds send_timeout{60'000};    // a whole response
  std::chrono::milliseconds keep_alive{5'000};       // between requests
};

enum class Next {
  kRead,       // wait for the client's bytes
  kAnswer,     // a complete request is at the start of the input: a worker answers it
  kSend,       // a response is ready: write it
  kWaitWrite,  // the client has not taken all of the response yet
  kDrain,      // the last response is out: read what still comes, then close
  kClose,      // close now
};

// Answers a parsed request; what it throws becomes a 500.
using RequestHandler = std::function<HttpResponse(const HttpRequest&, std::chrono::system_clock::time_point, Outcome&)>;
// Answers a parsed request if that needs no waiting (no database, no render: a cached feed),
// else nullopt, and then the RequestHandler answers it in a worker.
using QuickHandler =
    std::function<std::optional<HttpResponse>(const HttpRequest&, std::chrono::system_clock::time_point, Outcome&)>;

class Exchange {
 public:
  // `content_limit`: how much content each request may carry, by its route (Router::content_limit);
  // kMaxContent for every request when empty.
  Exchange(WireLimits limits, RequestHandler handler, AccessLog& log, ContentLimit content_limit = {})
      : limits_(limits), handler_(std::move(handler)), log_(log), content_limit_(std::move(content_limit)) {}

  // After bytes came in: a complete request, more to wait for, or a refusal ready to send.
  Next after_input(Connection& c);
  // How many bytes of input the connection may hold now.
  std::size_t input_limit(const Connection& c) const;
  // The event loop: the complete request at the start of the input answered by the quick
  // handler, the response ready; kAnswer when a worker must answer it.
  Next answer_here(Connection& c);
  // A worker: the complete request at the start of the input answered, the response ready.
  Next answer(Connection& c);
  // After trying to write the response.
  Next after_output(Connection& c, SendResult result);
  // The event loop, for a connection it holds whose deadline passed.
  void expire(Connection& c);

  // Requests it can answer at once are answered in the event loop: a hand-over to a worker and
  // back costs more than serving a cached feed.
  void answer_quickly_with(QuickHandler quick) { quick_ = std::move(quick); }
  // From now on every response closes its connection.
  void stop() { stopping_.store(true); }
  bool stopping() const { return stopping_.load(); }
  const WireLimits& limits() const { return limits_; }

 private:
  Next complete(Connection& c);  // the request's content is in: it can be answered
  Next refuse(Connection& c, const HttpError& error);
  void start_log(Connection& c);
  Next respond(Connection& c, const HttpRequest& request, HttpResponse response, Outcome& outcome);
  Next start_response(Connection& c, HttpResponse response, int minor_version, bool keep_alive);
  void write_log(const Connection& c, bool sent);

  WireLimits limits_;
  RequestHandler handler_;
  QuickHandler quick_;
  AccessLog& log_;
  ContentLimit content_limit_;
  std::atomic<bool> stopping_{false};
};

}  // namespace cadence::web
