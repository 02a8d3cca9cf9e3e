#include "web/event_loop.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <system_error>

namespace cadence::web {

namespace {

constexpr int kTickMs = 100;

void arm(Connection& c, Phase phase, bool write) {
  epoll_event event{};
  event.events = (write ? EPOLLOUT : EPOLLIN) | EPOLLONESHOT;
  event.data.ptr = &c;
  // Stored before arming: once armed, the loop may hold it at once.
  c.phase.store(phase, std::memory_order_release);
  ::epoll_ctl(c.epoll, EPOLL_CTL_MOD, c.fd, &event);
}

std::string peer_of(const sockaddr_storage& address) {
  char text[INET6_ADDRSTRLEN] = "-";
  if (address.ss_family == AF_INET)
    ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(address).sin_addr, text, sizeof text);
  else if (address.ss_family == AF_INET6)
    ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(address).sin6_addr, text, sizeof text);
  return text;
}

// Reads and drops what a closing connection still sends; false once it is done (end of input,
// an error, or more than a client needs to send after its last response).
bool drain(Connection& c) {
  char sink[4096];
  for (int reads = 0; reads < 256; ++reads) {
    const ssize_t n = ::recv(c.fd, sink, sizeof sink, MSG_DONTWAIT);
    if (n > 0) continue;
    if (n < 0 && errno == EINTR) continue;
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }
  return false;
}

}  // namespace

EventLoop::EventLoop(int listen_fd, Exchange& exchange, ConnectionCount& count, AccessLog& log)
    : listen_fd_(listen_fd),
      epoll_fd_(::epoll_create1(EPOLL_CLOEXEC)),
      wake_fd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)),
      exchange_(exchange),
      count_(count),
      log_(log) {
  if (epoll_fd_ < 0 || wake_fd_ < 0) throw std::system_error(errno, std::generic_category(), "epoll_create1/eventfd");
  epoll_event event{};
  // Several loops wait on one listening socket: EPOLLEXCLUSIVE wakes one of them per connection.
  event.events = EPOLLIN | EPOLLEXCLUSIVE;
  event.data.ptr = nullptr;
  if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &event) != 0)
    throw std::system_error(errno, std::generic_category(), "epoll_ctl");
  event.events = EPOLLIN;
  event.data.ptr = &arrivals_;
  if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &event) != 0)
    throw std::system_error(errno, std::generic_category(), "epoll_ctl");
}

EventLoop::~EventLoop() {
  while (!connections_.empty()) close(*connections_.back());
  for (const Arrival& a : arrivals_) {
    ::close(a.fd);
    count_.open.fetch_sub(1);
  }
  ::close(wake_fd_);
  ::close(epoll_fd_);
}

void EventLoop::run() {
  epoll_event events[256];
  std::int64_t next_tick = steady_ms() + kTickMs;
  while (stage_.load() != static_cast<int>(Stage::kExit)) {
    const int n = ::epoll_wait(epoll_fd_, events, 256, kTickMs);
    for (int i = 0; i < n; ++i) {
      if (events[i].data.ptr == nullptr) accept_all();
      else if (events[i].data.ptr == &arrivals_) adopt_arrivals();
      else on_event(*static_cast<Connection*>(events[i].data.ptr));
    }
    if (const auto now = steady_ms(); now >= next_tick) {
      tick();
      next_tick = now + kTickMs;
    }
  }
}

void EventLoop::accept_all() {
  for (int i = 0; i < 64 && listening_; ++i) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    const int fd = ::accept4(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
        // Out of descriptors: the pending connection stays queued; stop looking for a moment
        // rather than spin on a listening socket that stays readable.
        ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, listen_fd_, nullptr);
        listening_ = false;
        accept_paused_until_ms_ = steady_ms() + 200;
      }
      return;
    }
    if (count_.open.fetch_add(1) >= count_.max) {
      count_.open.fetch_sub(1);
      refuse_over_limit(fd);
      continue;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    deal(Arrival{fd, address});
  }
}

void EventLoop::deal(const Arrival& arrival) {
  EventLoop* to = loops_.empty() ? this : loops_[turn_->fetch_add(1, std::memory_order_relaxed) % loops_.size()];
  if (to == this) adopt(arrival);
  else to->take(arrival);
}

void EventLoop::take(const Arrival& arrival) {
  bool first = false;
  {
    const std::lock_guard lock(arrivals_mutex_);
    first = arrivals_.empty();
    arrivals_.push_back(arrival);
  }
  // The loop reads its eventfd before it takes the arrivals, so one wake-up per batch suffices.
  if (first) {
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(wake_fd_, &one, sizeof one);
  }
}

void EventLoop::adopt_arrivals() {
  std::uint64_t count = 0;
  [[maybe_unused]] const auto read = ::read(wake_fd_, &count, sizeof count);
  std::vector<Arrival> arrived;
  {
    const std::lock_guard lock(arrivals_mutex_);
    arrived.swap(arrivals_);
  }
  for (const Arrival& a : arrived) adopt(a);
}

