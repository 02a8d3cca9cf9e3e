#include "web/connection_registry.h"

#include <sys/socket.h>

namespace cadence::web {

namespace {
std::int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
}  // namespace

bool ConnectionRegistry::Entry::idle(const ConnectionRegistry& registry) {
  // Marked idle before looking at stopping_, and stop() sets stopping_ before looking for idle
  // connections: one of the two sees the other, so no connection is left waiting.
  idle_since_ms_.store(steady_ms(), std::memory_order_relaxed);
  state_.store(kIdle);
  return !registry.stopping_.load();
}

bool ConnectionRegistry::enter(Entry& entry) {
  std::lock_guard lock(mutex_);
  if (stopping_.load()) return false;
  entries_.insert(&entry);
  return true;
}

void ConnectionRegistry::leave(Entry& entry) {
  std::lock_guard lock(mutex_);
  entries_.erase(&entry);
  left_.notify_all();
}

std::size_t ConnectionRegistry::close_idle_locked(std::size_t count, std::chrono::milliseconds idle_for) {
  std::size_t closed = 0;
  const auto before = steady_ms() - idle_for.count();
  for (auto* entry : entries_) {
    if (closed == count) break;
    if (entry->idle_since_ms_.load(std::memory_order_relaxed) > before) continue;
    int expected = Entry::kIdle;
    if (!entry->state_.compare_exchange_strong(expected, Entry::kClosing)) continue;
    // Only the reading side: a response being written still goes out, and the connection's
    // thread, waiting in recv, gets end of input and closes the socket itself.
    ::shutdown(entry->fd_, SHUT_RD);
    ++closed;
  }
  return closed;
}

void ConnectionRegistry::close_idle(std::size_t count, std::chrono::milliseconds idle_for) {
  std::lock_guard lock(mutex_);
  close_idle_locked(count, idle_for);
}

std::size_t ConnectionRegistry::stop(std::chrono::milliseconds patience) {
  std::unique_lock lock(mutex_);
  stopping_.store(true);
  close_idle_locked(entries_.size(), std::chrono::milliseconds(0));
  left_.wait_for(lock, patience, [&] { return entries_.empty(); });
  return entries_.size();
}

std::size_t ConnectionRegistry::size() {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace cadence::web
