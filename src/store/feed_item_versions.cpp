#include "store/feed_item_versions.h"

#include "store/columns.h"
#include "store/digest.h"
#include "store/store_error.h"

#include <Poco/Data/Statement.h>

#include <algorithm>

namespace cadence::store {

using Poco::Data::Statement;
using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

std::string fingerprint_digest(const FeedItem& item) { return sha256_hex(fingerprint(item)); }

VersionsByUid stored_versions(Database& db, std::span<const std::string> uids) {
  try {
    VersionsByUid found;
    for (std::size_t first = 0; first < uids.size(); first += kUidsPerQuery) {
      const auto chunk = uids.subspan(first, std::min(kUidsPerQuery, uids.size() - first));
      std::string placeholders;
      for (std::size_t i = 0; i < chunk.size(); ++i) placeholders += i ? ", ?" : "?";
      std::vector<std::string> uid, fingerprint, changed;
      std::vector<int> sequence;
      Statement select(db.session());
      select << db.dialect().sql("SELECT uid, fingerprint, sequence, changed_at FROM feed_items WHERE uid IN (" +
                                 placeholders + ")"),
          into(uid), into(fingerprint), into(sequence), into(changed);
      for (const auto& u : chunk) select.addBind(bind(u));
      select.execute();
      for (std::size_t i = 0; i < uid.size(); ++i)
        found[uid[i]] = {fingerprint[i], {sequence[i], timestamp_column(changed[i], "feed_items.changed_at")}};
    }
    return found;
  } catch (...) {
    rethrow_with_context("cannot read feed item versions from '" + db.name() + "'");
  }
}

void write_versions(Database& db, const VersionsByUid& versions) {
  if (versions.empty()) return;
  try {
    Transaction transaction(db);
    for (const auto& [uid, known] : versions)
      db.session() << db.dialect().sql(
          "INSERT INTO feed_items (uid, fingerprint, sequence, changed_at) VALUES (?, ?, ?, ?) "
          "ON CONFLICT (uid) DO UPDATE SET fingerprint = excluded.fingerprint, "
          "sequence = CASE WHEN excluded.sequence > feed_items.sequence THEN excluded.sequence "
          "ELSE feed_items.sequence + 1 END, changed_at = excluded.changed_at "
          "WHERE feed_items.fingerprint <> excluded.fingerprint OR feed_items.sequence < excluded.sequence"),
          bind(uid), bind(known.fingerprint), bind(known.version.sequence), bind(timestamp_text(known.version.changed)),
          now;
    transaction.commit();
  } catch (...) {
    rethrow_with_context("cannot record feed item versions in '" + db.name() + "'");
  }
}

std::vector<ItemVersion> item_versions(Database& db, std::span<const FeedItem> items) {
  std::vector<std::string> uids;
  for (const auto& item : items) uids.push_back(item.uid);
  const auto stored = stored_versions(db, uids);
  const auto at = db.now();
  std::vector<ItemVersion> versions;
  VersionsByUid changed;
  for (const auto& item : items) {
    const auto row = stored.find(item.uid);
    auto digest = fingerprint_digest(item);
    const auto next = next_version(row == stored.end() ? nullptr : &row->second, nullptr, digest, at);
    if (next.record) changed[item.uid] = {std::move(digest), next.version};
    versions.push_back(next.version);
  }
  // Written only when something changed: a steady feed costs one read.
  write_versions(db, changed);
  return versions;
}

}  // namespace cadence::store
