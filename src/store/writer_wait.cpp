#include "store/database.h"

#include <Poco/Data/SQLite/Utility.h>
#include <sqlite3.h>

#include <algorithm>
#include <thread>

namespace cadence::store {

int WriterWaiter::on_busy(void* waiter, int attempt) {
  auto& self = *static_cast<WriterWaiter*>(waiter);
  const auto now = std::chrono::steady_clock::now();
  if (attempt == 0) {
    self.started = now;
    if (!self.told && self.wait.on_wait) self.wait.on_wait();
    self.told = true;
  }
  const auto left = self.wait.timeout - std::chrono::duration_cast<std::chrono::milliseconds>(now - self.started);
  if (left <= std::chrono::milliseconds::zero()) return 0;
  // Short naps: the other writer's commit is noticed within a few milliseconds.
  std::this_thread::sleep_for(std::min(left, std::chrono::milliseconds{5}));
  return 1;
}

void Database::wait_for_writers(WriterWait wait) {
  if (dialect_.backend != Backend::sqlite) return;
  auto waiter = std::make_unique<WriterWaiter>();
  waiter->wait = std::move(wait);
  // Replaces the busy_timeout set when the connection was opened.
  sqlite3_busy_handler(Poco::Data::SQLite::Utility::dbHandle(session_), &WriterWaiter::on_busy, waiter.get());
  busy_waiter_ = std::move(waiter);
}

}  // namespace cadence::store
