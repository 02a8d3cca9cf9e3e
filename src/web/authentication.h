#pragma once
// Who a request speaks for, and whether a state-changing request under a session came from
// Cadence's own pages. Scripts send an API token (`Authorization: Bearer …`, user_token in the
// store); browsers send the session cookie that POST /login set (session_routes.h), and with it
// a CSRF token and an Origin or Sec-Fetch-Site that check_csrf verifies.
#include "core/principal.h"
#include "web/router.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cadence::web {

// The session cookie: __Host- makes browsers refuse it unless Secure, Path=/ and host-only.
inline constexpr std::string_view kSessionCookie = "__Host-cadence-session";

struct SessionSettings {  // [accounts] in the config
  std::chrono::minutes idle{30};
  std::chrono::hours absolute{12};
  std::vector<std::string> trusted_proxies;  // addresses whose X-Forwarded-Proto is believed
};

class Authentication {
 public:
  explicit Authentication(SessionSettings settings);
  // Who the request speaks for: `Authorization: Bearer <api token>` or the session cookie;
  // nullopt without credentials or with invalid ones (unknown or revoked token, ended or
  // expired session, disabled user). Reads (and for sessions touches) the database via c.db().
  std::optional<Principal> principal(RequestContext& c) const;
  // For a state-changing request under a session: throws RequestError(403, "csrf", …) unless
  // the CSRF token (header X-CSRF-Token, or form field csrf_token) and Origin/Sec-Fetch-Site
  // check pass. Does nothing for an API token.
  void check_csrf(RequestContext& c, const Principal& p) const;

  // The CSRF token a page under the request's session puts in its forms; nullopt without a
  // session cookie.
  std::optional<std::string> csrf_token(const RequestContext& c) const;
  // Whether the request came over TLS: a trusted proxy's `X-Forwarded-Proto: https` says so
  // (Cadence itself speaks plain HTTP). Decides the cookie's Secure attribute.
  bool over_tls(const RequestContext& c) const;
  const SessionSettings& settings() const { return settings_; }

 private:
  std::optional<Principal> by_token(RequestContext& c, std::string_view token) const;
  std::optional<Principal> by_session(RequestContext& c, std::string_view token) const;

  SessionSettings settings_;
};

// Throws RequestError(403, "csrf", …) unless Sec-Fetch-Site says same-origin or, where a browser
// sends no Sec-Fetch-Site, Origin names the request's Host. Part of check_csrf; the login form,
// which has no session yet, asks it alone.
void check_same_origin(const HttpRequest& request);
// Whether two secrets are equal, in time that does not depend on where they differ.
bool same_secret(std::string_view a, std::string_view b);
// The session cookie's value, if the request has one.
std::optional<std::string> session_cookie(const HttpRequest& request);

}  // namespace cadence::web
