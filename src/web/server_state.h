#pragma once
// What the request handlers share: the unit tree and live tokens, reloaded when the database
// says they changed (another process may write it), the feed cache, a connection per thread,
// and the item versions and fetches waiting to be written.
#include "core/feed.h"
#include "core/unit_tree.h"
#include "store/change_counters.h"
#include "store/database.h"
#include "store/feed_token_repository.h"
#include "web/feed_cache.h"
#include "web/pending_versions.h"
#include "web/server.h"

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace cadence::web {

class ServerState {
 public:
  explicit ServerState(ServerConfig config);

  const ServerConfig& config() const { return config_; }
  // This thread's own connection (SQLite connections are not shared between threads).
  store::Database& connection();
  // Reloads what changed since the last look, at most every 250 ms.
  void refresh();
  std::shared_ptr<const UnitTree> tree();
  std::optional<store::FeedTokenRepository::Match> token(std::string_view secret);
  // The feed of `unit` in `tree` as `request` asks for it: from the cache, or rendered (once for
  // all who ask at the same time) and kept.
  std::shared_ptr<const CachedFeed> feed(const UnitTree& tree, std::size_t unit, const FeedRequest& request);

  void note_fetch(std::int64_t token_id, std::chrono::sys_seconds at, const std::string& user_agent);
  // Writes the pending item versions, then the noted fetches; called every few seconds and at
  // shutdown. What fails to be written stays for the next call; the first error is rethrown.
  void flush();

 private:
  void reload(const store::ChangeVersions& seen);
  void flush_fetches();

  ServerConfig config_;
  FeedCache cache_;
  PendingVersions versions_pending_;
  std::atomic<std::int64_t> last_refresh_ms_{-1'000'000};
  std::mutex refresh_mutex_;
  store::ChangeVersions versions_{-1, -1, -1};
  std::shared_mutex snapshot_mutex_;
  std::shared_ptr<const UnitTree> tree_;
  std::unordered_map<std::string, store::FeedTokenRepository::Match> tokens_;  // by hash
  std::mutex fetch_mutex_;
  std::map<std::int64_t, store::Fetch> fetches_;
};

}  // namespace cadence::web
