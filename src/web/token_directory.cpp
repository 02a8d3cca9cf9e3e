#include "web/token_directory.h"

#include "store/unit_repository.h"

#include <chrono>

namespace cadence::web {

TokenDirectory::TokenDirectory(DatabaseSessions& sessions, std::chrono::milliseconds interval,
                               std::function<void()> content_changed)
    : sessions_(sessions), interval_ms_(interval.count()), content_changed_(std::move(content_changed)) {
  std::lock_guard lock(refresh_mutex_);
  const auto db = sessions_.acquire();
  reload(*db, store::change_versions(*db));
}

namespace {
std::int64_t steady_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
}  // namespace

bool TokenDirectory::refresh_due() const {
  return steady_now_ms() - last_refresh_ms_.load(std::memory_order_relaxed) >= interval_ms_;
}

void TokenDirectory::refresh() {
  const auto now_ms = steady_now_ms();
  if (now_ms - last_refresh_ms_.load(std::memory_order_relaxed) < interval_ms_) return;
  std::unique_lock lock(refresh_mutex_, std::try_to_lock);
  // Another thread is looking already: serve what we have.
  if (!lock.owns_lock()) return;
  last_refresh_ms_.store(now_ms, std::memory_order_relaxed);
  try {
    // Not waiting for a connection: the request looking is one a cached feed may answer.
    const auto db = sessions_.acquire(std::chrono::milliseconds(0));
    const auto seen = store::change_versions(*db);
    if (seen != versions_) reload(*db, seen);
  } catch (const std::exception&) {
    // The database is down: cached feeds are still served, renders fail with 503 on their own.
  }
}

void TokenDirectory::reload(store::Database& db, const store::ChangeVersions& seen) {
  std::shared_ptr<const UnitTree> tree;
  if (seen.units != versions_.units) tree = std::make_shared<const UnitTree>(store::UnitRepository(db).all());
  std::unordered_map<std::string, store::FeedTokenRepository::Match> tokens;
  const bool tokens_changed = seen.tokens != versions_.tokens;
  if (tokens_changed)
    for (auto& [hash, match] : store::FeedTokenRepository(db).live_by_hash()) tokens.emplace(std::move(hash), std::move(match));
  {
    std::unique_lock lock(snapshot_mutex_);
    if (tree) units_ = {std::move(tree), seen.units};
    if (tokens_changed) tokens_ = std::move(tokens);
  }
  if ((seen.units != versions_.units || seen.records != versions_.records) && content_changed_) content_changed_();
  versions_ = seen;
}

UnitsSnapshot TokenDirectory::units() {
  std::shared_lock lock(snapshot_mutex_);
  return units_;
}

std::optional<store::FeedTokenRepository::Match> TokenDirectory::token(std::string_view secret) {
  const auto hash = store::FeedTokenRepository::hash(secret);
  std::shared_lock lock(snapshot_mutex_);
  const auto it = tokens_.find(hash);
  if (it == tokens_.end()) return std::nullopt;
  return it->second;
}

}  // namespace cadence::web
