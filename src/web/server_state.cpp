#include "web/server_state.h"

#include "store/unit_repository.h"
#include "web/feed_publisher.h"
#include "web/http_date.h"

namespace cadence::web {

namespace {
// A render reads one unit's records and a few dozen items' versions, by index: SQLite's own
// default (2 MiB) keeps the indexes' upper levels. With 64 threads, the CLI's 64 MiB each would
// let the connections alone grow to 4 GiB.
constexpr int kServeCacheKib = 2 * 1024;
}  // namespace

ServerState::ServerState(ServerConfig config) : config_(std::move(config)), cache_(config_.cache_bytes) {
  std::lock_guard lock(refresh_mutex_);
  reload(store::change_versions(connection()));
}

store::Database& ServerState::connection() {
  // Keyed by state, so that tests running two servers in one process keep them apart.
  thread_local std::map<const ServerState*, std::unique_ptr<store::Database>> connections;
  auto& db = connections[this];
  // Up to one connection per thread, so each gets a small page cache, not the CLI's 64 MiB.
  if (!db) db = std::make_unique<store::Database>(config_.db, store::Access::existing, std::chrono::system_clock::now, kServeCacheKib);
  return *db;
}

void ServerState::refresh() {
  const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now().time_since_epoch()).count();
  if (now_ms - last_refresh_ms_.load(std::memory_order_relaxed) < 250) return;
  std::unique_lock lock(refresh_mutex_, std::try_to_lock);
  // Another thread is looking already: serve what we have.
  if (!lock.owns_lock()) return;
  last_refresh_ms_.store(now_ms, std::memory_order_relaxed);
  const auto seen = store::change_versions(connection());
  if (seen != versions_) reload(seen);
}

void ServerState::reload(const store::ChangeVersions& seen) {
  std::shared_ptr<const UnitTree> tree;
  if (seen.units != versions_.units) {
    auto units = store::UnitRepository(connection()).all();
    tree = std::make_shared<const UnitTree>(std::move(units));
  }
  std::unordered_map<std::string, store::FeedTokenRepository::Match> tokens;
  const bool tokens_changed = seen.tokens != versions_.tokens;
  if (tokens_changed)
    for (auto& [hash, match] : store::FeedTokenRepository(connection()).live_by_hash())
      tokens.emplace(std::move(hash), std::move(match));
  {
    std::unique_lock lock(snapshot_mutex_);
    if (tree) tree_ = std::move(tree);
    if (tokens_changed) tokens_ = std::move(tokens);
  }
  if (seen.units != versions_.units || seen.records != versions_.records) cache_.clear();
  versions_ = seen;
}

std::shared_ptr<const UnitTree> ServerState::tree() {
  std::shared_lock lock(snapshot_mutex_);
  return tree_;
}

std::optional<store::FeedTokenRepository::Match> ServerState::token(std::string_view secret) {
  const auto hash = store::FeedTokenRepository::hash(secret);
  std::shared_lock lock(snapshot_mutex_);
  const auto it = tokens_.find(hash);
  if (it == tokens_.end()) return std::nullopt;
  return it->second;
}

std::shared_ptr<const CachedFeed> ServerState::feed(const UnitTree& tree, std::size_t unit, const FeedRequest& request) {
  const std::string key = tree.at(unit).id + (request.subtree ? "|s" : "|u") + (request.holidays ? "h|" : "-|") +
                          format_day(request.today);
  return cache_.get(key, [&] {
    const FeedSources sources{config_.rules, config_.calendar, tree, config_.refresh};
    auto& db = connection();
    const auto versions = [&](std::span<const FeedItem> items) { return versions_pending_.versions(db, items); };
    auto published = publish_feed(db, sources, unit, request, versions);
    return make_cached_feed(std::move(published.body), published.last_modified,
                            published.last_modified ? http_date(*published.last_modified) : "");
  });
}

void ServerState::note_fetch(std::int64_t token_id, std::chrono::sys_seconds at, const std::string& user_agent) {
  std::lock_guard lock(fetch_mutex_);
  auto& f = fetches_[token_id];
  f.count = f.token_id == 0 ? 1 : f.count + 1;
  f.token_id = token_id;
  f.at = at;
  f.user_agent = user_agent;
}

void ServerState::flush() {
  std::exception_ptr failed;
  try {
    versions_pending_.flush(connection());
  } catch (...) {
    failed = std::current_exception();
  }
  try {
    flush_fetches();
  } catch (...) {
    if (!failed) failed = std::current_exception();
  }
  if (failed) std::rethrow_exception(failed);
}

void ServerState::flush_fetches() {
  std::vector<store::Fetch> batch;
  {
    std::lock_guard lock(fetch_mutex_);
    for (auto& [id, f] : fetches_) batch.push_back(std::move(f));
    fetches_.clear();
  }
  try {
    store::FeedTokenRepository(connection()).record_fetches(batch);
  } catch (...) {
    // Put back under what was noted meanwhile, which is newer.
    std::lock_guard lock(fetch_mutex_);
    for (auto& f : batch) {
      auto& kept = fetches_[f.token_id];
      if (kept.token_id == 0) kept = std::move(f);
      else kept.count += f.count;
    }
    throw;
  }
}

}  // namespace cadence::web
