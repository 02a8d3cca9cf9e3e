#pragma once
// Signing in and out of the pages: GET /login (a minimal form, or who is signed in with a
// logout form; the dashboard styles them),
// POST /login (email, password, csrf_token) and POST /logout. A login gets a new session and
// its cookie (authentication.h); failures are throttled per account (store/login_throttle.h)
// and an unknown email is answered exactly as a wrong password. Every login, failure, throttled
// attempt and logout goes to the audit log.
#include "web/authentication.h"
#include "web/router.h"

namespace cadence::web {

// The cookie that carries the login form's pre-session CSRF secret.
inline constexpr std::string_view kLoginCookie = "__Host-cadence-login";

// REQUIRES: `auth` outlives the router.
void add_session_routes(Router& router, const Authentication& auth);

}  // namespace cadence::web
