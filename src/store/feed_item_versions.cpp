#include "store/feed_item_versions.h"

#include "store/columns.h"
#include "store/digest.h"
#include "store/store_error.h"

namespace cadence::store {

using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

std::vector<ItemVersion> item_versions(Database& db, std::span<const FeedItem> items) {
  try {
    std::vector<ItemVersion> versions(items.size());
    std::vector<std::size_t> changed;
    std::vector<std::string> digests(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      digests[i] = sha256_hex(fingerprint(items[i]));
      std::vector<std::string> stored, at;
      std::vector<int> sequence;
      db.session() << db.dialect().sql("SELECT fingerprint, sequence, changed_at FROM feed_items WHERE uid = ?"),
          bind(items[i].uid), into(stored), into(sequence), into(at), now;
      if (!stored.empty() && stored.front() == digests[i]) {
        versions[i] = {sequence.front(), timestamp_column(at.front(), "feed_items.changed_at")};
      } else {
        versions[i] = {stored.empty() ? 0 : sequence.front() + 1, db.now()};
        changed.push_back(i);
      }
    }
    if (changed.empty()) return versions;
    // Written only when something changed: a steady feed costs reads only.
    Transaction transaction(db);
    for (auto i : changed) {
      const auto at = timestamp_text(versions[i].changed);
      db.session() << db.dialect().sql(
          "INSERT INTO feed_items (uid, fingerprint, sequence, changed_at) VALUES (?, ?, ?, ?) "
          "ON CONFLICT (uid) DO UPDATE SET fingerprint = excluded.fingerprint, "
          "sequence = feed_items.sequence + 1, changed_at = excluded.changed_at"),
          bind(items[i].uid), bind(digests[i]), bind(versions[i].sequence), bind(at), now;
    }
    transaction.commit();
    return versions;
  } catch (...) {
    rethrow_with_context("cannot read or record feed item versions in '" + db.name() + "'");
  }
}

}  // namespace cadence::store
