#include "store/feed_item_versions.h"

#include "store/columns.h"
#include "store/digest.h"
#include "store/store_error.h"

#include <Poco/Data/Statement.h>

#include <algorithm>
#include <utility>

// Why processes sharing a database agree on every item's version (SEQUENCE and stamps):
// - An item's version is only ever what feed_items holds: every render reads the rows back
//   after its own writes and renders from them, so two renders that read the same rows print
//   the same bytes.
// - A row changes only by the upsert below, which raises SEQUENCE only while the stored
//   fingerprint differs from the one given. Two processes that reach the same new fingerprint
//   at once serialize on the row (SQLite: on the write lock; PostgreSQL: the second waits for
//   the first's row lock, then re-checks the WHERE against the committed row and does
//   nothing): the item is raised once, and both read back the winner's stamp.
// - A process that built the item from records read before another process changed them would
//   raise the row again to a stale fingerprint, and the next current render once more: feeds
//   cached meanwhile would disagree. So a write happens only in a transaction that finds the
//   units and records counters unchanged since before the records were read, and holds them
//   until it commits (SQLite's write lock; PostgreSQL's FOR SHARE, which a writer's counter
//   bump waits for). A stale render writes nothing and is built again.
// - Feed contents change only with those counters, and every server drops its cached feeds
//   when it sees them move (TokenDirectory), so what it cached is what feed_items held.

namespace cadence::store {

using Poco::Data::Statement;
using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

namespace {

using Changed = std::vector<std::pair<std::string, std::string>>;  // uid, fingerprint digest

// REQUIRES: inside a Transaction. True when units and records are as in `basis`; they stay so
// until the transaction ends.
bool still_current(Database& db, const ChangeVersions& basis) {
  std::vector<std::string> names;
  std::vector<std::int64_t> versions;
  db.session() << db.dialect().sql(
                      "SELECT name, version FROM change_counters WHERE name IN ('units', 'records'){for_share}"),
      into(names), into(versions), now;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (versions[i] != (names[i] == "units" ? basis.units : basis.records)) return false;
  return true;
}

// In uid order, so that two processes recording overlapping items take the row locks in one
// order and cannot deadlock.
void record(Database& db, const Changed& changed) {
  const auto sql = db.dialect().sql(
      "INSERT INTO feed_items (uid, fingerprint, sequence, changed_at) VALUES (?, ?, 0, ?) "
      "ON CONFLICT (uid) DO UPDATE SET fingerprint = excluded.fingerprint, sequence = feed_items.sequence + 1, "
      "changed_at = excluded.changed_at WHERE feed_items.fingerprint IS DISTINCT FROM excluded.fingerprint");
  const auto at = timestamp_text(db.now());
  for (const auto& [uid, digest] : changed) db.session() << sql, bind(uid), bind(digest), bind(at), now;
}

// Items whose row is missing or holds another fingerprint, in uid order.
Changed unsettled(std::span<const FeedItem> items, const std::vector<std::string>& digests, const VersionsByUid& stored) {
  Changed changed;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto row = stored.find(items[i].uid);
    if (row == stored.end() || row->second.fingerprint != digests[i]) changed.emplace_back(items[i].uid, digests[i]);
  }
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                changed.end());
  return changed;
}

}  // namespace

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

std::optional<std::vector<ItemVersion>> settled_versions(Database& db, std::span<const FeedItem> items,
                                                         const ChangeVersions& basis) {
  std::vector<std::string> uids, digests;
  for (const auto& item : items) {
    uids.push_back(item.uid);
    digests.push_back(fingerprint_digest(item));
  }
  // A steady feed costs this one read.
  auto stored = stored_versions(db, uids);
  const auto changed = unsettled(items, digests, stored);
  if (!changed.empty()) {
    try {
      Transaction transaction(db);
      if (!still_current(db, basis)) return std::nullopt;
      record(db, changed);
      std::vector<std::string> written;
      for (const auto& c : changed) written.push_back(c.first);
      for (auto& [uid, known] : stored_versions(db, written)) stored[uid] = std::move(known);
      transaction.commit();
    } catch (...) {
      rethrow_with_context("cannot record feed item versions in '" + db.name() + "'");
    }
  }
  std::vector<ItemVersion> versions;
  for (const auto& uid : uids) versions.push_back(stored.at(uid).version);
  return versions;
}

}  // namespace cadence::store
