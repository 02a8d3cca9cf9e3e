#include "web/session_routes.h"

#include "json/json_writer.h"
#include "store/audit_log.h"
#include "store/login_throttle.h"
#include "store/secret_token.h"
#include "store/session_repository.h"
#include "store/user_repository.h"
#include "web/error_response.h"
#include "web/http_text.h"
#include "web/password_hash.h"
#include "web/request_body.h"
#include "web/request_error.h"

#include <sstream>

namespace cadence::web {

namespace {

using std::chrono::sys_seconds;

// Whether the request names this host by a loopback name: browsers take a Secure cookie from
// http://localhost and http://127.0.0.1 as from https, so the demo signs in without a proxy.
bool loopback_host(const HttpRequest& request) {
  auto host = request.header("Host").value_or("");
  if (host.starts_with("[::1]")) return true;
  host = host.substr(0, host.find(':'));
  return iequals(host, "localhost") || host == "127.0.0.1";
}

// A `__Host-` cookie without Secure is dropped by browsers, so it is Secure wherever a browser
// would keep it: over TLS (a trusted proxy says so) and on a loopback host.
CookieAttributes cookie_attributes(const Authentication& auth, const RequestContext& c,
                                   std::optional<std::chrono::seconds> max_age) {
  CookieAttributes a;
  a.secure = auth.over_tls(c) || loopback_host(c.request);
  a.same_site = "Strict";
  a.max_age = max_age;
  return a;
}

std::optional<std::string> cookie(const HttpRequest& request, std::string_view name) {
  for (auto& [n, v] : request.cookies())
    if (n == name) return v;
  return std::nullopt;
}

HttpResponse login_page(const Authentication& auth, const RequestContext& c, int status, std::string_view message) {
  const auto secret = store::random_token();
  HttpResponse r;
  r.status = status;
  r.set("Content-Type", "text/html; charset=utf-8");
  r.set("Cache-Control", "no-store");
  r.set_cookie(kLoginCookie, secret, cookie_attributes(auth, c, std::chrono::hours(1)));
  r.text = "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>登录 Sign in</title></head>\n"
           "<body><h1>登录 Sign in</h1>\n";
  if (!message.empty()) r.text += "<p role=\"alert\">" + html_escape(message) + "</p>\n";
  if (!cookie_attributes(auth, c, std::nullopt).secure)
    r.text += "<p role=\"alert\">此地址为明文 HTTP，浏览器不会保存登录 Cookie：请通过 https 访问（或在本机用 localhost）。"
              " Over plain HTTP browsers drop the sign-in cookie: use https (or localhost on this machine).</p>\n";
  r.text += "<form method=\"post\" action=\"/login\">\n"
            "<input type=\"hidden\" name=\"csrf_token\" value=\"" + html_escape(store::SessionRepository::csrf_token(secret)) +
            "\">\n<label>Email <input type=\"email\" name=\"email\" autocomplete=\"username\" required></label>\n"
            "<label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\" required></label>\n"
            "<button type=\"submit\">登录 Sign in</button>\n</form>\n"
            "<details class=\"forgot\"><summary>忘记密码？ Forgot your password?</summary><p>请联系上级单位的管理员，"
            "在“用户”页面为你重置密码。 Ask an administrator above your unit: they reset it on their Users page."
            "</p></details></body></html>\n";
  return r;
}

// GET /login under a live session: who is signed in, and the logout form with its CSRF token.
HttpResponse signed_in_page(const Principal& p, const std::string& csrf_token) {
  HttpResponse r;
  r.set("Content-Type", "text/html; charset=utf-8");
  r.set("Cache-Control", "no-store");
  r.text = "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>已登录 Signed in</title></head>\n"
           "<body><p>已登录 Signed in as <strong>" + html_escape(p.email) + "</strong></p>\n"
           "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf_token\" value=\"" +
           html_escape(csrf_token) + "\"><button type=\"submit\">退出 Sign out</button></form></body></html>\n";
  return r;
}

HttpResponse get_login(const Authentication& auth, RequestContext& c) {
  if (const auto p = auth.principal(c); p && p->via == Principal::Via::kSession)
    return signed_in_page(*p, *auth.csrf_token(c));
  return login_page(auth, c, 200, "");
}

// The login form's own CSRF check: its token is derived from the pre-session cookie.
void check_login_csrf(const RequestContext& c, const RequestBody& body) {
  check_same_origin(c.request);
  const auto secret = cookie(c.request, kLoginCookie);
  const auto submitted = body.field("csrf_token");
  if (!secret || !submitted || !same_secret(*submitted, store::SessionRepository::csrf_token(*secret)))
    throw RequestError(403, "csrf", "the login form's CSRF token is missing or not this browser's: reload the form");
}

// A login attempt in the audit log: who it claimed to be, and from where.
void audit(store::Database& db, const std::string& email, std::string_view action, const RequestContext& c) {
  std::ostringstream after;
  json::JsonWriter(after).begin_object().field("address", c.request.remote).end_object().flush();
  store::AuditLog(db).append({0, db.now(), email, std::string(action), "login", email, std::nullopt, after.str()});
}

std::string required_field(const RequestBody& body, const char* name) {
  auto value = body.field(name);
  if (!value || value->empty()) throw RequestError(400, name, std::string(name) + " is required");
  if (value->size() > 4096) throw RequestError(400, name, std::string(name) + " is longer than 4096 bytes");
  return *value;
}

// What the database says of a login's email: its user, if enabled and with a password.
struct Account {
  std::optional<store::User> user;
  std::optional<std::string> hash;
};

Account account_of(store::Database& db, const std::string& email) {
  store::UserRepository users(db);
  Account a;
  a.user = users.find(email);
  if (a.user && !a.user->disabled_at) a.hash = users.password_hash(a.user->id);
  return a;
}

// Whether `password` is the account's, after the same work for an account that has none.
bool password_matches(const Account& account, const std::string& password) {
  if (!account.hash) {
    spend_password_time(password);
    return false;
  }
  return verify_password(password, *account.hash);
}

HttpResponse signed_in(const Authentication& auth, RequestContext& c, store::Database& db, const store::User& user) {
  store::SessionRepository sessions(db);
  // A new session at every login: one the browser already had (perhaps planted) ends here.
  if (const auto old = session_cookie(c.request))
    if (const auto open = sessions.resolve(*old)) sessions.end(open->id, "login");
  const auto session = sessions.start(user.id);
  HttpResponse r;
  r.status = 303;
  r.set("Location", "/");
  r.set("Cache-Control", "no-store");
  r.set_cookie(kSessionCookie, session.token, cookie_attributes(auth, c, std::nullopt));
  r.set_cookie(kLoginCookie, "", cookie_attributes(auth, c, std::chrono::seconds(0)));
  return r;
}

HttpResponse throttled(const Authentication& auth, const RequestContext& c, std::chrono::seconds wait) {
  auto r = login_page(auth, c, 429, "Too many failed logins for this account: try again in a minute.");
  r.set("Retry-After", std::to_string(wait.count()));
  return r;
}

HttpResponse post_login(const Authentication& auth, RequestContext& c) {
  const auto body = parse_body(c.request.header("Content-Type").value_or(""), c.request.content);
  check_login_csrf(c, body);
  const auto email = store::UserRepository::normalise_email(required_field(body, "email"));
  const auto password = required_field(body, "password");
  const auto at = std::chrono::floor<std::chrono::seconds>(c.now);
  Account account;
  {
    auto db = c.db();
    if (const auto until = store::LoginThrottle(*db).blocked_until(email, at)) {
      audit(*db, email, "throttled", c);
      return throttled(auth, c, *until - at);
    }
    account = account_of(*db, email);
  }
  // The key derivation (a third of a second) holds no database connection.
  const bool matches = password_matches(account, password);
  auto db = c.db();
  if (!matches) {
    store::LoginThrottle(*db).failed(email, at);
    audit(*db, email, "failure", c);
    return login_page(auth, c, 401, "Wrong email or password.");
  }
  store::LoginThrottle(*db).succeeded(email);
  if (needs_rehash(*account.hash)) store::UserRepository(*db).set_password_hash(email, hash_password(password), email);
  audit(*db, email, "success", c);
  return signed_in(auth, c, *db, *account.user);
}

HttpResponse post_logout(const Authentication& auth, RequestContext& c) {
  HttpResponse r;
  r.status = 303;
  r.set("Location", "/login");
  r.set("Cache-Control", "no-store");
  if (const auto p = auth.principal(c); p && p->via == Principal::Via::kSession) {
    auth.check_csrf(c, *p);
    auto db = c.db();
    store::SessionRepository(*db).end(p->session_id, "logout");
    audit(*db, p->email, "logout", c);
  }
  r.set_cookie(kSessionCookie, "", cookie_attributes(auth, c, std::chrono::seconds(0)));
  return r;
}

}  // namespace

void add_session_routes(Router& router, const Authentication& auth) {
  router.add("GET", "/login", [&auth](RequestContext& c) { return get_login(auth, c); });
  router.add("POST", "/login", [&auth](RequestContext& c) { return post_login(auth, c); });
  router.add("POST", "/logout", [&auth](RequestContext& c) { return post_logout(auth, c); });
}

}  // namespace cadence::web
