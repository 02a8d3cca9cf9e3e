#include "web/authentication.h"

#include "store/api_token_repository.h"
#include "store/session_repository.h"
#include "store/user_repository.h"
#include "web/request_body.h"
#include "web/request_error.h"

#include <openssl/crypto.h>

#include <algorithm>

namespace cadence::web {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x) == (y >= 'A' && y <= 'Z' ? y - 'A' + 'a' : y);
         });
}

// The token of `Authorization: Bearer <token>` (RFC 6750 §2.1; the scheme is case-insensitive).
std::optional<std::string_view> bearer_token(const HttpRequest& request) {
  const auto field = request.header("Authorization");
  if (!field) return std::nullopt;
  const auto blank = field->find(' ');
  if (blank == std::string_view::npos || !iequals(field->substr(0, blank), "Bearer")) return std::string_view();
  auto token = field->substr(blank + 1);
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  return token;
}

std::chrono::sys_seconds seconds_of(std::chrono::system_clock::time_point t) {
  return std::chrono::floor<std::chrono::seconds>(t);
}

// The host[:port] of an origin ("https://cadence.example.org" → "cadence.example.org").
std::string_view origin_host(std::string_view origin) {
  const auto scheme = origin.find("://");
  if (scheme == std::string_view::npos) return {};
  const auto name = origin.substr(0, scheme);
  if (name != "http" && name != "https") return {};
  return origin.substr(scheme + 3);
}

std::optional<std::string> submitted_csrf_token(const HttpRequest& request) {
  if (const auto header = request.header("X-CSRF-Token")) return std::string(*header);
  const auto type = request.header("Content-Type");
  if (!type) return std::nullopt;
  const auto media = media_type_of(*type);
  if (media != "application/x-www-form-urlencoded" && media != "multipart/form-data") return std::nullopt;
  return parse_body(*type, request.content).field("csrf_token");
}

}  // namespace

// Current browsers send Sec-Fetch-Site with every request, older ones at least Origin with every
// POST: a request with neither came from no page of Cadence's (scripts use API tokens instead).
void check_same_origin(const HttpRequest& request) {
  if (const auto site = request.header("Sec-Fetch-Site")) {
    if (*site != "same-origin")
      throw RequestError(403, "csrf", "the request came from another site (Sec-Fetch-Site: " + std::string(*site) + ")");
    return;
  }
  const auto origin = request.header("Origin");
  if (!origin) throw RequestError(403, "csrf", "the request names no Origin and no Sec-Fetch-Site");
  const auto host = request.header("Host");
  if (!host || origin_host(*origin) != *host)
    throw RequestError(403, "csrf", "the request's Origin is not this site");
}

bool same_secret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::optional<std::string> session_cookie(const HttpRequest& request) {
  for (auto& [name, value] : request.cookies())
    if (name == kSessionCookie) return value;
  return std::nullopt;
}

Authentication::Authentication(SessionSettings settings) : settings_(std::move(settings)) {}

std::optional<Principal> Authentication::principal(RequestContext& c) const {
  if (const auto token = bearer_token(c.request)) return token->empty() ? std::nullopt : by_token(c, *token);
  if (const auto cookie = session_cookie(c.request)) return by_session(c, *cookie);
  return std::nullopt;
}

std::optional<Principal> Authentication::by_token(RequestContext& c, std::string_view token) const {
  auto db = c.db();
  store::ApiTokenRepository tokens(*db);
  const auto match = tokens.resolve(token);
  if (!match) return std::nullopt;
  auto principal = store::UserRepository(*db).principal(match->user_id);
  if (!principal) return std::nullopt;
  tokens.touch(match->id, seconds_of(c.now));
  principal->via = Principal::Via::kApiToken;
  return principal;
}

std::optional<Principal> Authentication::by_session(RequestContext& c, std::string_view token) const {
  auto db = c.db();
  store::SessionRepository sessions(*db);
  const auto session = sessions.resolve(token);
  if (!session) return std::nullopt;
  const auto at = seconds_of(c.now);
  if (at - session->created_at >= settings_.absolute) {
    sessions.end(session->id, "expired");
    return std::nullopt;
  }
  if (at - session->last_seen_at >= settings_.idle) {
    sessions.end(session->id, "idle");
    return std::nullopt;
  }
  auto principal = store::UserRepository(*db).principal(session->user_id);
  if (!principal) return std::nullopt;
  sessions.touch(session->id, at);
  principal->via = Principal::Via::kSession;
  principal->session_id = session->id;
  return principal;
}

void Authentication::check_csrf(RequestContext& c, const Principal& p) const {
  if (p.via != Principal::Via::kSession) return;
  check_same_origin(c.request);
  const auto cookie = session_cookie(c.request);
  const auto submitted = submitted_csrf_token(c.request);
  if (!cookie || !submitted) throw RequestError(403, "csrf", "the request carries no CSRF token");
  if (!same_secret(*submitted, store::SessionRepository::csrf_token(*cookie)))
    throw RequestError(403, "csrf", "the request's CSRF token is not its session's");
}

std::optional<std::string> Authentication::csrf_token(const RequestContext& c) const {
  const auto cookie = session_cookie(c.request);
  if (!cookie) return std::nullopt;
  return store::SessionRepository::csrf_token(*cookie);
}

bool Authentication::over_tls(const RequestContext& c) const {
  const auto& proxies = settings_.trusted_proxies;
  if (std::find(proxies.begin(), proxies.end(), c.request.remote) == proxies.end()) return false;
  const auto proto = c.request.header("X-Forwarded-Proto");
  return proto && iequals(*proto, "https");
}

}  // namespace cadence::web
