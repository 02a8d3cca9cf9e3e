#pragma once
// The threads that answer complete requests (rendering, database work), so that no connection
// waiting for its client ever holds one.
#include "web/connection.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cadence::web {

class WorkerPool {
 public:
  WorkerPool(int workers, std::function<void(Connection&)> work);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void push(Connection& c);
  // Lets the workers finish what is queued and being answered, until `deadline`. True when all
  // have ended (and are joined); false when some are still at work (they are left running).
  bool stop(std::chrono::steady_clock::time_point deadline);

 private:
  void run();

  std::function<void(Connection&)> work_;
  std::mutex mutex_;
  std::condition_variable ready_, ended_;
  std::deque<Connection*> queue_;
  bool stopping_ = false;
  int running_ = 0;
  std::vector<std::thread> threads_;
};

}  // namespace cadence::web
