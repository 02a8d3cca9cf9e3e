#include "web/connection.h"

#include <sys/socket.h>
#include <sys/uio.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace cadence::web {

namespace {
// A request head is a few hundred bytes: a connection starts small and grows only when asked,
// so that 10,000 idle ones cost little memory.
constexpr std::size_t kFirstBuffer = 2048;
}  // namespace

std::int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

bool read_input(Connection& c, std::size_t limit) {
  if (c.have == c.in.size()) {
    if (c.in.size() >= limit) return true;
    c.in.resize(std::min(limit, std::max(kFirstBuffer, c.in.size() * 2)));
  }
  for (;;) {
    const ssize_t n = ::recv(c.fd, c.in.data() + c.have, c.in.size() - c.have, MSG_DONTWAIT);
    if (n > 0) {
      c.have += static_cast<std::size_t>(n);
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }
}

SendResult send_output(Connection& c) {
  for (;;) {
    const std::size_t head_left = c.out_sent < c.out_head.size() ? c.out_head.size() - c.out_sent : 0;
    const std::size_t content_from = c.out_sent - (c.out_head.size() - head_left);
    iovec parts[2];
    int count = 0;
    if (head_left > 0) parts[count++] = {c.out_head.data() + c.out_sent, head_left};
    if (content_from < c.out_content.size())
      parts[count++] = {const_cast<char*>(c.out_content.data()) + content_from, c.out_content.size() - content_from};
    if (count == 0) return SendResult::kDone;
    msghdr message{};
    message.msg_iov = parts;
    message.msg_iovlen = static_cast<std::size_t>(count);
    const ssize_t sent = ::sendmsg(c.fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (sent >= 0) {
      c.out_sent += static_cast<std::size_t>(sent);
      continue;
    }
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK ? SendResult::kAgain : SendResult::kFailed;
  }
}

void consume_request(Connection& c) {
  const std::size_t used = std::min(c.end, c.have);
  std::memmove(c.in.data(), c.in.data() + used, c.have - used);
  c.have -= used;
  c.head = c.end = 0;
  c.started = c.have > 0;
  c.continue_sent = false;
  c.request.reset();
  c.out_head.clear();
  c.out_text.clear();
  c.out_content = {};
  c.out_owner.reset();
  c.out_sent = 0;
  c.answered_by_loop = false;
  // Back to a small buffer after a large content, unless pipelined bytes still need it.
  if (c.in.size() > kFirstBuffer * 8 && c.have <= kFirstBuffer) {
    c.in.resize(kFirstBuffer);
    c.in.shrink_to_fit();
  }
}

}  // namespace cadence::web
