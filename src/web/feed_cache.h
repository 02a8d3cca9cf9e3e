#pragma once
// Rendered feeds kept between fetches, with their gzip bytes, so a calendar client polling
// an unchanged feed costs a lookup: most fetches of a feed find it unchanged.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace cadence::web {

struct CachedFeed {
  std::string body;
  std::string gzip;  // the same body, gzip-compressed
  std::string etag;  // of the identity body, quoted; the gzip one ends in -gz"
  std::string gzip_etag;
  std::optional<std::chrono::sys_seconds> last_modified;
  std::string last_modified_text;  // as the Last-Modified header writes it, formatted once
};

// Least recently used entries go first once the cache holds more than `capacity_bytes`.
class FeedCache {
 public:
  using Render = std::function<std::shared_ptr<const CachedFeed>()>;

  // `on_wait` is called whenever a caller starts waiting for another's render (tests count).
  explicit FeedCache(std::size_t capacity_bytes, std::function<void()> on_wait = {})
      : capacity_(capacity_bytes), on_wait_(std::move(on_wait)) {}
  // The feed kept under `key`, or else the one `render` makes, then kept. Concurrent misses of
  // one key render it once: the others wait and get that result, or its exception (and nothing
  // is kept).
  std::shared_ptr<const CachedFeed> get(const std::string& key, const Render& render);
  // Forgets every feed. A render under way is not kept: it may predate what made us clear.
  void clear();

 private:
  using Order = std::list<std::string>;
  struct Slot {
    std::shared_ptr<const CachedFeed> feed;
    Order::iterator position;
  };
  struct Flight {
    std::promise<std::shared_ptr<const CachedFeed>> done;
    std::shared_future<std::shared_ptr<const CachedFeed>> result = done.get_future().share();
  };
  // Renders `key` for the callers waiting on `flight`; `clears`: clear() calls seen before.
  std::shared_ptr<const CachedFeed> lead(const std::string& key, Flight& flight, std::uint64_t clears,
                                         const Render& render);
  // REQUIRES: mutex_ held.
  std::shared_ptr<const CachedFeed> find(const std::string& key);
  void put(const std::string& key, std::shared_ptr<const CachedFeed> feed);
  void land(const std::string& key, const Flight& flight);

  std::mutex mutex_;
  std::size_t capacity_;
  std::function<void()> on_wait_;
  std::size_t bytes_ = 0;
  Order order_;  // most recently used first
  std::unordered_map<std::string, Slot> entries_;
  std::unordered_map<std::string, std::shared_ptr<Flight>> flights_;  // renders under way
  std::uint64_t clears_ = 0;
};

// A CachedFeed for `body`: compressed once, tagged with its digest.
std::shared_ptr<const CachedFeed> make_cached_feed(std::string body,
                                                   std::optional<std::chrono::sys_seconds> last_modified,
                                                   std::string last_modified_text);

}  // namespace cadence::web
