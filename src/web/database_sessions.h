#pragma once
// The connections of one `cadence serve`: a pool of at most `size`, opened as needed and lent
// to one thread at a time (a connection has one transaction state; SQLite's are not shared
// between threads either), each SQLite one with a small page cache: with a dozen connections
// the CLI's 64 MiB each would add up. A connection that was in use when an exception passed
// is closed rather than lent again: after a database restart it is broken, and the next
// borrower opens a fresh one, so cadence needs no restart of its own.
#include "store/database.h"
#include "store/store_error.h"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace cadence::web {

// No connection could be had: the database is down or unreachable, or every connection stayed
// busy. Answered 503.
class DatabaseUnavailable : public store::StoreError {
 public:
  using StoreError::StoreError;
};

class DatabaseSessions {
 public:
  // A connection lent until the lease ends.
  class Lease {
   public:
    Lease(DatabaseSessions& pool, std::unique_ptr<store::Database> db);
    Lease(Lease&& other) noexcept;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    store::Database& operator*() const { return *db_; }
    store::Database* operator->() const { return db_.get(); }

   private:
    DatabaseSessions* pool_;
    std::unique_ptr<store::Database> db_;
    int exceptions_ = 0;  // in flight when the lease began
  };

  // `wait`: how long a borrower waits for a connection when all `size` are lent.
  DatabaseSessions(std::string uri, std::size_t size, std::chrono::milliseconds wait = std::chrono::seconds(5));
  // REQUIRES: no lease outstanding.
  ~DatabaseSessions() = default;

  // A connection: an idle one, or a new one while fewer than `size` are open. Throws
  // DatabaseUnavailable when none can be had. A thread holds at most one lease at a time.
  Lease acquire() { return acquire(wait_); }
  // The same, waiting at most `wait` for a connection to come back.
  Lease acquire(std::chrono::milliseconds wait);
  std::size_t size() const { return size_; }
  // A read-only connection outside the pool, closed when dropped: the second reader of a large
  // span beside a lease (report::SecondConnection), so that it never waits for a lease a
  // thread of its own request holds. Throws DatabaseUnavailable.
  std::unique_ptr<store::Database> open_beside() const;

 private:
  std::unique_ptr<store::Database> open();
  void give_back(std::unique_ptr<store::Database> db, bool healthy);

  std::string uri_;
  std::size_t size_;
  std::chrono::milliseconds wait_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<store::Database>> idle_;
  std::size_t open_ = 0;  // lent and idle
};

}  // namespace cadence::web
