#include "web/connection.h"

#include "web/handlers.h"
#include "web/http_date.h"
#include "web/http_request.h"
#include "web/http_response.h"

#include <Poco/Exception.h>

#include <sys/socket.h>
#include <sys/uio.h>

#include <cerrno>
#include <cstring>

namespace cadence::web {

namespace {

// A request head larger than this is refused; calendar clients send a few hundred bytes.
constexpr std::size_t kMaxHead = 16 * 1024;

// Writes the head and the content with as few calls as the socket allows. False when the
// client is gone or has not taken anything for the send timeout.
bool send_all(int fd, std::string_view head, std::string_view content) {
  iovec parts[2] = {{const_cast<char*>(head.data()), head.size()}, {const_cast<char*>(content.data()), content.size()}};
  msghdr message{};
  message.msg_iov = parts;
  message.msg_iovlen = content.empty() ? 1 : 2;
  while (message.msg_iovlen > 0) {
    const ssize_t sent = ::sendmsg(fd, &message, MSG_NOSIGNAL);
    if (sent < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    auto done = static_cast<std::size_t>(sent);
    while (message.msg_iovlen > 0 && done >= message.msg_iov->iov_len) {
      done -= message.msg_iov->iov_len;
      ++message.msg_iov;
      --message.msg_iovlen;
    }
    if (message.msg_iovlen > 0) {
      message.msg_iov->iov_base = static_cast<char*>(message.msg_iov->iov_base) + done;
      message.msg_iov->iov_len -= done;
    }
  }
  return true;
}

// After refusing a request whose content may not have been read: a plain close with unread
// input would reset the connection and could destroy the response before the client reads it.
void lingering_close(int fd) {
  ::shutdown(fd, SHUT_WR);
  char sink[4096];
  for (std::size_t drained = 0; drained < 1024 * 1024;) {
    const ssize_t n = ::recv(fd, sink, sizeof sink, 0);
    if (n <= 0 && !(n < 0 && errno == EINTR)) break;
    if (n > 0) drained += static_cast<std::size_t>(n);
  }
}

// Reads what the socket has into buffer[have..]; false at end of input or the receive timeout.
bool read_more(int fd, std::string& buffer, std::size_t& have) {
  for (;;) {
    const ssize_t n = ::recv(fd, buffer.data() + have, buffer.size() - have, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    have += static_cast<std::size_t>(n);
    return true;
  }
}

// The handlers' response, or the one for a request they never see; whatever they throw is a 500.
HttpResponse answer(const std::variant<HttpRequest, HttpError>& parsed, ServerState& state,
                    std::chrono::system_clock::time_point now, Outcome& outcome) {
  if (const auto* error = std::get_if<HttpError>(&parsed)) {
    // Its path is not logged: it may hold a token.
    outcome.note = error->message;
    return text_response(error->status, error->message + "\n");
  }
  try {
    return respond(std::get<HttpRequest>(parsed), state, now, outcome);
  } catch (const std::exception& e) {
    outcome.note = e.what();
  } catch (...) {
    outcome.note = "unknown exception";
  }
  return text_response(500, "Internal Server Error\n");
}

class Registered {
 public:
  Registered(ConnectionRegistry& registry, ConnectionRegistry::Entry& entry)
      : registry_(registry), entry_(entry), entered_(registry.enter(entry)) {}
  ~Registered() {
    if (entered_) registry_.leave(entry_);
  }
  explicit operator bool() const { return entered_; }

 private:
  ConnectionRegistry& registry_;
  ConnectionRegistry::Entry& entry_;
  bool entered_;
};

}  // namespace

void Connection::run() {
  auto& socket = this->socket();
  const int fd = socket.impl()->sockfd();
  ConnectionRegistry::Entry entry(fd);
  const Registered registered(context_.registry, entry);
  if (!registered) return;
  std::string remote;
  try {
    socket.setNoDelay(true);
    // The receive timeout is the keep-alive timeout, and how long a slow head may take.
    socket.setReceiveTimeout(Poco::Timespan(context_.keep_alive.count(), 0));
    socket.setSendTimeout(Poco::Timespan(context_.send_timeout.count(), 0));
    remote = socket.peerAddress().host().toString();
  } catch (const Poco::Exception&) {
    return;  // the client left already
  }

  std::string buffer(kMaxHead, '\0');
  std::size_t have = 0;
  std::string head;
  for (;;) {
    std::size_t length = 0;
    bool too_large = false;
    for (;;) {
      // Empty lines before a request line are ignored (RFC 9112 §2.2).
      std::size_t blank = 0;
      while (blank < have && (buffer[blank] == '\r' || buffer[blank] == '\n')) ++blank;
      if (blank > 0) {
        std::memmove(buffer.data(), buffer.data() + blank, have - blank);
        have -= blank;
      }
      if ((length = head_length({buffer.data(), have})) > 0) break;
      if (have == buffer.size()) {
        too_large = true;
        break;
      }
      if (have == 0 && !entry.idle(context_.registry)) return;
      const bool more = read_more(fd, buffer, have);
      entry.busy();
      // End of input, the keep-alive timeout, or the registry closing an idle connection.
      if (!more) return;
    }

    const auto started = std::chrono::steady_clock::now();
    const auto now = std::chrono::system_clock::now();
    auto parsed = too_large ? std::variant<HttpRequest, HttpError>(HttpError{431, "the request head is over 16 KiB"})
                            : parse_request({buffer.data(), length});
    std::size_t used = length;
    if (const auto* announced = std::get_if<HttpRequest>(&parsed); announced && announced->content_length > 0) {
      used += announced->content_length;
      if (buffer.size() < used) buffer.resize(used);
      while (have < used)
        if (!read_more(fd, buffer, have)) return;
      // The buffer may have moved: parse again for views into where the bytes are now.
      parsed = parse_request({buffer.data(), length});
      std::get<HttpRequest>(parsed).content = {buffer.data() + length, used - length};
    }
    Outcome outcome;
    const HttpRequest* request = std::get_if<HttpRequest>(&parsed);
    const bool keep_alive = request && request->keep_alive;
    const HttpResponse response = answer(parsed, context_.state, now, outcome);
    head.clear();
    write_head(head, response, request ? request->minor_version : 1, keep_alive,
               http_date_cached(std::chrono::floor<std::chrono::seconds>(now)));
    const std::string_view content = response.head_only ? std::string_view{} : response.content();
    const bool sent = send_all(fd, head, content);

    AccessEntry line;
    line.at = now;
    line.remote = remote;
    line.method = request ? request->method : std::string_view("-");
    line.route = outcome.route;
    line.status = response.status;
    line.bytes = sent ? content.size() : 0;
    line.took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
    line.token_id = outcome.token_id;
    if (request) line.user_agent = request->header("User-Agent").value_or("");
    line.note = sent ? std::string_view(outcome.note) : std::string_view("the client stopped reading");
    context_.log.write(line);

    if (!sent) return;
    if (!request) {
      lingering_close(fd);
      return;
    }
    if (!keep_alive) return;
    std::memmove(buffer.data(), buffer.data() + used, have - used);
    have -= used;
    // Back to the head's size after a large content, unless a pipelined request still needs more.
    if (buffer.size() > kMaxHead && have <= kMaxHead) {
      buffer.resize(kMaxHead);
      buffer.shrink_to_fit();
    }
  }
}

}  // namespace cadence::web
