#pragma once
// "Forgot password" as an administrator's reset (issue 13): GET /users lists the users whose
// password the reader may reset (AccessScope::may_reset_password), POST /users/{uid}/password
// gives one a new random password, shown once to pass on in person or by phone, and ends that
// user's sessions. The login page tells a user who forgot theirs whom to ask.
#include "web/dashboard_routes.h"

namespace cadence::web {

HttpResponse users_page(DashboardSite& site, RequestContext& c);
HttpResponse reset_password_page(DashboardSite& site, RequestContext& c);

}  // namespace cadence::web
