#pragma once
// The bulk upsert behind RecordRepository::upsert and add, and `records import`'s streaming one.
//
// An import may hold millions of records (6 million must take well under a minute, in well
// under a gigabyte), so records are staged as they come and the database does the work in a
// few set-based statements rather than a query per record:
//  1. the records are copied into a temporary staging table with prepared, vector-bound inserts
//     in batches; the table is kept in identity order (unit, rule, date, period, then
//     position), which finds two records with one identity in one query and makes the writes
//     below sequential (6 million records in random order took 101 s to store, sorted 38 s).
//     Nothing but one batch is held in memory;
//  2. one query finds any record whose unit is not stored;
//  3. one INSERT … SELECT writes the audit rows of records about to change (before and after,
//     as JSON built by the database) — their count is `updated`;
//  4. one INSERT … SELECT … ON CONFLICT (unit, rule, date, period) DO UPDATE … WHERE tags or
//     note differ inserts the new records and updates the changed ones; identical ones are
//     not touched (their updated_at stays), so affected rows = added + updated;
//  5. audit for inserts: one row per inserted record for small imports; for large ones a
//     single "import" row with the counts. Inserts lose no information (the record itself is
//     the trace, with created_at/created_by), updates do, hence the asymmetry.
// Staging writes only the connection's temporary table; steps 2–5 run in one transaction.
#include "core/record.h"
#include "store/database.h"
#include "store/import_summary.h"

#include <memory>
#include <string>
#include <vector>

namespace cadence::store {

class RecordStaging;

// An import fed one record at a time (`records import` of a file of millions of rows): memory
// stays bounded, and it is still all or nothing: finish() writes every record in one
// transaction or, on any error, none.
class RecordImport {
 public:
  RecordImport(Database& db, const std::string& actor, const std::string& source);
  ~RecordImport();
  RecordImport(const RecordImport&) = delete;
  RecordImport& operator=(const RecordImport&) = delete;

  // Stages one record; the first is at position 0. An empty tag or one with ';' is an
  // ImportItemError naming its position.
  void add(const Record& record);

  // A staged record whose identity (unit, rule, date, period) an earlier one has.
  struct Repeat {
    std::size_t earlier = 0, later = 0;  // positions
  };
  struct Repeats {
    std::size_t count = 0;       // every repeating record
    std::vector<Repeat> first;   // the first `max` of them, by position
  };
  Repeats repeats(std::size_t max);

  // In one transaction: refuses a repeat or a record of a unit not stored (ImportItemError),
  // stores the records as RecordRepository::upsert does, and commits.
  // REQUIRES: not finished yet; no Transaction open on the database.
  ImportSummary finish(int row_audit_limit);

 private:
  Database& db_;
  std::unique_ptr<RecordStaging> staging_;
};

// The same for records already in memory, inside the caller's transaction.
// REQUIRES: a Transaction is open on `db`.
ImportSummary import_records(Database& db, const std::vector<Record>& records, const std::string& actor,
                             const std::string& source, int row_audit_limit);

}  // namespace cadence::store
