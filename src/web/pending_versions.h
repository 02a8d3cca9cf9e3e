#pragma once
// Feed item versions that `cadence serve` decided while rendering and has not written yet.
// Writing from every request made 64 rendering threads queue on SQLite's single writer; here
// renders only read, and one writer (the flusher) records what changed every few seconds.
// Renders consult these before the table, so an item renders the same before and after the
// write, and two feeds sharing an item (a unit's own and its parent's subtree feed) agree.
#include "core/feed.h"
#include "store/database.h"
#include "store/feed_item_versions.h"

#include <cstdint>
#include <mutex>
#include <span>
#include <vector>

namespace cadence::web {

class PendingVersions {
 public:
  // Versions of `items`: from here, else from the table; new and changed ones (stamped
  // db.now()) are kept here until flush() writes them.
  std::vector<ItemVersion> versions(store::Database& db, std::span<const FeedItem> items);
  // Writes the pending versions in one transaction, then forgets those it wrote unless a newer
  // change replaced them meanwhile. When the write fails they all stay, for the next flush.
  void flush(store::Database& db);
  std::size_t size();

 private:
  std::mutex mutex_;
  store::VersionsByUid pending_;
  // Raised as flush() forgets what it wrote: a render whose table read began before may have
  // missed those rows there and here alike, so it reads again.
  std::uint64_t flushes_ = 0;
};

}  // namespace cadence::web
