#include "web/database_sessions.h"

#include <exception>
#include <utility>

namespace cadence::web {

namespace {
// A render reads one unit's records and a few dozen items' versions, by index: SQLite's own
// default (2 MiB) keeps the indexes' upper levels.
constexpr int kServeCacheKib = 2 * 1024;
}  // namespace

DatabaseSessions::Lease::Lease(DatabaseSessions& pool, std::unique_ptr<store::Database> db)
    : pool_(&pool), db_(std::move(db)), exceptions_(std::uncaught_exceptions()) {}

DatabaseSessions::Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)), db_(std::move(other.db_)), exceptions_(other.exceptions_) {}

DatabaseSessions::Lease::~Lease() {
  if (pool_) pool_->give_back(std::move(db_), std::uncaught_exceptions() <= exceptions_);
}

DatabaseSessions::DatabaseSessions(std::string uri, std::size_t size, std::chrono::milliseconds wait)
    : uri_(std::move(uri)), size_(size > 0 ? size : 1), wait_(wait) {}

DatabaseSessions::Lease DatabaseSessions::acquire(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  if (!returned_.wait_for(lock, wait, [this] { return !idle_.empty() || open_ < size_; }))
    throw DatabaseUnavailable("all " + std::to_string(size_) + " database connections stayed busy (db_pool_size)");
  if (!idle_.empty()) {
    auto db = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(db));
  }
  ++open_;
  lock.unlock();
  return Lease(*this, open());
}

std::unique_ptr<store::Database> DatabaseSessions::open() {
  try {
    return std::make_unique<store::Database>(uri_, store::Access::existing, std::chrono::system_clock::now,
                                             kServeCacheKib);
  } catch (const std::exception& e) {
    {
      std::lock_guard lock(mutex_);
      --open_;
    }
    returned_.notify_one();
    throw DatabaseUnavailable(e.what());
  }
}

std::unique_ptr<store::Database> DatabaseSessions::open_beside() const {
  try {
    return std::make_unique<store::Database>(uri_, store::Access::read_only, std::chrono::system_clock::now,
                                             kServeCacheKib);
  } catch (const std::exception& e) {
    throw DatabaseUnavailable(e.what());
  }
}

void DatabaseSessions::give_back(std::unique_ptr<store::Database> db, bool healthy) {
  {
    std::lock_guard lock(mutex_);
    if (healthy && db) idle_.push_back(std::move(db));
    else --open_;
  }
  // Outside the lock: closing a connection may wait on the network.
  db.reset();
  returned_.notify_one();
}

}  // namespace cadence::web
