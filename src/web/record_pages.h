#pragma once
// The pages a secretary records with and an administrator above reviews with (issue 13, item
// 4): GET /units/{id} (the unit page, with the add form), POST /units/{id}/records,
// GET /records/{rid}/edit, POST /records/{rid} (correct), POST /records/{rid}/evidence,
// POST /records/{rid}/delete,
// POST /records/{rid}/return (退回). Forms post, and every post passes the CSRF check; a
// refused form comes back with what was sent and the refusal next to its field; a saved one
// redirects (303) to the unit page, which shows the new standing at once. A correction or a
// deletion carries the record's ETag from when the form was made, and is refused (409) when
// the record changed meanwhile, as the API's If-Match is.
#include "web/dashboard_routes.h"

namespace cadence::web {

HttpResponse unit_page(DashboardSite& site, RequestContext& c);
HttpResponse add_record_page(DashboardSite& site, RequestContext& c);
HttpResponse edit_record_page(DashboardSite& site, RequestContext& c);
HttpResponse correct_record_page(DashboardSite& site, RequestContext& c);
HttpResponse delete_record_page(DashboardSite& site, RequestContext& c);
HttpResponse return_record_page(DashboardSite& site, RequestContext& c);
// POST /records/{rid}/evidence: a file (multipart: kind, file), checked as the API checks it.
HttpResponse add_evidence_page(DashboardSite& site, RequestContext& c);

}  // namespace cadence::web
