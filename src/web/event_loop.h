#pragma once
// An epoll loop of our own (Linux): accepts connections, reads request heads and content,
// finishes responses a client takes slowly, enforces the deadlines, and closes. A complete
// request that needs no waiting (a cached feed: Exchange::answer_here) is answered here; the
// others go to the worker pool. A connection costs a descriptor and a small buffer here, not
// a thread, so slow or idle clients cannot starve the others.
//
// Whichever loop accepts a connection deals it to the loops in turn (a connection's cached
// feeds are answered by the loop that holds it, so a burst accepted by one loop must not stay
// with that loop: EPOLLEXCLUSIVE wakes one loop per burst, and that loop took all of it).
//
// Each connection is armed one-shot: an event hands it to exactly one holder (this loop, or a
// worker it passes it to), and only this loop, in its event handling, ever closes it. Deadlines
// and stops are carried out with shutdown(2), whose event then closes the connection here: a
// worker may hold the connection meanwhile, and its descriptor must not be reused under it.
#include "web/exchange.h"
#include "web/worker_pool.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <sys/socket.h>
#include <vector>

namespace cadence::web {

// Connections of all loops together, against max_connections.
struct ConnectionCount {
  std::atomic<std::size_t> open{0};
  std::size_t max = 16384;
  std::atomic<std::size_t> refused{0};
  std::atomic<std::int64_t> refused_logged_ms{0};
};

class EventLoop {
 public:
  enum class Stage : int {
    kServing,
    kStopping,  // accepts no more; cuts connections waiting for a request; answers what it has
    kCutting,   // cuts every connection
    kExit,      // run() returns
  };

  EventLoop(int listen_fd, Exchange& exchange, ConnectionCount& count, AccessLog& log);
  ~EventLoop();  // closes what is left. REQUIRES: run() returned, no worker holds a connection.
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  void set_pool(WorkerPool& pool) { pool_ = &pool; }
  // The loops (this one among them) that accepted connections are dealt to, in turn through
  // `turn`; set before run(). Without it, this loop keeps what it accepts.
  void deal_to(const std::vector<EventLoop*>& loops, std::atomic<std::size_t>& turn) {
    loops_ = loops;
    turn_ = &turn;
  }
  void run();
  // From any thread; the loop acts on it within 100 ms.
  void advance(Stage stage) { stage_.store(static_cast<int>(stage)); }

  // A worker has finished with `c`: `step` says what it waits for now.
  static void hand_back(Connection& c, Next step);

 private:
  struct Arrival {
    int fd;
    sockaddr_storage address;
  };
  void accept_all();
  void deal(const Arrival& arrival);
  void take(const Arrival& arrival);  // from any loop
  void adopt_arrivals();
  void adopt(const Arrival& arrival);
  void refuse_over_limit(int fd);
  void on_event(Connection& c);
  void drive(Connection& c, Next step);
  void close(Connection& c);
  void tick();

  const int listen_fd_;
  const int epoll_fd_;
  const int wake_fd_;  // an eventfd: arrivals are waiting
  Exchange& exchange_;
  ConnectionCount& count_;
  AccessLog& log_;
  WorkerPool* pool_ = nullptr;
  std::atomic<int> stage_{static_cast<int>(Stage::kServing)};
  int stage_applied_ = static_cast<int>(Stage::kServing);
  bool listening_ = true;
  std::int64_t accept_paused_until_ms_ = 0;
  std::vector<std::unique_ptr<Connection>> connections_;
  std::vector<EventLoop*> loops_;
  std::atomic<std::size_t>* turn_ = nullptr;
  std::mutex arrivals_mutex_;
  std::vector<Arrival> arrivals_;  // dealt to this loop by another, not adopted yet
};

// The worker's part: answers `c`'s complete request and any pipelined after it, writes what it
// can, and hands the connection back to its loop.
void answer_in_worker(Connection& c, Exchange& exchange);

}  // namespace cadence::web
