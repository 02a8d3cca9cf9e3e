#include "store/database.h"

#include "store/migrations.h"

#include <Poco/Data/SQLite/SessionImpl.h>
#include <sqlite3.h>

namespace cadence::store {

namespace {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

bool is_postgresql(const std::string& uri) {
  return uri.starts_with("postgresql://") || uri.starts_with("postgres://");
}

// A connection URI may carry a password (postgresql://user:secret@host/db); messages and logs
// must not.
std::string without_password(const std::string& uri) {
  const auto scheme_end = uri.find("://");
  if (scheme_end == std::string::npos) return uri;
  const auto authority = scheme_end + 3;
  const auto at = uri.find('@', authority);
  const auto colon = uri.find(':', authority);
  if (at == std::string::npos || colon == std::string::npos || colon > at) return uri;
  return uri.substr(0, colon + 1) + "***" + uri.substr(at);
}

Dialect dialect_for(const std::string& uri) {
  return is_postgresql(uri) ? postgresql_dialect() : sqlite_dialect();
}

// Poco's SQLite connector retries a failed open every 10 ms for its whole login timeout
// (60 s): a mistyped path would hang that long. One direct attempt fails at once, with
// SQLite's own words.
void try_sqlite_open(const std::string& path, const std::string& name) {
  sqlite3* handle = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &handle,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, nullptr);
  const std::string message = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
  sqlite3_close_v2(handle);
  if (rc != SQLITE_OK) throw StoreError("cannot open database '" + name + "': " + message);
}

Poco::Data::Session open_session(const std::string& uri, const std::string& name) {
  // SQLite would open a private temporary database for "", and lose it on close.
  if (uri.empty()) throw StoreError("no database given: name an SQLite file or a postgresql:// URI");
  if (is_postgresql(uri))
    throw StoreError("PostgreSQL support is not built in yet: " + name +
                     " (use a file path for an SQLite database)");
  try_sqlite_open(uri, name);
  try {
    return Poco::Data::Session(new Poco::Data::SQLite::SessionImpl(uri));
  } catch (...) {
    rethrow_with_context("cannot open database '" + name + "'");
  }
}

// WAL lets readers (feeds, the dashboard) run while one writer imports; foreign keys are off
// by default in SQLite; the busy timeout makes a second writer wait instead of failing.
// The page cache (default 2 MB) is raised to 64 MB unless asked otherwise: an import of 6
// million records inserts into two indexes of several hundred MB, and with the default cache it
// spends a fifth of its time re-reading pages (measured: 41 s against 35 s).
void configure_sqlite(Poco::Data::Session& session, int cache_kib) {
  std::string mode;
  session << "PRAGMA journal_mode=WAL", into(mode), now;
  session << "PRAGMA foreign_keys=ON", now;
  int timeout = 0;
  session << "PRAGMA busy_timeout=5000", into(timeout), now;
  // A negative size is in KiB, a positive one in pages.
  session << "PRAGMA cache_size=-" + std::to_string(cache_kib), now;
}

}  // namespace

Database::Database(const std::string& uri, Clock clock, int cache_kib)
    : name_(without_password(uri)),
      dialect_(dialect_for(uri)),
      clock_(std::move(clock)),
      session_(open_session(uri, name_)) {
  try {
    if (dialect_.backend == Backend::sqlite) configure_sqlite(session_, cache_kib);
  } catch (...) {
    rethrow_with_context("cannot open database '" + name_ + "'");
  }
  migrate(*this);
}

int Database::schema_version() { return store::schema_version(*this); }

std::chrono::sys_seconds Database::now() const { return std::chrono::floor<std::chrono::seconds>(clock_()); }

}  // namespace cadence::store
