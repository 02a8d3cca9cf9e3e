#pragma once
// Stored records turned into the compact rows compliance judges: the unit's and rule's
// positions and the entry (core/record_index.h), for the records of the rules folder's rules
// and the tree's units only.
#include "core/record_index.h"
#include "core/rule.h"
#include "core/unit_tree.h"
#include "report/compliance_report.h"
#include "store/database.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cadence::report {

struct RecordRow {
  std::uint32_t unit;
  std::uint32_t rule;
  Entry entry;
};

// Thrown by a read whose `cancelled` flag was raised (a server stopping mid-way).
struct ReadCancelled {};
// Thrown by a read that found more rows than it may hold.
struct TooManyRows {};

// What a read may be told besides its span: when to give up.
struct ReadLimits {
  const std::atomic<bool>* cancelled = nullptr;  // looked at with every row
  std::size_t max_rows = static_cast<std::size_t>(-1);  // per connection
};

// Turns the records a scan reads (store::RecordRepository::ScanFn) into rows.
class RowReader {
 public:
  RowReader(const UnitTree& tree, const std::vector<Rule>& rules, ReadLimits limits = {});
  void operator()(std::string_view unit, std::string_view rule, Day date, std::string_view tags, std::string_view period);

  std::vector<RecordRow> rows;

 private:
  const UnitTree& tree_;
  const std::vector<Rule>& rules_;
  ReadLimits limits_;
  std::unordered_map<std::string_view, std::uint32_t> rule_index_;
  std::unordered_map<std::string, std::optional<Day>> period_starts_;
};

// The rows of the records dated within [from, to]: by date, over `second`'s connection beside
// `db` when there is one (half the span each).
std::vector<std::vector<RecordRow>> read_rows(store::Database& db, const SecondConnection& second, const UnitTree& tree,
                                              const std::vector<Rule>& rules, Day from, Day to, ReadLimits limits = {});
// The rows indexed as check() reads them.
RecordIndex index_rows(const UnitTree& tree, const std::vector<Rule>& rules, const std::vector<std::vector<RecordRow>>& parts);
// The records of `root`'s subtree (`root`'s alone unless `descendants`) dated within [from,
// to], asked for by unit and indexed, so that a township of a province costs its own records.
RecordIndex subtree_index(store::Database& db, const UnitTree& tree, const std::vector<Rule>& rules, std::size_t root,
                          Day from, Day to, bool descendants = true);
// The rows of the records of `units` (tree positions) dated within [from, to], found by unit.
std::vector<RecordRow> read_unit_rows(store::Database& db, const UnitTree& tree, const std::vector<Rule>& rules,
                                      const std::vector<std::size_t>& units, Day from, Day to);

}  // namespace cadence::report
