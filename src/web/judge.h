#pragma once
// The compliance report of one request: judged from the records the server keeps in memory
// (report/kept_records.h), brought up to date first, or — when the database holds more records
// than are kept — from the database, as `cadence check` does.
#include "core/check.h"
#include "web/api_site.h"
#include "web/router.h"

#include <memory>

namespace cadence::web {

CheckReport judge(const ApiSite& site, RequestContext& c, const std::shared_ptr<const UnitTree>& tree,
                  const CheckQuery& query);

// The records of `root`'s subtree (of `root` alone unless `descendants`) dated within [from,
// to], indexed as check() reads them: from the kept records, or read from the database.
RecordIndex subtree_records(const ApiSite& site, RequestContext& c, const std::shared_ptr<const UnitTree>& tree,
                            std::size_t root, Day from, Day to, bool descendants = true);

}  // namespace cadence::web
