#pragma once
// The units (organisations) Cadence knows, as imported from units CSV files.
#include "core/unit.h"
#include "store/database.h"
#include "store/import_summary.h"

#include <optional>
#include <string>
#include <vector>

namespace cadence::store {

class UnitRepository {
 public:
  explicit UnitRepository(Database& db) : db_(db) {}

  // Every unit, ordered by id.
  std::vector<Unit> all();
  std::optional<Unit> find(const std::string& id);

  // In one transaction (all or nothing): adds the units not stored yet and updates those that
  // differ, each with an audit row holding the unit before and after; identical units are not
  // touched (no audit row, updated_at kept), so importing the same file again changes nothing.
  // Stored units missing from `units` are kept. Two units with one id, or a parent that is
  // neither in `units` nor stored, is an ImportItemError naming that unit.
  ImportSummary upsert(const std::vector<Unit>& units, const std::string& actor);

 private:
  Database& db_;
};

}  // namespace cadence::store
