#include "report/compliance_report.h"

#include "store/record_repository.h"

#include <algorithm>
#include <future>
#include <iterator>
#include <unordered_map>

namespace cadence::report {

namespace {

struct Row {
  std::uint32_t unit;
  std::uint32_t rule;
  Entry entry;
};

// Turns the records a scan reads into compact rows.
class RowReader {
 public:
  RowReader(const UnitTree& tree, const std::vector<Rule>& rules) : tree_(tree), rules_(rules) {
    for (std::size_t r = 0; r < rules.size(); ++r) rule_index_.emplace(rules[r].id, static_cast<std::uint32_t>(r));
  }

  void operator()(std::string_view unit, std::string_view rule, Day date, std::string_view tags, std::string_view period) {
    const auto u = tree_.find(unit);
    const auto r = rule_index_.find(rule);
    // Records of a rule no longer in the rules folder, or of a unit removed, are kept but not judged.
    if (!u || r == rule_index_.end()) return;
    std::optional<Day> names_period;
    if (!period.empty()) {
      // Parsed once per distinct period: there are few, and millions of rows name them.
      auto [it, fresh] = period_starts_.try_emplace(std::string(period));
      if (fresh) {
        const auto p = parse_period(period);
        it->second = p ? std::optional<Day>(p->start) : std::nullopt;
      }
      names_period = it->second;
    }
    rows.push_back({static_cast<std::uint32_t>(*u), r->second, to_entry(rules_[r->second], date, tags, names_period)});
  }

  std::vector<Row> rows;

 private:
  const UnitTree& tree_;
  const std::vector<Rule>& rules_;
  std::unordered_map<std::string_view, std::uint32_t> rule_index_;
  std::unordered_map<std::string, std::optional<Day>> period_starts_;
};

// Reads the records dated within [from, to] from one connection into compact rows.
std::vector<Row> read_rows(store::Database& db, const UnitTree& tree, const std::vector<Rule>& rules, Day from, Day to) {
  RowReader reader(tree, rules);
  store::RecordRepository(db).scan(from, to, std::ref(reader));
  return std::move(reader.rows);
}

RecordIndex index_of(const UnitTree& tree, const std::vector<Rule>& rules, const std::vector<const std::vector<Row>*>& parts) {
  RecordIndex index(tree.size(), rules.size());
  for (const auto* rows : parts)
    for (const auto& row : *rows) index.add(row.unit, row.rule, row.entry);
  index.seal();
  return index;
}

// --unit: only the subtree's records, asked for by unit, so that a township of a province
// costs its own records, not the province's.
RecordIndex index_subtree_records(store::Database& db, const UnitTree& tree, const std::vector<Rule>& rules,
                                  std::size_t root, Day from, Day to) {
  std::vector<std::string> ids;
  for (const auto u : tree.subtree(root)) ids.push_back(tree.at(u).id);
  RowReader reader(tree, rules);
  store::RecordRepository(db).scan_units(ids, from, to, std::ref(reader));
  return index_of(tree, rules, {&reader.rows});
}

// Reading millions of rows through Poco::Data costs more than judging them, so the date span
// is split in two and read over two connections at once (SQLite in WAL mode allows concurrent
// readers; PostgreSQL does too).
RecordIndex index_records(const SecondConnection& second, store::Database& db, const UnitTree& tree,
                          const std::vector<Rule>& rules, Day from, Day to) {
  const Day middle = from + (to - from) / 2;
  auto second_half = std::async(std::launch::async, [&] {
    auto other = second();
    return read_rows(*other, tree, rules, middle + date::days{1}, to);
  });
  const auto first_rows = read_rows(db, tree, rules, from, middle);
  const auto second_rows = second_half.get();
  return index_of(tree, rules, {&first_rows, &second_rows});
}

}  // namespace

Day first_day_needed(const std::vector<Rule>& rules, const CheckQuery& query) {
  Day first = query.as_of;
  for (const auto& rule : rules)
    if (auto p = period_for_check(rule, query.as_of, query.period)) first = std::min(first, p->start);
  return first;
}

CheckReport compliance_report(store::Database& db, const UnitTree& tree, const std::vector<Rule>& rules,
                              const CheckQuery& query, const WorkCalendar& calendar, const SecondConnection& second) {
  const Day first = first_day_needed(rules, query);
  // A subtree of most of the tree is read faster by date (over two connections when there are).
  const bool small_subtree = query.root && tree.subtree(*query.root).size() * 2 < tree.size();
  const auto records = [&] {
    if (small_subtree) return index_subtree_records(db, tree, rules, *query.root, first, query.as_of);
    if (second) return index_records(second, db, tree, rules, first, query.as_of);
    const auto rows = read_rows(db, tree, rules, first, query.as_of);
    return index_of(tree, rules, {&rows});
  }();
  return check(rules, tree, records, query, calendar);
}

std::vector<Result> unit_results_over(store::Database& db, const Unit& unit, const std::vector<Rule>& rules,
                                      const Period& period, const WorkCalendar& calendar) {
  Unit alone_unit = unit;
  alone_unit.parent.clear();
  const UnitTree alone({alone_unit});
  std::vector<Period> periods;
  for (const auto kind : {PeriodKind::year, PeriodKind::half, PeriodKind::quarter, PeriodKind::month, PeriodKind::week}) {
    if (std::none_of(rules.begin(), rules.end(), [kind](const Rule& r) { return r.period == kind; })) continue;
    const auto last = period_containing(kind, period.end);
    for (auto p = previous_period(period_containing(kind, period.start)); p.start <= last.start; p = next_period(p))
      periods.push_back(p);
  }
  if (periods.empty()) return {};
  // One read of the unit's records for every check: from the earliest period asked about.
  const auto first = std::min_element(periods.begin(), periods.end())->start;
  const auto records = index_subtree_records(db, alone, rules, 0, first, period.end);
  std::vector<Result> out;
  for (const auto& p : periods) {
    auto report = check(rules, alone, records, CheckQuery{period.end, p, 0}, calendar);
    std::move(report.results.begin(), report.results.end(), std::back_inserter(out));
  }
  return out;
}

}  // namespace cadence::report
