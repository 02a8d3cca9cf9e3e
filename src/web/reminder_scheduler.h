#pragma once
// serve's reminder scheduler: a thread that wakes at every minute and runs one pass, which
// recomputes from the database what is due. No timer is kept, so neither a restart nor a clock
// jump can lose a reminder or fire one twice: the outbox's keys decide.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <ostream>
#include <thread>

namespace cadence::web {

class ReminderScheduler {
 public:
  using Pass = std::function<void(std::chrono::system_clock::time_point now)>;

  // Starts the thread; the first pass runs at once. A pass that throws is logged, and the next
  // minute's runs anyway.
  ReminderScheduler(Pass pass, std::ostream& log);
  ~ReminderScheduler();
  ReminderScheduler(const ReminderScheduler&) = delete;
  ReminderScheduler& operator=(const ReminderScheduler&) = delete;

  // Within `deadline`: no pass starts any more and the one running is waited for; one still
  // running then is left to the process's exit (its claims expire and are taken over).
  void stop(std::chrono::steady_clock::time_point deadline);

 private:
  void run();

  Pass pass_;
  std::ostream& log_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool running_ = true;
  std::thread thread_;
};

}  // namespace cadence::web
