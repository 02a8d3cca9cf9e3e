#include "web/database_sessions.h"

#include <map>

namespace cadence::web {

namespace {
// A render reads one unit's records and a few dozen items' versions, by index: SQLite's own
// default (2 MiB) keeps the indexes' upper levels.
constexpr int kServeCacheKib = 2 * 1024;
}  // namespace

store::Database& DatabaseSessions::here() {
  // Keyed by owner, so that tests running two servers in one process keep them apart.
  thread_local std::map<const DatabaseSessions*, std::unique_ptr<store::Database>> connections;
  auto& db = connections[this];
  if (!db) db = std::make_unique<store::Database>(uri_, store::Access::existing, std::chrono::system_clock::now, kServeCacheKib);
  return *db;
}

}  // namespace cadence::web
