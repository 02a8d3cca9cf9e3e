#pragma once
// A unit's feed from the database: its records read, the feed built (core), item versions
// looked up and rendered (ical). Shared by `cadence feed` and `cadence serve`.
#include "core/feed.h"
#include "core/item_version.h"
#include "store/database.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace cadence::web {

struct FeedSources {
  const std::vector<Rule>& rules;
  const WorkCalendar& calendar;
  const UnitTree& tree;
  std::chrono::minutes refresh{60};
  // The units change counter as it was when `tree` was read.
  std::int64_t tree_version = 0;
};

struct PublishedFeed {
  std::string body;
  // The latest change of any item; nullopt for an empty feed.
  std::optional<std::chrono::sys_seconds> last_modified;
  std::size_t items = 0;
};

// Item versions are those feed_items holds, new and changed items recorded first
// (store::settled_versions). Built again when the records change meanwhile; a StoreError
// ("database is busy") when they keep changing, or tree_version is no longer current.
PublishedFeed publish_feed(store::Database& db, const FeedSources& sources, std::size_t unit,
                           const FeedRequest& request);

}  // namespace cadence::web
