#pragma once
// The compliance reports the dashboard's pages judge from, kept between requests: an overview
// is asked for again with another filter, language or export, and a county's report takes a
// second to compute from its records. Keyed as the API's compliance answers are (the unit, the
// day, the period and the change counters), so a write anywhere makes older reports unreachable.
#include "core/check.h"
#include "store/database.h"
#include "web/flight_cache.h"

#include <memory>
#include <string>

namespace cadence {

// What a kept report takes, roughly: its results with their quota lists, and its roll-ups.
std::size_t cached_size(const CheckReport& report);

}  // namespace cadence

namespace cadence::web {

using ReportCache = FlightCache<CheckReport>;

// The key of the report of `query` over `tree` as the database's change counters stand now.
std::string report_key(store::Database& db, const UnitTree& tree, const CheckQuery& query);

}  // namespace cadence::web
