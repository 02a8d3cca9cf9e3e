#include "web/worker_pool.h"

namespace cadence::web {

WorkerPool::WorkerPool(int workers, std::function<void(Connection&)> work) : work_(std::move(work)) {
  running_ = workers;
  for (int i = 0; i < workers; ++i) threads_.emplace_back([this] { run(); });
}

WorkerPool::~WorkerPool() {
  if (!threads_.empty()) stop(std::chrono::steady_clock::time_point::max());
}

void WorkerPool::push(Connection& c) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(&c);
  }
  ready_.notify_one();
}

void WorkerPool::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) break;
    Connection* c = queue_.front();
    queue_.pop_front();
    lock.unlock();
    work_(*c);
    lock.lock();
  }
  --running_;
  ended_.notify_all();
}

bool WorkerPool::stop(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mutex_);
  stopping_ = true;
  ready_.notify_all();
  if (!ended_.wait_until(lock, deadline, [&] { return running_ == 0; })) return false;
  lock.unlock();
  for (auto& t : threads_) t.join();
  threads_.clear();
  return true;
}

}  // namespace cadence::web
