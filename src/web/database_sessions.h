#pragma once
// A database connection per thread (SQLite connections are not shared between threads), each
// with a small page cache: with a dozen threads the CLI's 64 MiB each would add up.
#include "store/database.h"

#include <memory>
#include <string>

namespace cadence::web {

class DatabaseSessions {
 public:
  explicit DatabaseSessions(std::string uri) : uri_(std::move(uri)) {}
  // The calling thread's connection, opened on first use.
  store::Database& here();

 private:
  std::string uri_;
};

}  // namespace cadence::web
