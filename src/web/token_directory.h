#pragma once
// Which unit a feed token opens: the unit tree and the live tokens, reloaded when the database
// says they changed (another process may write it), looked at every 250 ms at most.
#include "core/unit_tree.h"
#include "store/change_counters.h"
#include "store/feed_token_repository.h"
#include "web/database_sessions.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cadence::web {

class TokenDirectory {
 public:
  // `content_changed` is called when units or records changed: rendered feeds are stale.
  TokenDirectory(DatabaseSessions& sessions, std::function<void()> content_changed);

  // Reloads what changed since the last look, at most every 250 ms.
  void refresh();
  std::shared_ptr<const UnitTree> tree();
  std::optional<store::FeedTokenRepository::Match> token(std::string_view secret);

 private:
  void reload(const store::ChangeVersions& seen);

  DatabaseSessions& sessions_;
  std::function<void()> content_changed_;
  std::atomic<std::int64_t> last_refresh_ms_{-1'000'000};
  std::mutex refresh_mutex_;
  store::ChangeVersions versions_{-1, -1, -1};
  std::shared_mutex snapshot_mutex_;
  std::shared_ptr<const UnitTree> tree_;
  std::unordered_map<std::string, store::FeedTokenRepository::Match> tokens_;  // by hash
};

}  // namespace cadence::web
