#include "report/kept_records.h"

#include "report/record_rows.h"
#include "store/change_counters.h"
#include "store/record_repository.h"

#include <algorithm>
#include <tuple>

namespace cadence::report {

namespace {

// Every date a record can carry (store/columns: four-digit years).
const Day kFirstDay = Day{date::year{1} / 1 / 1};
const Day kLastDay = Day{date::year{9999} / 12 / 31};

// A refresh that finds more than this share of the units changed (an import) reads everything
// by date: by unit, each record costs a look-up in the records' table.
constexpr std::size_t kMostUnitsChanged = 4;

struct TooMany {};

bool by_rule_then_date(const KeptRow& a, const KeptRow& b) {
  return std::tie(a.rule, a.entry.date, a.entry.names_period, a.entry.tags) <
         std::tie(b.rule, b.entry.date, b.entry.names_period, b.entry.tags);
}

// Gives each unit of `units` its rows out of `parts`; units not among them keep theirs.
void regroup(RecordsSnapshot& snapshot, const std::vector<std::size_t>& units,
             const std::vector<std::vector<RecordRow>>& parts) {
  std::vector<std::vector<KeptRow>> grouped(snapshot.units.size());
  for (const auto& rows : parts)
    for (const auto& row : rows) grouped[row.unit].push_back({row.rule, row.entry});
  for (const auto u : units) {
    auto& rows = grouped[u];
    std::sort(rows.begin(), rows.end(), by_rule_then_date);
    rows.shrink_to_fit();
    const auto before = snapshot.units[u] ? snapshot.units[u]->size() : 0;
    snapshot.rows = snapshot.rows - before + rows.size();
    snapshot.units[u] = std::make_shared<const std::vector<KeptRow>>(std::move(rows));
  }
}

std::vector<std::size_t> every_unit(const UnitTree& tree) {
  std::vector<std::size_t> all(tree.size());
  for (std::size_t u = 0; u < all.size(); ++u) all[u] = u;
  return all;
}

}  // namespace

std::shared_ptr<const RecordsSnapshot> KeptRecords::current(store::Database& db,
                                                            const std::shared_ptr<const UnitTree>& tree,
                                                            const SecondConnection& second) {
  if (limit_ == 0 || stopping_) return nullptr;
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (!lock.owns_lock()) {
    // The first read takes seconds: meanwhile a request reads its own records, as without them.
    if (!loaded_) return nullptr;
    lock.lock();
  }
  if (too_many_) return nullptr;
  // Read before the rows: what commits meanwhile is read again by the next refresh.
  const auto version = store::change_versions(db).records;
  if (snapshot_ && snapshot_->tree == tree && snapshot_->version == version) return snapshot_;
  try {
    snapshot_ = snapshot_ && snapshot_->tree == tree ? update(db, *snapshot_, version) : nullptr;
    if (!snapshot_) snapshot_ = load(db, tree, version, second);
    loaded_ = true;
  } catch (const TooManyRows&) {
    too_many_ = true;
    snapshot_.reset();
  } catch (const TooMany&) {
    too_many_ = true;
    snapshot_.reset();
  } catch (const ReadCancelled&) {
    snapshot_.reset();
  }
  return snapshot_;
}

void KeptRecords::clear() {
  std::lock_guard lock(mutex_);
  snapshot_.reset();
  too_many_ = false;
  loaded_ = false;
}

std::shared_ptr<const RecordsSnapshot> KeptRecords::load(store::Database& db, const std::shared_ptr<const UnitTree>& tree,
                                                         std::int64_t version, const SecondConnection& second) {
  auto snapshot = std::make_shared<RecordsSnapshot>();
  snapshot->tree = tree;
  snapshot->version = version;
  snapshot->units.resize(tree->size());
  const auto span = store::RecordRepository(db).date_span();
  if (span) {
    // Each connection gives up past the limit, so that a database beyond it is not read whole.
    const auto parts = read_rows(db, second, *tree, rules_, span->first, span->second, {&stopping_, limit_ + 1});
    std::size_t rows = 0;
    for (const auto& part : parts) rows += part.size();
    if (rows > limit_) throw TooMany{};
    regroup(*snapshot, every_unit(*tree), parts);
  } else {
    regroup(*snapshot, every_unit(*tree), {});
  }
  return snapshot;
}

// Null when so much changed that loading everything is faster.
std::shared_ptr<const RecordsSnapshot> KeptRecords::update(store::Database& db, const RecordsSnapshot& old,
                                                           std::int64_t version) {
  std::vector<std::size_t> changed;
  for (const auto& id : store::units_with_records_after(db, old.version))
    if (const auto u = old.tree->find(id)) changed.push_back(*u);
  if (changed.size() * kMostUnitsChanged > old.units.size()) return nullptr;
  auto snapshot = std::make_shared<RecordsSnapshot>(old);
  snapshot->version = version;
  std::vector<std::vector<RecordRow>> parts;
  parts.push_back(read_unit_rows(db, *old.tree, rules_, changed, kFirstDay, kLastDay));
  regroup(*snapshot, changed, parts);
  if (snapshot->rows > limit_) throw TooMany{};
  return snapshot;
}

RecordIndex index_of(const RecordsSnapshot& records, std::size_t rules, std::optional<std::size_t> root, Day from, Day to,
                     bool descendants) {
  const auto& tree = *records.tree;
  std::vector<bool> judged(tree.size(), !root);
  if (root)
    for (const auto u : descendants ? tree.subtree(*root) : std::vector<std::size_t>{*root}) judged[u] = true;
  // In the order of the index's groups (unit, then rule), which it then need not sort.
  RecordIndex index(tree.size(), rules);
  for (std::size_t u = 0; u < tree.size(); ++u) {
    if (!judged[u] || !records.units[u]) continue;
    for (const auto& row : *records.units[u])
      if (from <= row.entry.date && row.entry.date <= to) index.add(u, row.rule, row.entry);
  }
  index.seal();
  return index;
}

CheckReport compliance_report(const RecordsSnapshot& records, const std::vector<Rule>& rules, const CheckQuery& query,
                              const WorkCalendar& calendar) {
  const auto index = index_of(records, rules.size(), query.root, first_day_needed(rules, query), query.as_of);
  return check(rules, *records.tree, index, query, calendar);
}

}  // namespace cadence::report
