#include "web/fetch_recorder.h"

#include <vector>

namespace cadence::web {

void FetchRecorder::note(std::int64_t token_id, std::chrono::sys_seconds at, const std::string& user_agent) {
  std::lock_guard lock(mutex_);
  auto& f = fetches_[token_id];
  f.count = f.token_id == 0 ? 1 : f.count + 1;
  f.token_id = token_id;
  f.at = at;
  f.user_agent = user_agent;
}

std::size_t FetchRecorder::pending() {
  std::lock_guard lock(mutex_);
  return fetches_.size();
}

void FetchRecorder::flush(store::Database& db) {
  std::vector<store::Fetch> batch;
  {
    std::lock_guard lock(mutex_);
    for (auto& [id, f] : fetches_) batch.push_back(std::move(f));
    fetches_.clear();
  }
  if (batch.empty()) return;
  try {
    store::FeedTokenRepository(db).record_fetches(batch);
  } catch (...) {
    // Put back under what was noted meanwhile, which is newer.
    std::lock_guard lock(mutex_);
    for (auto& f : batch) {
      auto& kept = fetches_[f.token_id];
      if (kept.token_id == 0) kept = std::move(f);
      else kept.count += f.count;
    }
    throw;
  }
}

}  // namespace cadence::web
