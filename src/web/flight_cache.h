#pragma once
// Answers kept between requests, least recently used dropped beyond a byte budget, where
// concurrent misses of one key compute it once: the others wait for that result (or its
// exception, and nothing is kept). The feeds (web/feed_cache.h) and the API's compliance
// (web/compliance_cache.h) are kept in one.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace cadence::web {

// `Value` counts against the budget as `cached_size(const Value&)` (found by ADL) says.
template <typename Value>
class FlightCache {
 public:
  using Render = std::function<std::shared_ptr<const Value>()>;

  // `on_wait` is called whenever a caller starts waiting for another's render (tests count).
  explicit FlightCache(std::size_t capacity_bytes, std::function<void()> on_wait = {})
      : capacity_(capacity_bytes), on_wait_(std::move(on_wait)) {}

  // The value kept under `key`, or else the one `render` makes, then kept.
  std::shared_ptr<const Value> get(const std::string& key, const Render& render) {
    std::shared_ptr<Flight> flight;
    bool leads = false;
    std::uint64_t clears = 0;
    {
      std::lock_guard lock(mutex_);
      if (auto value = find(key)) return value;
      auto& slot = flights_[key];
      leads = !slot;
      if (leads) slot = std::make_shared<Flight>();
      flight = slot;
      clears = clears_;
    }
    if (leads) return lead(key, *flight, clears, render);
    if (on_wait_) on_wait_();
    return flight->result.get();
  }

  // The value kept under `key`, or null: nothing is rendered.
  std::shared_ptr<const Value> peek(const std::string& key) {
    std::lock_guard lock(mutex_);
    return find(key);
  }

  // Forgets every value. A render under way is not kept: it may predate what made us clear.
  void clear() {
    std::lock_guard lock(mutex_);
    entries_.clear();
    order_.clear();
    bytes_ = 0;
    flights_.clear();
    ++clears_;
  }

  // What the kept values take, as counted against the capacity.
  std::size_t bytes() {
    std::lock_guard lock(mutex_);
    return bytes_;
  }

 private:
  using Order = std::list<std::string>;
  struct Slot {
    std::shared_ptr<const Value> value;
    typename Order::iterator position;
  };
  struct Flight {
    std::promise<std::shared_ptr<const Value>> done;
    std::shared_future<std::shared_ptr<const Value>> result = done.get_future().share();
  };

  // Renders `key` for the callers waiting on `flight`; `clears`: clear() calls seen before.
  std::shared_ptr<const Value> lead(const std::string& key, Flight& flight, std::uint64_t clears, const Render& render) {
    try {
      auto value = render();
      {
        std::lock_guard lock(mutex_);
        if (clears == clears_) put(key, value);
        land(key, flight);
      }
      flight.done.set_value(value);
      return value;
    } catch (...) {
      {
        std::lock_guard lock(mutex_);
        land(key, flight);
      }
      flight.done.set_exception(std::current_exception());
      throw;
    }
  }

  // REQUIRES: mutex_ held (as for put and land).
  std::shared_ptr<const Value> find(const std::string& key) {
    const auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second.position);
    return it->second.value;
  }

  void put(const std::string& key, std::shared_ptr<const Value> value) {
    if (const auto it = entries_.find(key); it != entries_.end()) {
      bytes_ -= cached_size(*it->second.value);
      order_.erase(it->second.position);
      entries_.erase(it);
    }
    bytes_ += cached_size(*value);
    order_.push_front(key);
    entries_.emplace(key, Slot{std::move(value), order_.begin()});
    while (bytes_ > capacity_ && order_.size() > 1) {
      const auto victim = entries_.find(order_.back());
      bytes_ -= cached_size(*victim->second.value);
      entries_.erase(victim);
      order_.pop_back();
    }
  }

  void land(const std::string& key, const Flight& flight) {
    // After a clear() the key may name a newer flight.
    if (const auto it = flights_.find(key); it != flights_.end() && it->second.get() == &flight) flights_.erase(it);
  }

  std::mutex mutex_;
  std::size_t capacity_;
  std::function<void()> on_wait_;
  std::size_t bytes_ = 0;
  Order order_;  // most recently used first
  std::unordered_map<std::string, Slot> entries_;
  std::unordered_map<std::string, std::shared_ptr<Flight>> flights_;  // renders under way
  std::uint64_t clears_ = 0;
};

}  // namespace cadence::web
