#pragma once
// What units held and submitted: the records `cadence check` counts.
#include "core/day.h"
#include "core/record.h"
#include "store/database.h"
#include "store/import_summary.h"
#include "store/record_scan.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cadence::store {

// A record's identity is (unit, rule, date, period): storing a record whose identity is stored
// already with other tags or note updates that record; with the same tags and note it changes
// nothing. Tags are a set: they come back sorted, without repeats.
class RecordRepository {
 public:
  explicit RecordRepository(Database& db) : db_(db) {}

  // Stores `records` in one transaction: all of them or, on any error, none. Two records with
  // one identity, a unit that is not stored, or an empty tag or one with ';' is an ImportItemError
  // naming that record. Updates get an audit row each (they overwrite); inserts get one each
  // when there are at most kRowAuditLimit of them, otherwise one "import" row for the whole
  // import, with `source` (the file name) as its entity id.
  ImportSummary upsert(const std::vector<Record>& records, const std::string& actor,
                       const std::string& source = "");
  static constexpr int kRowAuditLimit = 1000;

  // Stores one record as upsert() does (record.id is ignored) and returns its id.
  std::int64_t add(const Record& record, const std::string& actor);
  std::optional<Record> find(std::int64_t id);
  // Deletes a record, with an audit row holding it; false if there was none with that id.
  bool remove(std::int64_t id, const std::string& actor);

  // Reads below (of_unit, scan, scan_units) see only the records that count: a returned one
  // (record_review.h) counts nowhere until it is resubmitted.

  // The unit's records dated within [from, to], by date.
  std::vector<Record> of_unit(const std::string& unit, Day from, Day to);

  // Calls `fn` for every record dated within [from, to], in no particular order. `tags` is
  // ';'-joined and sorted; `period` is a period id or empty. The views are valid during the
  // call only. This is the hot path of `cadence check` (millions of records): it builds no
  // Record and reads each row where the backend's library holds it (record_scan.h).
  using ScanFn = RecordRowFn;
  void scan(Day from, Day to, const ScanFn& fn);
  // The same for the records of `units` only, found by unit (the records' unique index), so
  // that one township of a province costs what its own records cost.
  void scan_units(const std::vector<std::string>& units, Day from, Day to, const ScanFn& fn);
  // Unit ids per query of scan_units(): well inside every backend's limit on parameters.
  static constexpr std::size_t kUnitsPerQuery = 500;

  std::int64_t count();
  // The first and last date of the records that count; nullopt when there are none.
  std::optional<std::pair<Day, Day>> date_span();

 private:
  Database& db_;
};

}  // namespace cadence::store
