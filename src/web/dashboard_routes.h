#pragma once
// The dashboard's pages (issue 13): server-rendered HTML that needs no script, in Chinese by
// default. GET / sends a signed-in user to the overview of the highest unit they may read, and
// anyone else to /login; /overview/{id} is that unit's subtree against its cadence, with
// /overview/{id}/export.csv the same table as CSV; /static/cadence.css their one stylesheet.
// A unit outside the reader's scope answers 403, as in the API.
#include "web/api_site.h"
#include "web/authentication.h"
#include "web/report_cache.h"
#include "web/router.h"

namespace cadence::web {

// The pages read what the API reads (its unit tree, rules, calendar, zone and authentication);
// the session's own part gives their forms the CSRF token.
struct DashboardSite {
  ApiSite& api;
  const Authentication& auth;
  ReportCache& reports;
};

// The compliance report of `query` (its root set) over the request's tree, kept or computed.
std::shared_ptr<const CheckReport> judged(DashboardSite& site, RequestContext& c, const UnitTree& tree,
                                          const CheckQuery& query);

void add_dashboard_routes(Router& router, DashboardSite& site);

}  // namespace cadence::web
