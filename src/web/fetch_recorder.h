#pragma once
// Each token's fetches (how many, the last one's time and User-Agent), kept in memory and
// written in one batch every few seconds and at shutdown: not a write per request.
#include "store/database.h"
#include "store/feed_token_repository.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace cadence::web {

class FetchRecorder {
 public:
  void note(std::int64_t token_id, std::chrono::sys_seconds at, const std::string& user_agent);
  // Writes what was noted; when the write fails it is all kept (merged with what came
  // meanwhile) and the error rethrown.
  void flush(store::Database& db);
  std::size_t pending();

 private:
  std::mutex mutex_;
  std::map<std::int64_t, store::Fetch> fetches_;
};

}  // namespace cadence::web
