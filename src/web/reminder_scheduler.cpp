#include "web/reminder_scheduler.h"

#include <exception>

namespace cadence::web {

ReminderScheduler::ReminderScheduler(Pass pass, std::ostream& log) : pass_(std::move(pass)), log_(log) {
  thread_ = std::thread([this] { run(); });
}

ReminderScheduler::~ReminderScheduler() { stop(std::chrono::steady_clock::now() + std::chrono::seconds{10}); }

void ReminderScheduler::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      pass_(std::chrono::system_clock::now());
    } catch (const std::exception& e) {
      log_ << "cadence serve: reminder pass failed: " << e.what() << std::endl;
    }
    lock.lock();
    // The next whole minute of the wall clock; waited for on the system clock, so that a clock
    // jump moves the next pass with it instead of firing a stale one.
    const auto next = std::chrono::ceil<std::chrono::minutes>(std::chrono::system_clock::now() + std::chrono::seconds{1});
    wake_.wait_until(lock, next, [this] { return stopping_; });
  }
  running_ = false;
  wake_.notify_all();
}

void ReminderScheduler::stop(std::chrono::steady_clock::time_point deadline) {
  if (!thread_.joinable()) return;
  std::unique_lock lock(mutex_);
  stopping_ = true;
  wake_.notify_all();
  const bool done = wake_.wait_until(lock, deadline, [this] { return !running_; });
  lock.unlock();
  if (done)
    thread_.join();
  else
    thread_.detach();
}

}  // namespace cadence::web
