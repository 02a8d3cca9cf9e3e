#pragma once
// The version of each feed item as last served (table feed_items): SEQUENCE is raised and
// DTSTAMP/LAST-MODIFIED move only when what a client sees of the item changed, so an unchanged
// feed is byte-stable across fetches, restarts and servers sharing one database.
#include "core/feed.h"
#include "core/item_version.h"
#include "store/database.h"

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

// Writes `versions` in one transaction. A row is never lowered, and a fingerprint other than the
// stored one always gets a higher SEQUENCE, even if another process wrote the row meanwhile.
void write_versions(Database& db, const VersionsByUid& versions);

// Versions of `items`, new and changed ones written before it returns (stamped Database::now()):
// `cadence feed`, which has no later moment to write them.
std::vector<ItemVersion> item_versions(Database& db, std::span<const FeedItem> items);

}  // namespace cadence::store
