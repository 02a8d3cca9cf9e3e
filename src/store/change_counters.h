#pragma once
// One counter per kind of data (units, records, tokens), raised by every transaction that
// writes it: the cheapest way for a long-running server to tell that its caches are stale,
// also when another process (the CLI, another server) did the writing.
#include "store/database.h"

#include <cstdint>

namespace cadence::store {

enum class Data { units, records, tokens };

struct ChangeVersions {
  std::int64_t units = 0, records = 0, tokens = 0;
  friend bool operator==(const ChangeVersions&, const ChangeVersions&) = default;
};

// Call inside the transaction that writes.
void bump(Database& db, Data what);
ChangeVersions change_versions(Database& db);

}  // namespace cadence::store
