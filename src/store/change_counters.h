#pragma once
// One counter per kind of data (units, records, tokens), raised by every transaction that
// writes it: the cheapest way for a long-running server to tell that its caches are stale,
// also when another process (the CLI, another server) did the writing.
#include "store/database.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cadence::store {

enum class Data { units, records, tokens };

struct ChangeVersions {
  std::int64_t units = 0, records = 0, tokens = 0;
  friend bool operator==(const ChangeVersions&, const ChangeVersions&) = default;
};

// Call inside the transaction that writes. Records: see records_changed.
void bump(Database& db, Data what);
ChangeVersions change_versions(Database& db);

// Call inside the transaction that writes records: raises the records counter and stamps each
// of `units` (units.records_version) with its new value, so that a server that keeps the
// records in memory re-reads only those units' (units_with_records_after).
void records_changed(Database& db, const std::vector<std::string>& units);
// The same for every unit named in the `unit` column of `table` (an import's staging table).
void records_changed_in(Database& db, std::string_view table);
// The units stamped after the records counter stood at `version`: every unit whose records a
// transaction committed since then changed (and perhaps a few more, stamped by a transaction
// still committing while this was read).
std::vector<std::string> units_with_records_after(Database& db, std::int64_t version);

}  // namespace cadence::store
