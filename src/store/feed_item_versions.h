#pragma once
// The version of each feed item as last served: SEQUENCE is raised and DTSTAMP/LAST-MODIFIED
// move only when what a client sees of the item changed, so an unchanged feed is byte-stable
// across fetches, restarts and servers sharing one database.
#include "core/feed.h"
#include "store/database.h"

#include <span>
#include <vector>

namespace cadence::store {

// Versions of `items`, recording new and changed ones (stamped Database::now()).
std::vector<ItemVersion> item_versions(Database& db, std::span<const FeedItem> items);

}  // namespace cadence::store
