#pragma once
// The records compliance judges, kept in memory by `cadence serve` between requests and brought
// up to date by re-reading only the units whose records changed (store::records_changed). A
// province's report after a write then costs judging its records, not reading all 6 million of
// them again (seconds: bench/README.md).
#include "core/check.h"
#include "core/record_index.h"
#include "report/compliance_report.h"
#include "store/database.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace cadence::report {

// One of a unit's records as compliance needs it, of a rule of the rules folder.
struct KeptRow {
  std::uint32_t rule;
  Entry entry;
};

// Every unit's records, of every date, as the database held them at a records counter.
// Immutable once made: a request judges from one while a refresh makes the next.
struct RecordsSnapshot {
  std::shared_ptr<const UnitTree> tree;
  std::int64_t version = -1;  // the records counter, read before the rows
  std::vector<std::shared_ptr<const std::vector<KeptRow>>> units;  // by tree index; by rule, then date
  std::size_t rows = 0;
};

class KeptRecords {
 public:
  // A database holding more than `limit` records is not kept: each report reads its records.
  KeptRecords(const std::vector<Rule>& rules, std::size_t limit) : rules_(rules), limit_(limit) {}

  // The records of `tree` as `db` holds them now; null when they are not kept (there are more
  // than the limit, or the first read of them is under way in another thread). Reads what
  // changed since the last call: the units stamped since (all of them when the tree is another
  // or most units changed). `second` helps read everything, as in compliance_report.
  std::shared_ptr<const RecordsSnapshot> current(store::Database& db, const std::shared_ptr<const UnitTree>& tree,
                                                 const SecondConnection& second = {});
  // Forgets what is kept (the memory too, once no request judges from it).
  void clear();
  // Makes a read of everything under way give up soon, and every later call return null: the
  // server is stopping, and must not wait seconds for it.
  void stop() { stopping_ = true; }
  bool stopped() const { return stopping_; }

 private:
  std::shared_ptr<const RecordsSnapshot> load(store::Database& db, const std::shared_ptr<const UnitTree>& tree,
                                              std::int64_t version, const SecondConnection& second);
  std::shared_ptr<const RecordsSnapshot> update(store::Database& db, const RecordsSnapshot& old, std::int64_t version);

  const std::vector<Rule>& rules_;
  std::size_t limit_;
  std::mutex mutex_;  // one refresh at a time
  std::shared_ptr<const RecordsSnapshot> snapshot_;
  bool too_many_ = false;
  std::atomic<bool> loaded_{false};  // read once at least: a refresh is short
  std::atomic<bool> stopping_{false};
};

// The kept records of `root`'s subtree (every unit's without one; `root`'s alone unless
// `descendants`) dated within [from, to], indexed as check() reads them.
RecordIndex index_of(const RecordsSnapshot& records, std::size_t rules, std::optional<std::size_t> root, Day from, Day to,
                     bool descendants = true);

// What compliance_report gives from the database, judged from kept records.
CheckReport compliance_report(const RecordsSnapshot& records, const std::vector<Rule>& rules, const CheckQuery& query,
                              const WorkCalendar& calendar);

}  // namespace cadence::report
