#include "web/feed_cache.h"

#include "store/digest.h"

#include <Poco/DeflatingStream.h>
#include <Poco/InflatingStream.h>
#include <Poco/StreamCopier.h>

#include <sstream>

namespace cadence::web {

std::size_t cached_size(const CachedFeed& f) { return f.gzip.size() + f.etag.size() * 2 + 256; }

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
