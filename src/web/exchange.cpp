#include "web/exchange.h"

#include "web/http_date.h"
#include "web/http_text.h"

#include <sys/socket.h>

#include <cstring>
#include <limits>

namespace cadence::web {

namespace {

// A request head larger than this is refused; calendar clients send a few hundred bytes.
constexpr std::size_t kMaxHead = 16 * 1024;
// How long a closing connection's remaining input is read, so the last response is not reset away.
constexpr std::int64_t kDrainMs = 2'000;

std::int64_t steady_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void skip_blank_lines(Connection& c) {
  // Empty lines before a request line are ignored (RFC 9112 §2.2).
  std::size_t blank = 0;
  while (blank < c.have && (c.in[blank] == '\r' || c.in[blank] == '\n')) ++blank;
  if (blank == 0) return;
  std::memmove(c.in.data(), c.in.data() + blank, c.have - blank);
  c.have -= blank;
}

// One attempt; a client that sent Expect and cannot take 25 bytes will time out on its body.
void send_continue(const Connection& c) {
  static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
  ::send(c.fd, kContinue.data(), kContinue.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

}  // namespace

std::size_t Exchange::input_limit(const Connection& c) const { return c.head > 0 ? c.end : kMaxHead; }

Next Exchange::after_input(Connection& c) {
  if (c.head > 0) return c.have >= c.end ? complete(c) : Next::kRead;
  skip_blank_lines(c);
  if (c.have > 0 && !c.started) {
    c.started = true;
    c.deadline_ms.store(steady_ms() + limits_.header_timeout.count(), std::memory_order_relaxed);
  }
  const std::size_t length = head_length({c.in.data(), c.have});
  if (length == 0)
    return c.have >= kMaxHead ? refuse(c, {431, "the request head is over 16 KiB"}) : Next::kRead;
  auto parsed = parse_request({c.in.data(), length}, content_limit_);
  if (const auto* error = std::get_if<HttpError>(&parsed)) return refuse(c, *error);
  auto& request = c.request.emplace(std::move(std::get<HttpRequest>(parsed)));
  request.remote = c.remote;
  const auto expect = request.minor_version == 1 ? request.header("Expect") : std::nullopt;
  // Only 100-continue is defined (RFC 9110 §10.1.1); an HTTP/1.0 client's Expect is ignored.
  if (expect && !iequals(*expect, "100-continue")) return refuse(c, {417, "only Expect: 100-continue is understood"});
  c.head = length;
  c.end = length + request.content_length;
  if (c.have >= c.end) return complete(c);
  if (expect && !c.continue_sent) {
    send_continue(c);
    c.continue_sent = true;
  }
  c.deadline_ms.store(steady_ms() + limits_.body_timeout.count(), std::memory_order_relaxed);
  return Next::kRead;
}

Next Exchange::complete(Connection& c) {
  c.request->content.assign(c.in.data() + c.head, c.end - c.head);
  return Next::kAnswer;
}

Next Exchange::refuse(Connection& c, const HttpError& error) {
  c.log = {};
  c.log.at = std::chrono::system_clock::now();
  c.log.started_us = steady_us();
  c.log.method = "-";
  c.log.route = "-";  // its path is not logged: it may hold a token
  c.log.status = error.status;
  c.log.note = error.message;
  c.answered_by_loop = true;
  return start_response(c, text_response(error.status, error.message + "\n"), 1, false);
}

void Exchange::start_log(Connection& c) {
  c.log = {};
  c.log.at = std::chrono::system_clock::now();
  c.log.started_us = steady_us();
}

Next Exchange::answer_here(Connection& c) {
  if (!quick_) return Next::kAnswer;
  start_log(c);
  Outcome outcome;
  std::optional<HttpResponse> response;
  try {
    response = quick_(*c.request, c.log.at, outcome);
  } catch (...) {
    // A worker answers it, and what it throws there is logged there.
  }
  if (!response) return Next::kAnswer;
  return respond(c, *c.request, std::move(*response), outcome);
}

Next Exchange::answer(Connection& c) {
  start_log(c);
  const HttpRequest& request = *c.request;
  Outcome outcome;
  HttpResponse response;
  try {
    response = handler_(request, c.log.at, outcome);
  } catch (const std::exception& e) {
    outcome.note = e.what();
    response = text_response(500, "Internal Server Error\n");
  } catch (...) {
    outcome.note = "unknown exception";
    response = text_response(500, "Internal Server Error\n");
  }
  return respond(c, request, std::move(response), outcome);
}

Next Exchange::respond(Connection& c, const HttpRequest& request, HttpResponse response, Outcome& outcome) {
  auto& log = c.log;
  log.method = request.method;
  log.route = outcome.route;
  if (outcome.route == kUnmatchedRoute) log.path_bytes = request.path.size();
  log.status = response.status;
  log.token_id = outcome.token_id;
  log.user_agent = request.header("User-Agent").value_or("");
  log.note = std::move(outcome.note);
  return start_response(c, std::move(response), request.minor_version, request.keep_alive && !stopping());
}

Next Exchange::start_response(Connection& c, HttpResponse response, int minor_version, bool keep_alive) {
  c.close_after = !keep_alive;
  c.out_head.clear();
  write_head(c.out_head, response, minor_version, keep_alive,
             http_date_cached(std::chrono::floor<std::chrono::seconds>(c.log.at)));
  c.out_text = std::move(response.text);
  c.out_owner = std::move(response.owner);
  if (!response.head_only) c.out_content = response.shared ? std::string_view(*response.shared) : std::string_view(c.out_text);
  c.out_sent = 0;
  c.deadline_ms.store(steady_ms() + limits_.send_timeout.count(), std::memory_order_relaxed);
  return Next::kSend;
}

Next Exchange::after_output(Connection& c, SendResult result) {
  if (result == SendResult::kAgain) return Next::kWaitWrite;
  write_log(c, result == SendResult::kDone);
  if (result == SendResult::kFailed) return Next::kClose;
  if (c.close_after || stopping()) {
    // A refused request's content may be unread: closing with input pending would reset the
    // connection and could destroy the response before the client reads it.
    ::shutdown(c.fd, SHUT_WR);
    c.deadline_ms.store(steady_ms() + kDrainMs, std::memory_order_relaxed);
    return Next::kDrain;
  }
  consume_request(c);
  c.started = false;
  c.deadline_ms.store(steady_ms() + limits_.keep_alive.count(), std::memory_order_relaxed);
  return after_input(c);
}

void Exchange::write_log(const Connection& c, bool sent) {
  AccessEntry line;
  line.at = c.log.at;
  line.remote = c.remote;
  line.method = c.log.method;
  line.route = c.log.route;
  line.path_bytes = c.log.path_bytes;
  line.status = c.log.status;
  line.bytes = sent ? c.out_content.size() : 0;
  line.took = std::chrono::microseconds(steady_us() - c.log.started_us);
  line.token_id = c.log.token_id;
  line.user_agent = c.log.user_agent;
  line.note = sent ? std::string_view(c.log.note) : std::string_view("the client did not take the whole response");
  log_.write(line);
}

void Exchange::expire(Connection& c) {
  const Phase phase = c.phase.load(std::memory_order_acquire);
  if (phase == Phase::kReading && c.started) {
    // Held as armed for reading: from here on its input is drained, then it closes.
    refuse(c, {408, "the request did not arrive in time"});
    write_log(c, send_output(c) == SendResult::kDone);
    ::shutdown(c.fd, SHUT_WR);
    c.phase.store(Phase::kDraining, std::memory_order_release);
    c.deadline_ms.store(steady_ms() + kDrainMs, std::memory_order_relaxed);
    return;
  }
  // Idle too long, a response not taken in time, a drain over: its next event closes it.
  ::shutdown(c.fd, SHUT_RDWR);
  c.deadline_ms.store(std::numeric_limits<std::int64_t>::max(), std::memory_order_relaxed);
}

}  // namespace cadence::web
