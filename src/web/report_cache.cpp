#include "web/report_cache.h"

#include "store/change_counters.h"

namespace cadence {

std::size_t cached_size(const CheckReport& report) {
  std::size_t bytes = sizeof(CheckReport) + report.results.capacity() * sizeof(Result) +
                      report.rollup.capacity() * sizeof(Rollup);
  for (const auto& r : report.results) bytes += r.quotas.capacity() * sizeof(QuotaProgress);
  return bytes;
}

}  // namespace cadence

namespace cadence::web {

std::string report_key(store::Database& db, const UnitTree& tree, const CheckQuery& query) {
  const auto v = store::change_versions(db);
  return (query.root ? tree.at(*query.root).id : std::string()) + "|" + format_day(query.as_of) + "|" +
         (query.period ? query.period->id() : "") + "|" + std::to_string(v.units) + "|" + std::to_string(v.records);
}

}  // namespace cadence::web
