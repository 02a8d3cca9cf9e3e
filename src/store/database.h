#pragma once
// The connection to Cadence's database: which backend, its SQL dialect, the schema migrated to
// the version this binary knows, and the clock that stamps what is written.
#include "store/dialect.h"
#include "store/store_error.h"
#include "store/writer_wait.h"

#include <Poco/Data/Session.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace cadence::store {

// What a command may do to the database it opens. A command that only reads must never create
// one or change it: a mistyped --db would otherwise report an empty, compliant world.
enum class Access {
  create,     // open, creating the file if needed; apply pending migrations
  existing,   // open an existing database for writing; apply pending migrations
  read_only,  // open an existing database read-only; it must be at this cadence's schema version
};

// Injected so that tests can pin created_at/updated_at/audit times.
using Clock = std::function<std::chrono::system_clock::time_point()>;

// One connection. Not thread-safe: each thread opens its own Database (SQLite in WAL mode lets
// readers run beside one writer; writers queue for up to 5 s, or as wait_for_writers says,
// then fail with "database is locked").
class Database {
 public:
  // SQLite's page cache per connection, in KiB, unless the opener asks for another size: large
  // for imports (see configure_sqlite in database.cpp). Memory is taken only as pages are used.
  static constexpr int kDefaultCacheKib = 64 * 1024;

  // `uri`: a path (or ":memory:") opens SQLite, creating the file if needed;
  // postgresql://… (or postgres://…) is refused until the PostgreSQL connector is built in.
  // Applies pending schema migrations. Throws StoreError with a message for the user.
  explicit Database(const std::string& uri, Clock clock = std::chrono::system_clock::now,
                    int cache_kib = kDefaultCacheKib);
  // The same, for a database that must already exist (`existing`, `read_only`): a missing SQLite
  // file is a StoreError, and is not created.
  Database(const std::string& uri, Access access, Clock clock = std::chrono::system_clock::now,
           int cache_kib = kDefaultCacheKib);
  // One connection has one transaction state: copies would disagree about it.
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // From now on, a statement that finds another connection holding the write lock waits as
  // `wait` says (writer_wait.cpp). No effect on PostgreSQL, whose writers queue by themselves.
  void wait_for_writers(WriterWait wait);

  Poco::Data::Session& session() { return session_; }
  Dialect dialect() const { return dialect_; }
  Access access() const { return access_; }
  // The database named for messages: the path, or the URI without its password.
  const std::string& name() const { return name_; }
  // The version of the newest migration applied.
  int schema_version();
  // The injected clock's now, at the resolution timestamps are stored with.
  std::chrono::sys_seconds now() const;

 private:
  friend class Transaction;

  std::string name_;
  Dialect dialect_;
  Access access_;
  Clock clock_;
  // Declared before the session so that it outlives the connection that calls it.
  std::unique_ptr<WriterWaiter> busy_waiter_;
  Poco::Data::Session session_;
  int transaction_depth_ = 0;  // open Transactions, outermost first
};

// A unit of work: begins on construction, is undone on destruction unless committed.
// Transactions nest: an inner one is a savepoint, so a repository call that makes its own
// Transaction can also run inside a caller's (e.g. units and records imported together).
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // REQUIRES: not committed yet.
  void commit();

 private:
  void execute(const std::string& sql, const char* what);

  Database& db_;
  int depth_;  // 0 for the outermost transaction
  bool open_ = true;
};

}  // namespace cadence::store
