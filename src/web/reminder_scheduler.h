#pragma once
// serve's reminder scheduler: a thread that wakes at every minute and runs one pass, which
// recomputes from the database what is due. No timer is kept, so neither a restart nor a clock
// jump can lose a reminder or fire one twice: the outbox's keys decide.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <ostream>
#include <thread>

namespace cadence::web {

class ReminderScheduler {
 public:
  using Pass = std::function<void(std::chrono::system_clock::time_point now)>;

  struct Options {
    // Passes start at the multiples of this on the wall clock ([remind] interval_seconds).
    std::chrono::seconds interval{60};
    // When set (serve --remind-from), the passes' clock starts at this instant and runs on at
    // the real clock's pace, so a test or a rehearsal can act as of a chosen day.
    std::optional<std::chrono::system_clock::time_point> clock_from;
  };

  // Starts the thread; the first pass runs at once. A pass that throws is logged, and the next
  // interval's runs anyway.
  ReminderScheduler(Pass pass, std::ostream& log, Options options);
  ~ReminderScheduler();
  ReminderScheduler(const ReminderScheduler&) = delete;
  ReminderScheduler& operator=(const ReminderScheduler&) = delete;

  // Within `deadline`: no pass starts any more and the one running is waited for; one still
  // running then is left to the process's exit, which keeps serve's stop bounded. Nothing is
  // lost that way: the rows that pass claimed stay 'sending' in the outbox until their lease
  // expires, and the next pass (this server restarted, another instance, `cadence remind`)
  // takes them over; one it had handed to the SMTP server was noted as such first, so it is
  // resent at most once, with the same Message-ID.
  // Returns false when a pass was left running: the process must then end without destroying
  // what that pass still uses (std::_Exit), the scheduler included.
  bool stop(std::chrono::steady_clock::time_point deadline);

 private:
  void run();

  std::chrono::system_clock::time_point now() const;

  Pass pass_;
  std::ostream& log_;
  Options options_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool running_ = true;
  bool detached_ = false;
  std::thread thread_;
};

}  // namespace cadence::web
