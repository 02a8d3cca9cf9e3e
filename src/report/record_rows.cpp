#include "report/record_rows.h"

#include "store/record_repository.h"

#include <functional>
#include <future>

namespace cadence::report {

RowReader::RowReader(const UnitTree& tree, const std::vector<Rule>& rules, ReadLimits limits)
    : tree_(tree), rules_(rules), limits_(limits) {
  for (std::size_t r = 0; r < rules.size(); ++r) rule_index_.emplace(rules[r].id, static_cast<std::uint32_t>(r));
}

void RowReader::operator()(std::string_view unit, std::string_view rule, Day date, std::string_view tags,
                           std::string_view period) {
  if (limits_.cancelled && limits_.cancelled->load(std::memory_order_relaxed)) throw ReadCancelled{};
  if (rows.size() >= limits_.max_rows) throw TooManyRows{};
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

namespace {

std::vector<RecordRow> read_span(store::Database& db, const UnitTree& tree, const std::vector<Rule>& rules, Day from,
                                 Day to, ReadLimits limits) {
  RowReader reader(tree, rules, limits);
  store::RecordRepository(db).scan(from, to, std::ref(reader));
  return std::move(reader.rows);
}

}  // namespace

// Reading millions of rows costs more than judging them, so with a second connection the span
// is split in two and read over both at once (SQLite in WAL mode allows concurrent readers;
// PostgreSQL does too).
std::vector<std::vector<RecordRow>> read_rows(store::Database& db, const SecondConnection& second, const UnitTree& tree,
                                              const std::vector<Rule>& rules, Day from, Day to, ReadLimits limits) {
  std::vector<std::vector<RecordRow>> parts;
  if (!second || to <= from) {
    parts.push_back(read_span(db, tree, rules, from, to, limits));
    return parts;
  }
  const Day middle = from + (to - from) / 2;
  auto second_half = std::async(std::launch::async, [&] {
    auto other = second();
    return read_span(*other, tree, rules, middle + date::days{1}, to, limits);
  });
  parts.push_back(read_span(db, tree, rules, from, middle, limits));
  parts.push_back(second_half.get());
  return parts;
}

std::vector<RecordRow> read_unit_rows(store::Database& db, const UnitTree& tree, const std::vector<Rule>& rules,
                                      const std::vector<std::size_t>& units, Day from, Day to) {
  std::vector<std::string> ids;
  for (const auto u : units) ids.push_back(tree.at(u).id);
  RowReader reader(tree, rules);
  store::RecordRepository(db).scan_units(ids, from, to, std::ref(reader));
  return std::move(reader.rows);
}

RecordIndex index_rows(const UnitTree& tree, const std::vector<Rule>& rules, const std::vector<std::vector<RecordRow>>& parts) {
  RecordIndex index(tree.size(), rules.size());
  for (const auto& rows : parts)
    for (const auto& row : rows) index.add(row.unit, row.rule, row.entry);
  index.seal();
  return index;
}

RecordIndex subtree_index(store::Database& db, const UnitTree& tree, const std::vector<Rule>& rules, std::size_t root,
                          Day from, Day to, bool descendants) {
  std::vector<std::vector<RecordRow>> parts;
  parts.push_back(read_unit_rows(db, tree, rules, descendants ? tree.subtree(root) : std::vector<std::size_t>{root}, from, to));
  return index_rows(tree, rules, parts);
}

}  // namespace cadence::report
