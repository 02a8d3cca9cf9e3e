#pragma once
// A fresh, empty database for one test, on either backend, removed afterwards.
// SQLite: a temporary file. PostgreSQL: a new database in the throwaway cluster that CTest's
// `pg_cluster` fixture starts (tests/support/pg_cluster.sh), whose socket directory it passes
// in CADENCE_TEST_PG_HOST. Without that variable a PostgreSQL test fails: it never skips.
#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <Poco/Data/Session.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <stdexcept>
#include <string>

namespace cadence::testing {

enum class Backend { sqlite, postgresql };

inline std::string backend_name(Backend backend) { return backend == Backend::sqlite ? "sqlite" : "postgresql"; }
inline void PrintTo(Backend backend, std::ostream* out) { *out << backend_name(backend); }

// The cluster's socket directory; throws (the test fails) when the fixture did not start one.
inline std::string pg_host() {
  const char* host = std::getenv("CADENCE_TEST_PG_HOST");
  if (!host || !*host)
    throw std::runtime_error(
        "CADENCE_TEST_PG_HOST is not set: run the PostgreSQL tests through ctest, whose pg_cluster fixture "
        "starts a cluster (tests/support/pg_cluster.sh start DIR) and sets it");
  return host;
}

// postgresql://postgres@/<dbname>?host=<socket dir>
inline std::string pg_uri(const std::string& dbname) {
  return "postgresql://postgres@/" + dbname + "?host=" + pg_host();
}

// Runs one statement on the cluster's maintenance database (CREATE/DROP DATABASE).
inline void pg_admin(const std::string& sql) {
  Poco::Data::Session admin(new Poco::Data::PostgreSQL::SessionImpl("host=" + pg_host() + " user=postgres dbname=postgres", 10));
  admin << sql, Poco::Data::Keywords::now;
}

// A new PostgreSQL database, dropped (with any connection still open to it) at scope exit.
class PgDatabase {
 public:
  PgDatabase() : name_(unique_name()) { pg_admin("CREATE DATABASE " + name_); }
  ~PgDatabase() {
    try {
      pg_admin("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (...) {
    }
  }
  PgDatabase(const PgDatabase&) = delete;
  PgDatabase& operator=(const PgDatabase&) = delete;

  const std::string& name() const { return name_; }
  std::string uri() const { return pg_uri(name_); }

 private:
  static std::string unique_name() {
    static std::atomic<int> next{0};
    return "cadence_t" + std::to_string(::getpid()) + "_" + std::to_string(next++);
  }
  std::string name_;
};

// A temporary SQLite file (with its -wal, -shm, -journal) removed at scope exit.
class SqliteFile {
 public:
  SqliteFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "cadence-store-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file");
    ::close(fd);
    path_ = pattern;
  }
  ~SqliteFile() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path_ + suffix).c_str());
  }
  SqliteFile(const SqliteFile&) = delete;
  SqliteFile& operator=(const SqliteFile&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Either of the two, as the test's parameter says; uri() is what --db takes.
class TestDatabase {
 public:
  explicit TestDatabase(Backend backend) : backend_(backend) {
    if (backend == Backend::sqlite) sqlite_ = std::make_unique<SqliteFile>();
    else pg_ = std::make_unique<PgDatabase>();
  }
  Backend backend() const { return backend_; }
  std::string uri() const { return sqlite_ ? sqlite_->path() : pg_->uri(); }

 private:
  Backend backend_;
  std::unique_ptr<SqliteFile> sqlite_;
  std::unique_ptr<PgDatabase> pg_;
};

}  // namespace cadence::testing

// INSTANTIATE_TEST_SUITE_P(…, CADENCE_BOTH_BACKENDS): cases named …/sqlite and …/postgresql.
#define CADENCE_BOTH_BACKENDS                                                                    \
  ::testing::Values(::cadence::testing::Backend::sqlite, ::cadence::testing::Backend::postgresql), \
      [](const ::testing::TestParamInfo<::cadence::testing::Backend>& info) {                     \
        return ::cadence::testing::backend_name(info.param);                                     \
      }
