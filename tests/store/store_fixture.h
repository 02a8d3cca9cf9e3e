#pragma once
// A fresh SQLite file per test, removed afterwards, and a clock the test sets.
#include "core/day.h"
#include "store/database.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

namespace cadence::store::test {

class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "cadence-store-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file");
    ::close(fd);
    path_ = pattern;
  }
  ~TempFile() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path_ + suffix).c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// 2026-03-01T08:00:00Z until a test moves it.
class FakeClock {
 public:
  Clock clock() {
    return [this] { return now_; };
  }
  void advance(std::chrono::seconds by) { now_ += by; }

 private:
  std::chrono::system_clock::time_point now_ =
      date::sys_days{date::year{2026} / 3 / 1} + std::chrono::hours{8};
};

class StoreTest : public ::testing::Test {
 protected:
  // Another connection to the same file, as a second process would have.
  std::unique_ptr<Database> reopen() { return std::make_unique<Database>(file.path(), clock.clock()); }

  int count(const std::string& sql) {
    int n = 0;
    db.session() << sql, Poco::Data::Keywords::into(n), Poco::Data::Keywords::now;
    return n;
  }
  std::string text(const std::string& sql) {
    std::string value;
    db.session() << sql, Poco::Data::Keywords::into(value), Poco::Data::Keywords::now;
    return value;
  }

  TempFile file;
  FakeClock clock;
  Database db{file.path(), clock.clock()};
};

inline Day day(const char* text) { return *parse_day(text); }

}  // namespace cadence::store::test
