#pragma once
// The version of each feed item as last served (table feed_items): SEQUENCE is raised and
// DTSTAMP/LAST-MODIFIED move only when what a client sees of the item changed, so an unchanged
// feed is byte-stable across fetches, restarts and servers sharing one database.
#include "core/feed.h"
#include "core/item_version.h"
#include "store/change_counters.h"
#include "store/database.h"

#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace cadence::store {

// Known versions by item UID; the fingerprints are digests, as feed_items keeps them.
using VersionsByUid = std::unordered_map<std::string, KnownVersion>;

// What feed_items keeps of fingerprint(item).
std::string fingerprint_digest(const FeedItem& item);

// UIDs looked up per query: SQLite takes at most 32766 bound parameters.
inline constexpr std::size_t kUidsPerQuery = 500;

// The stored versions of `uids`; those never stored are absent.
VersionsByUid stored_versions(Database& db, std::span<const std::string> uids);

// The versions of `items` as the database holds them, new and changed items recorded first
// (stamped Database::now()). `basis`: the change counters as they were before the records and
// units the items were built from were read. nullopt, with nothing written, when those
// counters have moved since: the items may be built from stale data and must be built again.
// Every process showing feeds (`cadence serve` instances, `cadence feed`) takes versions only
// from here, so they all render an item the same way.
std::optional<std::vector<ItemVersion>> settled_versions(Database& db, std::span<const FeedItem> items,
                                                         const ChangeVersions& basis);

}  // namespace cadence::store
