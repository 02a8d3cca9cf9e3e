#pragma once
// The texts the dashboard writes for its readers to paste (issue 13, item 5): a parent unit's
// inspection summary (督查通报) as of a day, GET /overview/{id}/summary, and one unit's report
// paragraph for a half-year or year-end report, GET /units/{id}/report?period=2026-H1; each as a
// page to copy from and as a .docx (…/summary.docx, …/report.docx) that Word and WPS open.
// Readable by whoever may read the unit.
#include "web/dashboard_routes.h"

namespace cadence::web {

HttpResponse summary_page(DashboardSite& site, RequestContext& c, bool as_docx);
HttpResponse unit_report_page(DashboardSite& site, RequestContext& c, bool as_docx);

}  // namespace cadence::web
