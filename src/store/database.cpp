#include "store/database.h"

#include "store/migrations.h"
#include "store/postgresql_connection.h"

#include <Poco/Data/SQLite/SessionImpl.h>
#include <sqlite3.h>

#include <filesystem>

namespace cadence::store {

namespace {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

bool is_postgresql(const std::string& uri) { return is_postgresql_uri(uri); }

Dialect dialect_for(const std::string& uri) {
  return is_postgresql(uri) ? postgresql_dialect() : sqlite_dialect();
}

// SQLite's URI form of a path, which carries the open mode: `mode=rw` never creates the file.
// A read-only connection is opened so too, and made read-only by `query_only` (see
// configure_sqlite): one opened with `mode=ro` cannot remove the -wal and -shm files it makes
// beside a WAL database, and would leave them behind after every read.
// Only the characters URIs give a meaning to are escaped.
std::string sqlite_uri(const std::string& path, Access access) {
  if (access == Access::create || path == ":memory:") return path;
  std::string uri = "file:";
  for (const char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[static_cast<unsigned char>(c) >> 4];
      uri += kHex[static_cast<unsigned char>(c) & 0xF];
    } else {
      uri += c;
    }
  }
  return uri + "?mode=rw";
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

Poco::Data::Session open_session(const std::string& given, const std::string& name, Access access) {
  // SQLite would open a private temporary database for "", and lose it on close.
  if (given.empty()) throw StoreError("no database given: name an SQLite file or a postgresql:// URI");
  if (is_postgresql(given)) return open_postgresql(given, name, access == Access::read_only);
  if (access != Access::create && given != ":memory:" && !std::filesystem::exists(given))
    throw MissingDatabase("database '" + name + "' does not exist");
  const auto uri = sqlite_uri(given, access);
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
void configure_sqlite(Poco::Data::Session& session, int cache_kib, Access access) {
  // Switching to WAL writes the file's header: a reader takes the journal mode it finds.
  if (access != Access::read_only) {
    std::string mode;
    session << "PRAGMA journal_mode=WAL", into(mode), now;
  }
  session << "PRAGMA foreign_keys=ON", now;
  if (access == Access::read_only) session << "PRAGMA query_only=ON", now;
  int timeout = 0;
  session << "PRAGMA busy_timeout=5000", into(timeout), now;
  // A negative size is in KiB, a positive one in pages.
  session << "PRAGMA cache_size=-" + std::to_string(cache_kib), now;
}

}  // namespace

Database::Database(const std::string& uri, Clock clock, int cache_kib)
    : Database(uri, Access::create, std::move(clock), cache_kib) {}

Database::Database(const std::string& uri, Access access, Clock clock, int cache_kib)
    : name_(is_postgresql(uri) ? uri_without_password(uri) : uri),
      dialect_(dialect_for(uri)),
      access_(access),
      clock_(std::move(clock)),
      session_(open_session(uri, name_, access)) {
  try {
    if (dialect_.backend == Backend::sqlite) configure_sqlite(session_, cache_kib, access);
  } catch (...) {
    rethrow_with_context("cannot open database '" + name_ + "'");
  }
  if (access == Access::read_only) require_current_schema(*this);
  else migrate(*this);
}

int Database::schema_version() { return store::schema_version(*this); }

std::chrono::sys_seconds Database::now() const { return std::chrono::floor<std::chrono::seconds>(clock_()); }

}  // namespace cadence::store
