#pragma once
// A unit's feed from the database: its records read, the feed built (core), item versions
// looked up and rendered (ical). Shared by `cadence feed` and `cadence serve`.
#include "core/feed.h"
#include "core/item_version.h"
#include "store/database.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace cadence::web {

struct FeedSources {
  const std::vector<Rule>& rules;
  const WorkCalendar& calendar;
  const UnitTree& tree;
  std::chrono::minutes refresh{60};
};

struct PublishedFeed {
  std::string body;
  // The latest change of any item; nullopt for an empty feed.
  std::optional<std::chrono::sys_seconds> last_modified;
  std::size_t items = 0;
};

// The version of each item: `cadence feed` writes new ones at once, `cadence serve` later.
using VersionsOf = std::function<std::vector<ItemVersion>(std::span<const FeedItem> items)>;

PublishedFeed publish_feed(store::Database& db, const FeedSources& sources, std::size_t unit,
                           const FeedRequest& request, const VersionsOf& versions_of);

}  // namespace cadence::web
