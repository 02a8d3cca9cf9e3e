#include "web/pending_versions.h"

namespace cadence::web {

std::vector<ItemVersion> PendingVersions::versions(store::Database& db, std::span<const FeedItem> items) {
  std::vector<std::string> uids, digests;
  for (const auto& item : items) {
    uids.push_back(item.uid);
    digests.push_back(store::fingerprint_digest(item));
  }
  for (;;) {
    std::uint64_t seen = 0;
    {
      std::lock_guard lock(mutex_);
      seen = flushes_;
    }
    const auto stored = store::stored_versions(db, uids);
    const auto at = db.now();
    std::lock_guard lock(mutex_);
    if (flushes_ != seen) continue;
    std::vector<ItemVersion> versions;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto row = stored.find(uids[i]);
      const auto pending = pending_.find(uids[i]);
      const auto next = next_version(row == stored.end() ? nullptr : &row->second,
                                     pending == pending_.end() ? nullptr : &pending->second, digests[i], at);
      if (next.record) pending_[uids[i]] = {digests[i], next.version};
      versions.push_back(next.version);
    }
    return versions;
  }
}

void PendingVersions::flush(store::Database& db) {
  store::VersionsByUid batch;
  {
    std::lock_guard lock(mutex_);
    batch = pending_;
  }
  if (batch.empty()) return;
  store::write_versions(db, batch);
  std::lock_guard lock(mutex_);
  ++flushes_;
  for (const auto& [uid, written] : batch)
    if (const auto it = pending_.find(uid); it != pending_.end() && it->second == written) pending_.erase(it);
}

std::size_t PendingVersions::size() {
  std::lock_guard lock(mutex_);
  return pending_.size();
}

}  // namespace cadence::web
