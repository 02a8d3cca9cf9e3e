#pragma once
// Rendered feeds kept between fetches, with their gzip bytes, so a calendar client polling
// an unchanged feed costs a lookup: most fetches of a feed find it unchanged.
#include <chrono>
#include <cstddef>
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
  explicit FeedCache(std::size_t capacity_bytes) : capacity_(capacity_bytes) {}
  std::shared_ptr<const CachedFeed> find(const std::string& key);
  void put(const std::string& key, std::shared_ptr<const CachedFeed> feed);
  void clear();

 private:
  using Order = std::list<std::string>;
  struct Slot {
    std::shared_ptr<const CachedFeed> feed;
    Order::iterator position;
  };
  std::mutex mutex_;
  std::size_t capacity_;
  std::size_t bytes_ = 0;
  Order order_;  // most recently used first
  std::unordered_map<std::string, Slot> entries_;
};

// A CachedFeed for `body`: compressed once, tagged with its digest.
std::shared_ptr<const CachedFeed> make_cached_feed(std::string body,
                                                   std::optional<std::chrono::sys_seconds> last_modified,
                                                   std::string last_modified_text);

}  // namespace cadence::web
