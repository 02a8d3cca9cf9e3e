#include "web/feed_cache.h"

#include "store/digest.h"

#include <Poco/DeflatingStream.h>
#include <Poco/InflatingStream.h>
#include <Poco/StreamCopier.h>

#include <sstream>

namespace cadence::web {

namespace {
std::size_t size_of(const CachedFeed& f) { return f.gzip.size() + f.etag.size() * 2 + 256; }
}  // namespace

std::shared_ptr<const CachedFeed> FeedCache::find(const std::string& key) {
  const auto it = entries_.find(key);
  if (it == entries_.end()) return nullptr;
  order_.splice(order_.begin(), order_, it->second.position);
  return it->second.feed;
}

void FeedCache::put(const std::string& key, std::shared_ptr<const CachedFeed> feed) {
  if (const auto it = entries_.find(key); it != entries_.end()) {
    bytes_ -= size_of(*it->second.feed);
    order_.erase(it->second.position);
    entries_.erase(it);
  }
  bytes_ += size_of(*feed);
  order_.push_front(key);
  entries_.emplace(key, Slot{std::move(feed), order_.begin()});
  while (bytes_ > capacity_ && order_.size() > 1) {
    const auto victim = entries_.find(order_.back());
    bytes_ -= size_of(*victim->second.feed);
    entries_.erase(victim);
    order_.pop_back();
  }
}

std::shared_ptr<const CachedFeed> FeedCache::get(const std::string& key, const Render& render) {
  std::shared_ptr<Flight> flight;
  bool leads = false;
  std::uint64_t clears = 0;
  {
    std::lock_guard lock(mutex_);
    if (auto feed = find(key)) return feed;
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

std::shared_ptr<const CachedFeed> FeedCache::peek(const std::string& key) {
  std::lock_guard lock(mutex_);
  return find(key);
}

std::shared_ptr<const CachedFeed> FeedCache::lead(const std::string& key, Flight& flight, std::uint64_t clears,
                                                  const Render& render) {
  try {
    auto feed = render();
    {
      std::lock_guard lock(mutex_);
      if (clears == clears_) put(key, feed);
      land(key, flight);
    }
    flight.done.set_value(feed);
    return feed;
  } catch (...) {
    {
      std::lock_guard lock(mutex_);
      land(key, flight);
    }
    flight.done.set_exception(std::current_exception());
    throw;
  }
}

void FeedCache::land(const std::string& key, const Flight& flight) {
  // After a clear() the key may name a newer flight.
  if (const auto it = flights_.find(key); it != flights_.end() && it->second.get() == &flight) flights_.erase(it);
}

std::size_t FeedCache::bytes() {
  std::lock_guard lock(mutex_);
  return bytes_;
}

void FeedCache::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
  order_.clear();
  bytes_ = 0;
  flights_.clear();
  ++clears_;
}

std::shared_ptr<const CachedFeed> make_cached_feed(const std::string& body,
                                                   std::optional<std::chrono::sys_seconds> last_modified,
                                                   std::string last_modified_text) {
  auto feed = std::make_shared<CachedFeed>();
  std::ostringstream compressed;
  {
    Poco::DeflatingOutputStream gzip(compressed, Poco::DeflatingStreamBuf::STREAM_GZIP, 6);
    gzip.write(body.data(), static_cast<std::streamsize>(body.size()));
    gzip.close();
  }
  feed->gzip = compressed.str();
  feed->gzip.shrink_to_fit();
  const std::string digest = store::sha256_hex(body).substr(0, 32);
  feed->etag = "\"" + digest + "\"";
  // A different representation needs its own strong validator (RFC 9110 §8.8.3).
  feed->gzip_etag = "\"" + digest + "-gz\"";
  feed->plain_size = body.size();
  feed->last_modified = last_modified;
  feed->last_modified_text = std::move(last_modified_text);
  return feed;
}

std::string gunzip(const std::string& compressed) {
  std::istringstream in(compressed);
  Poco::InflatingInputStream inflate(in, Poco::InflatingStreamBuf::STREAM_GZIP);
  std::string out;
  Poco::StreamCopier::copyToString(inflate, out);
  return out;
}

std::shared_ptr<const std::string> PlainCopies::find(const CachedFeed& feed) {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(feed.etag);
  if (it == entries_.end()) return nullptr;
  order_.splice(order_.begin(), order_, it->second.position);
  return it->second.body;
}

std::shared_ptr<const std::string> PlainCopies::get(const CachedFeed& feed) {
  if (auto kept = find(feed)) return kept;
  // Outside the lock: decompressing a feed takes a fraction of a millisecond.
  auto body = std::make_shared<const std::string>(gunzip(feed.gzip));
  put(feed.etag, body);
  return body;
}

void PlainCopies::put(const std::string& etag, std::shared_ptr<const std::string> body) {
  const std::size_t capacity = capacity_();
  std::lock_guard lock(mutex_);
  if (entries_.count(etag) > 0) return;
  bytes_ += body->size();
  order_.push_front(etag);
  entries_.emplace(etag, Slot{std::move(body), order_.begin()});
  while (bytes_ > capacity && !order_.empty()) {
    const auto victim = entries_.find(order_.back());
    bytes_ -= victim->second.body->size();
    entries_.erase(victim);
    order_.pop_back();
  }
}

}  // namespace cadence::web
