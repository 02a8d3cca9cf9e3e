#pragma once
// A unit's calendar feed on the dashboard (issue 13): GET /units/{id}/feed lists its feed links
// (label, made by whom and when, last fetched and by what client) without their secrets, which
// are stored hashed; POST /units/{id}/feed issues a new one and shows it once, as https:// and
// webcal:// URLs and a QR code for a phone. Issuing is for whoever may record for the unit.
#include "web/dashboard_routes.h"

namespace cadence::web {

HttpResponse feed_page(DashboardSite& site, RequestContext& c);
HttpResponse issue_feed_page(DashboardSite& site, RequestContext& c);

}  // namespace cadence::web
