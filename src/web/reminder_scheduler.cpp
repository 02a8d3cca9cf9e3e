#include "web/reminder_scheduler.h"

#include <exception>

namespace cadence::web {

ReminderScheduler::ReminderScheduler(Pass pass, std::ostream& log, Options options)
    : pass_(std::move(pass)), log_(log), options_(std::move(options)) {
  thread_ = std::thread([this] { run(); });
}

std::chrono::system_clock::time_point ReminderScheduler::now() const {
  if (!options_.clock_from) return std::chrono::system_clock::now();
  return *options_.clock_from + std::chrono::duration_cast<std::chrono::system_clock::duration>(
                                    std::chrono::steady_clock::now() - started_);
}

ReminderScheduler::~ReminderScheduler() { stop(std::chrono::steady_clock::now() + std::chrono::seconds{10}); }

void ReminderScheduler::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      pass_(now());
    } catch (const std::exception& e) {
      log_ << "cadence serve: reminder pass failed: " << e.what() << std::endl;
    }
    lock.lock();
    // The next multiple of the interval on the wall clock (each whole minute by default); waited
    // for on the system clock, so that a clock jump moves the next pass with it instead of
    // firing a stale one.
    const auto interval = std::chrono::duration_cast<std::chrono::system_clock::duration>(options_.interval);
    const auto wall = std::chrono::system_clock::now().time_since_epoch();
    const auto next = std::chrono::system_clock::time_point{(wall / interval + 1) * interval};
    wake_.wait_until(lock, next, [this] { return stopping_; });
  }
  running_ = false;
  wake_.notify_all();
}

bool ReminderScheduler::stop(std::chrono::steady_clock::time_point deadline) {
  if (!thread_.joinable()) return !detached_;
  std::unique_lock lock(mutex_);
  stopping_ = true;
  wake_.notify_all();
  const bool done = wake_.wait_until(lock, deadline, [this] { return !running_; });
  lock.unlock();
  if (done)
    thread_.join();
  else
    thread_.detach();
  detached_ = !done;
  return done;
}

}  // namespace cadence::web
