#pragma once
// Rendered feeds kept between fetches, so a calendar client polling an unchanged feed costs a
// lookup: most fetches of a feed find it unchanged. Each feed is kept once, gzip-compressed
// (a committee feed: 66 KB plain, 5.5 KB compressed); PlainCopies keeps the plain bytes of the
// feeds fetched without gzip, within a small budget of its own.
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
  std::string gzip;  // the body, gzip-compressed
  std::size_t plain_size = 0;
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
  // The feed kept under `key`, or null: nothing is rendered.
  std::shared_ptr<const CachedFeed> peek(const std::string& key);
  // Forgets every feed. A render under way is not kept: it may predate what made us clear.
  void clear();
  // What the kept feeds take, as counted against the capacity.
  std::size_t bytes();

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
std::shared_ptr<const CachedFeed> make_cached_feed(const std::string& body,
                                                   std::optional<std::chrono::sys_seconds> last_modified,
                                                   std::string last_modified_text);

// The plain bytes of cached feeds, for clients that do not take gzip: by the feed's ETag, the
// least recently used dropped beyond what `capacity` says when asked (the room the compressed
// feeds leave); one not kept is decompressed again.
class PlainCopies {
 public:
  explicit PlainCopies(std::function<std::size_t()> capacity) : capacity_(std::move(capacity)) {}
  std::shared_ptr<const std::string> get(const CachedFeed& feed);
  // The plain bytes kept for `feed`, or null: nothing is decompressed.
  std::shared_ptr<const std::string> find(const CachedFeed& feed);
  void put(const std::string& etag, std::shared_ptr<const std::string> body);

 private:
  using Order = std::list<std::string>;
  struct Slot {
    std::shared_ptr<const std::string> body;
    Order::iterator position;
  };
  std::mutex mutex_;
  std::function<std::size_t()> capacity_;
  std::size_t bytes_ = 0;
  Order order_;  // most recently used first
  std::unordered_map<std::string, Slot> entries_;
};

// The body of a gzip member, decompressed.
std::string gunzip(const std::string& compressed);

}  // namespace cadence::web
