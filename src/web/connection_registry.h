#pragma once
// The open client connections, so that the server can close the idle ones: all of them when it
// stops, a few when connections are queued for a thread (each connection holds a thread while
// it waits for its next request).
#include <atomic>
#include <chrono>
#include <cstdint>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <unordered_set>

namespace cadence::web {

class ConnectionRegistry {
 public:
  // What a connection is doing, set by its own thread; the registry reads it to pick idle ones.
  class Entry {
   public:
    explicit Entry(int fd) : fd_(fd) {}
    // Before waiting for the next request. False when the server is stopping: close instead.
    bool idle(const ConnectionRegistry& registry);
    void busy() { state_.store(kBusy, std::memory_order_relaxed); }

   private:
    friend class ConnectionRegistry;
    static constexpr int kBusy = 0, kIdle = 1, kClosing = 2;
    const int fd_;
    std::atomic<int> state_{kBusy};
    std::atomic<std::int64_t> idle_since_ms_{0};  // steady clock
  };

  // False once stopping: the connection should be closed without a word.
  bool enter(Entry& entry);
  // Before the socket is closed: the registry never touches a descriptor that may be reused.
  void leave(Entry& entry);

  // Ends the waits of up to `count` connections idle for at least `idle_for` (they see end of
  // input and close). A client that is sending its next request is not idle that long, so its
  // request does not meet a closing connection.
  void close_idle(std::size_t count, std::chrono::milliseconds idle_for);
  // Stops: every idle connection now, the busy ones after their response; waits for all of
  // them to leave, at most `patience`. Returns how many had not.
  std::size_t stop(std::chrono::milliseconds patience);
  std::size_t size();

 private:
  std::size_t close_idle_locked(std::size_t count, std::chrono::milliseconds idle_for);

  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable left_;
  std::unordered_set<Entry*> entries_;
};

}  // namespace cadence::web
