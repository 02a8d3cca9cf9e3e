#pragma once
// Rendered feeds kept between fetches, so a calendar client polling an unchanged feed costs a
// lookup: most fetches of a feed find it unchanged. Each feed is kept once, gzip-compressed
// (a committee feed: 66 KB plain, 5.5 KB compressed); PlainCopies keeps the plain bytes of the
// feeds fetched without gzip, within a small budget of its own.
#include "web/flight_cache.h"

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

// The size a feed counts for against the cache's capacity.
std::size_t cached_size(const CachedFeed& feed);

// Least recently used feeds go first once the cache holds more than its capacity in bytes.
using FeedCache = FlightCache<CachedFeed>;

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
