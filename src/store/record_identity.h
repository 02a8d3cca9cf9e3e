#pragma once
// A record's identity, (unit, rule, date, period), across an import. Internal to the store.
#include "core/record.h"

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace cadence::store {

// The positions of `records` in identity order, ties by position. Writing an import in this
// order makes the inserts into the records(unit, rule, date, period) index sequential: 6
// million records in random order took 101 s to store, sorted 38 s; the sort costs seconds.
std::vector<std::size_t> identity_order(const std::vector<Record>& records);

// The first record (by position) whose identity an earlier one has already, as
// (earlier position, its position); nullopt when every identity is distinct.
// REQUIRES: order == identity_order(records).
std::optional<std::pair<std::size_t, std::size_t>> first_repeated_identity(
    const std::vector<Record>& records, const std::vector<std::size_t>& order);

}  // namespace cadence::store
