#pragma once
// How a connection waits for another process that holds SQLite's write lock: a long import
// holds it for half a minute, and a secretary's `records add` meanwhile should wait and say
// so, not fail with "database is locked".
#include <chrono>
#include <functional>

namespace cadence::store {

struct WriterWait {
  // How long to wait for the lock before failing with "database is locked".
  std::chrono::milliseconds timeout{60'000};
  // Called once per connection, when it first finds the database held: to tell the user.
  std::function<void()> on_wait;
};

// What SQLite's busy handler of one connection keeps between calls (writer_wait.cpp).
struct WriterWaiter {
  WriterWait wait;
  bool told = false;
  std::chrono::steady_clock::time_point started;

  // SQLite calls this each time it finds the lock held, with how many times it already has for
  // this statement; returning 0 gives up (SQLITE_BUSY, "database is locked").
  static int on_busy(void* waiter, int attempt);
};

}  // namespace cadence::store
