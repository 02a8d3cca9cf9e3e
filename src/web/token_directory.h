#pragma once
// Which unit a feed token opens: the unit tree and the live tokens, reloaded when the database
// says they changed (another process may write it), looked at every `interval` at most
// (250 ms unless [serve] change_poll_ms says otherwise; README: how soon another process's writes show in feeds).
#include "core/unit_tree.h"
#include "store/change_counters.h"
#include "store/feed_token_repository.h"
#include "web/database_sessions.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cadence::web {

// The unit tree with the units change counter it was read at.
struct UnitsSnapshot {
  std::shared_ptr<const UnitTree> tree;
  std::int64_t version = -1;
};

class TokenDirectory {
 public:
  // `content_changed` is called when units or records changed: rendered feeds are stale.
  TokenDirectory(DatabaseSessions& sessions, std::chrono::milliseconds interval, std::function<void()> content_changed);

  // Reloads what changed since the last look, at most every `interval`. When the database
  // cannot be read, what was loaded before is kept and looked for again on the next call.
  void refresh();
  // Whether refresh() would look at the database now.
  bool refresh_due() const;
  std::shared_ptr<const UnitTree> tree() { return units().tree; }
  UnitsSnapshot units();
  std::optional<store::FeedTokenRepository::Match> token(std::string_view secret);

 private:
  void reload(store::Database& db, const store::ChangeVersions& seen);

  DatabaseSessions& sessions_;
  std::int64_t interval_ms_;
  std::function<void()> content_changed_;
  std::atomic<std::int64_t> last_refresh_ms_{-1'000'000};
  std::mutex refresh_mutex_;
  store::ChangeVersions versions_{-1, -1, -1};
  std::shared_mutex snapshot_mutex_;
  UnitsSnapshot units_;
  std::unordered_map<std::string, store::FeedTokenRepository::Match> tokens_;  // by hash
};

}  // namespace cadence::web
