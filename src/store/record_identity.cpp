#include "store/record_identity.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace cadence::store {

namespace {

// No period sorts first; periods by kind, then start (which with the kind fixes the end).
bool period_less(const std::optional<Period>& a, const std::optional<Period>& b) {
  if (!a || !b) return !a && b;
  return std::tie(a->kind, a->start) < std::tie(b->kind, b->start);
}

bool identity_less(const Record& a, const Record& b) {
  if (const auto ta = std::tie(a.unit, a.rule, a.date), tb = std::tie(b.unit, b.rule, b.date); ta != tb)
    return ta < tb;
  return period_less(a.period, b.period);
}

bool same_identity(const Record& a, const Record& b) {
  return a.date == b.date && a.unit == b.unit && a.rule == b.rule && a.period == b.period;
}

}  // namespace

std::vector<std::size_t> identity_order(const std::vector<Record>& records) {
  std::vector<std::size_t> order(records.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&records](std::size_t i, std::size_t j) {
    if (identity_less(records[i], records[j])) return true;
    if (identity_less(records[j], records[i])) return false;
    return i < j;
  });
  return order;
}

std::optional<std::pair<std::size_t, std::size_t>> first_repeated_identity(
    const std::vector<Record>& records, const std::vector<std::size_t>& order) {
  // Equal identities are neighbours in `order`, earliest position first.
  std::optional<std::pair<std::size_t, std::size_t>> repeat;
  for (std::size_t k = 1; k < order.size(); ++k) {
    const std::size_t earlier = order[k - 1], later = order[k];
    if (same_identity(records[earlier], records[later]) && (!repeat || later < repeat->second))
      repeat = {earlier, later};
  }
  return repeat;
}

}  // namespace cadence::store
