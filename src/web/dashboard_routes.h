#pragma once
// The dashboard's pages (issue 13): server-rendered HTML that needs no script, in Chinese by
// default, English with lang=en. The route table (add_dashboard_routes) names each handler:
// GET / sends a signed-in user to their highest unit (a branch to its own page) and anyone else
// to /login; /overview/{id} and its exports (overview_page.h); the summary and report texts
// (written_pages.h); /units/{id} and the record forms (record_pages.h); feed links
// (feed_pages.h); password resets (user_pages.h); /static/cadence.css, their one stylesheet.
// A unit or record outside the reader's scope answers 403, as in the API.
#include "web/api_site.h"
#include "web/authentication.h"
#include "web/report_cache.h"
#include "web/router.h"

#include <chrono>
#include <optional>

namespace cadence::web {

// The pages read what the API reads (its unit tree, rules, calendar, zone and authentication);
// the session's own part gives their forms the CSRF token.
struct DashboardSite {
  ApiSite& api;
  const Authentication& auth;
  ReportCache& reports;
  // When the reminder passes send, in each unit's zone; nullopt: no reminders (no SMTP server).
  std::optional<std::chrono::minutes> reminder_send_time{};
};

// The compliance report of `query` (its root set) over the request's tree, kept or computed.
std::shared_ptr<const CheckReport> judged(DashboardSite& site, RequestContext& c,
                                          const std::shared_ptr<const UnitTree>& tree, const CheckQuery& query);

void add_dashboard_routes(Router& router, DashboardSite& site);

}  // namespace cadence::web