void EventLoop::adopt(const Arrival& arrival) {
  auto c = std::make_unique<Connection>(arrival.fd);
  c->remote = peer_of(arrival.address);
  c->epoll = epoll_fd_;
  c->slot = connections_.size();
  c->deadline_ms.store(steady_ms() + exchange_.limits().header_timeout.count());
  epoll_event event{};
  event.events = EPOLLIN | EPOLLONESHOT;
  event.data.ptr = c.get();
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, arrival.fd, &event);
  connections_.push_back(std::move(c));
}

void EventLoop::refuse_over_limit(int fd) {
  static constexpr std::string_view kBusy =
      "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 20\r\n"
      "Retry-After: 1\r\nConnection: close\r\n\r\ntoo many connections\n";
  ::send(fd, kBusy.data(), kBusy.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(fd, SHUT_WR);
  char sink[4096];
  while (::recv(fd, sink, sizeof sink, MSG_DONTWAIT) > 0) {
  }
  ::close(fd);
  count_.refused.fetch_add(1);
  // Logged once a second at most: a flood of connections must not become a flood of lines.
  const auto now = steady_ms();
  auto logged = count_.refused_logged_ms.load();
  if (now - logged >= 1000 && count_.refused_logged_ms.compare_exchange_strong(logged, now))
    log_.note("cadence serve: refused " + std::to_string(count_.refused.exchange(0)) +
              " connections with 503: max_connections (" + std::to_string(count_.max) + ") are open");
}

void EventLoop::on_event(Connection& c) {
  Next step = Next::kClose;
  switch (c.phase.load(std::memory_order_acquire)) {
    case Phase::kReading:
      if (read_input(c, exchange_.input_limit(c)) && !c.cut) step = exchange_.after_input(c);
      break;
    case Phase::kWriting: step = exchange_.after_output(c, send_output(c)); break;
    case Phase::kDraining: step = drain(c) && !c.cut ? Next::kDrain : Next::kClose; break;
    case Phase::kWorking: return;  // not armed while a worker holds it
  }
  drive(c, step);
}

void EventLoop::drive(Connection& c, Next step) {
  for (;;) {
    switch (step) {
      case Next::kSend: step = exchange_.after_output(c, send_output(c)); continue;
      case Next::kAnswer:
        if (const Next here = exchange_.answer_here(c); here != Next::kAnswer) {
          step = here;
          continue;
        }
        c.phase.store(Phase::kWorking, std::memory_order_release);
        pool_->push(c);
        return;
      case Next::kRead: arm(c, Phase::kReading, false); return;
      case Next::kDrain: arm(c, Phase::kDraining, false); return;
      case Next::kWaitWrite: arm(c, Phase::kWriting, true); return;
      case Next::kClose: close(c); return;
    }
  }
}

void EventLoop::hand_back(Connection& c, Next step) {
  switch (step) {
    case Next::kRead: arm(c, Phase::kReading, false); return;
    case Next::kDrain: arm(c, Phase::kDraining, false); return;
    case Next::kWaitWrite: arm(c, Phase::kWriting, true); return;
    default:
      // To close: its loop does that, on the event the shutdown gives.
      ::shutdown(c.fd, SHUT_RDWR);
      arm(c, Phase::kDraining, false);
      return;
  }
}

void EventLoop::close(Connection& c) {
  ::close(c.fd);  // also leaves the epoll set
  const std::size_t slot = c.slot;
  if (slot + 1 != connections_.size()) {
    connections_[slot] = std::move(connections_.back());
    connections_[slot]->slot = slot;
  }
  connections_.pop_back();
  count_.open.fetch_sub(1);
}

void EventLoop::tick() {
  const int stage = stage_.load();
  const auto now = steady_ms();
  if (stage >= static_cast<int>(Stage::kStopping)) {
    if (stage_applied_ < static_cast<int>(Stage::kStopping) && listening_)
      ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, listen_fd_, nullptr);
    listening_ = false;
  } else if (!listening_ && now >= accept_paused_until_ms_) {
    epoll_event event{};
    event.events = EPOLLIN | EPOLLEXCLUSIVE;
    event.data.ptr = nullptr;
    listening_ = ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &event) == 0;
  }
  stage_applied_ = stage;
  for (std::size_t i = 0; i < connections_.size(); ++i) {
    Connection& c = *connections_[i];
    const Phase phase = c.phase.load(std::memory_order_acquire);
    const bool cut = stage >= static_cast<int>(Stage::kCutting) ||
                     (stage == static_cast<int>(Stage::kStopping) && phase == Phase::kReading);
    if (cut && !c.cut) {
      c.cut = true;
      ::shutdown(c.fd, SHUT_RDWR);
    } else if (phase != Phase::kWorking && !c.cut && c.deadline_ms.load(std::memory_order_relaxed) <= now) {
      exchange_.expire(c);
    }
  }
}

void answer_in_worker(Connection& c, Exchange& exchange) {
  Next step = exchange.answer(c);
  for (;;) {
    if (step == Next::kSend) step = exchange.after_output(c, send_output(c));
    else if (step == Next::kAnswer) step = exchange.answer(c);  // pipelined, already read
    else break;
  }
  EventLoop::hand_back(c, step);
}

}  // namespace cadence::web
