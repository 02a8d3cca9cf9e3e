#pragma once
// Feeds rendered and cached: the cache and single-flight renders. A render takes its item
// versions from the database (store::settled_versions), so instances sharing it agree.
#include "core/feed.h"
#include "core/rule.h"
#include "core/unit_tree.h"
#include "core/work_calendar.h"
#include "web/database_sessions.h"
#include "web/feed_cache.h"
#include "web/token_directory.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <vector>

namespace cadence::web {

struct FeedRules {
  std::vector<Rule> rules;
  WorkCalendar calendar;
  std::chrono::minutes refresh{60};
};

class FeedRenderer {
 public:
  // `cache_bytes` holds the compressed feeds first; the plain bytes of feeds fetched without
  // gzip take what room they leave.
  FeedRenderer(FeedRules rules, DatabaseSessions& sessions, std::size_t cache_bytes)
      : rules_(std::move(rules)),
        sessions_(sessions),
        cache_(cache_bytes),
        plain_([this, cache_bytes] { return cache_bytes - std::min(cache_bytes, cache_.bytes()); }) {}

  // The feed of `unit` in `units.tree` as `request` asks for it: from the cache, or rendered (once for
  // all who ask at the same time) and kept.
  std::shared_ptr<const CachedFeed> feed(const UnitsSnapshot& units, std::size_t unit, const FeedRequest& request);
  // The same if it is cached, else null: nothing is rendered.
  std::shared_ptr<const CachedFeed> cached(const UnitsSnapshot& units, std::size_t unit, const FeedRequest& request) {
    return cache_.peek(key_of(*units.tree, unit, request));
  }
  // The feed's plain bytes, for a client that does not take gzip.
  std::shared_ptr<const std::string> plain(const CachedFeed& feed) { return plain_.get(feed); }
  // The same if they are kept, else null: nothing is decompressed.
  std::shared_ptr<const std::string> kept_plain(const CachedFeed& feed) { return plain_.find(feed); }
  // What is cached may be stale: forgotten.
  void clear() { cache_.clear(); }

 private:
  static std::string key_of(const UnitTree& tree, std::size_t unit, const FeedRequest& request);

  FeedRules rules_;
  DatabaseSessions& sessions_;
  FeedCache cache_;
  PlainCopies plain_;
};

}  // namespace cadence::web
