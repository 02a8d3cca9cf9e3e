#pragma once
// The bulk upsert behind RecordRepository::upsert and add. Internal to the store.
//
// An import may hold millions of records (6 million must take well under a minute), so the
// database does the work in a few set-based statements rather than a query per record:
//  1. the records are sorted by identity (record_identity.h), which finds two records with one
//     identity before the database is touched and makes the writes below sequential;
//  2. they are copied into a temporary staging table with prepared, vector-bound inserts in
//     batches, and one query finds any record whose unit is not stored;
//  3. one INSERT … SELECT writes the audit rows of records about to change (before and after,
//     as JSON built by the database) — their count is `updated`;
//  4. one INSERT … SELECT … ON CONFLICT (unit, rule, date, period) DO UPDATE … WHERE tags or
//     note differ inserts the new records and updates the changed ones; identical ones are
//     not touched (their updated_at stays), so affected rows = added + updated;
//  5. audit for inserts: one row per inserted record for small imports; for large ones a
//     single "import" row with the counts. Inserts lose no information (the record itself is
//     the trace, with created_at/created_by), updates do, hence the asymmetry.
// All of it runs inside the caller's transaction.
#include "core/record.h"
#include "store/database.h"
#include "store/import_summary.h"

#include <string>
#include <vector>

namespace cadence::store {

// REQUIRES: a Transaction is open on `db`.
ImportSummary import_records(Database& db, const std::vector<Record>& records, const std::string& actor,
                             const std::string& source, int row_audit_limit);

}  // namespace cadence::store
