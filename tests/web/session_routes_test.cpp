// Logging in to a real `cadence serve`, on both backends: the cookie and its attributes, using
// it, logging out, idle expiry, throttling, CSRF refusals, a disabled user's session ended, and
// no secret in the server's log or in the database.
#include "cli/cli_runner.h"
#include "serve_process.h"
#include "support/test_database.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/String.h>

#include <date/date.h>

#include <gtest/gtest.h>

#include <regex>
#include <tuple>

namespace cadence::testing {
namespace {

constexpr const char* kPassword = "correct horse battery staple";

struct Reply {
  int status = 0;
  std::multimap<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
  // The Set-Cookie field that sets `name`, "" if none.
  std::string set_cookie(const std::string& name) const {
    for (auto [it, end] = headers.equal_range("set-cookie"); it != end; ++it)
      if (it->second.starts_with(name + "=")) return it->second;
    return "";
  }
};

// A cookie's value from its Set-Cookie field.
std::string cookie_value(const std::string& set_cookie) {
  const auto eq = set_cookie.find('=');
  return set_cookie.substr(eq + 1, set_cookie.find(';') - eq - 1);
}

std::string form_token(const std::string& page) {
  std::smatch m;
  if (!std::regex_search(page, m, std::regex(R"(name="csrf_token" value="([0-9a-f]+)\")"))) return "";
  return m[1];
}

std::string percent_encoded(const std::string& text) {
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_') out += static_cast<char>(c);
    else out += "%" + std::string(1, "0123456789ABCDEF"[c >> 4]) + "0123456789ABCDEF"[c & 15];
  }
  return out;
}

class SessionServeTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    cli.dir().write("units.csv",
                    "id,parent,name,type,secretary_email,admin_emails,timezone\n"
                    "town,,Town,branch,,,Asia/Shanghai\n");
    ASSERT_EQ(run({"units", "import", "units.csv"}).code, 0);
    cli.dir().write("pw.txt", std::string(kPassword) + "\n");
    const auto added = run({"user", "add", "wang@example.org", "--unit", "town", "--role", "secretary",
                            "--password-file", cli.dir().file("pw.txt")});
    ASSERT_EQ(added.code, 0) << added.err;
    cli.dir().write("cadence.toml", "[accounts]\nsession_idle_minutes = 30\ntrusted_proxies = [\"127.0.0.1\"]\n");
    ASSERT_TRUE(server.start({"--db", database.uri(), "--config", cli.dir().file("cadence.toml"), "--rules",
                              CADENCE_SOURCE_DIR "/rules", "--calendars", CADENCE_SOURCE_DIR "/calendars"},
                             cli.dir().file("serve.log")))
        << server.log();
  }
  void TearDown() override {
    if (server.running()) server.stop(std::chrono::seconds(20));
  }

  CliResult run(std::vector<std::string> args) const {
    args.push_back("--db=" + database.uri());
    return cli.run(args);
  }

  // One request on its own connection, as sent (Host and Connection: close added).
  Reply request(const std::string& method, const std::string& path, const std::vector<std::string>& headers = {},
                const std::string& body = "") const {
    std::string bytes = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n";
    for (const auto& h : headers) bytes += h + "\r\n";
    if (!body.empty())
      bytes += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    bytes += "\r\n" + body;
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", server.port()));
    socket.setReceiveTimeout(Poco::Timespan(20, 0));
    socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
    std::string out;
    char buffer[4096];
    for (int n; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
    return parse(out);
  }
  static Reply parse(const std::string& out) {
    Reply r;
    const auto head_end = out.find("\r\n\r\n");
    std::istringstream head(out.substr(0, head_end));
    std::string line;
    std::getline(head, line);
    r.status = std::stoi(line.substr(9, 3));
    while (std::getline(head, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const auto colon = line.find(':');
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      r.headers.emplace(name, line.substr(line.find_first_not_of(' ', colon + 1)));
    }
    r.body = out.substr(head_end + 4);
    return r;
  }

  // The login form's cookie and CSRF token.
  std::pair<std::string, std::string> login_form() const {
    const auto page = request("GET", "/login");
    EXPECT_EQ(page.status, 200);
    return {"__Host-cadence-login=" + cookie_value(page.set_cookie("__Host-cadence-login")), form_token(page.body)};
  }
  Reply login(const std::string& email, const std::string& password, std::vector<std::string> headers = {}) const {
    const auto [cookie, token] = login_form();
    headers.push_back("Cookie: " + cookie);
    headers.push_back("Origin: http://" + host);
    return request("POST", "/login", headers,
                   "email=" + percent_encoded(email) + "&password=" + percent_encoded(password) + "&csrf_token=" + token);
  }
  // The session cookie ("__Host-cadence-session=…") a successful login set.
  std::string session_of(const Reply& login) const {
    EXPECT_EQ(login.status, 303) << login.body;
    return "__Host-cadence-session=" + cookie_value(login.set_cookie("__Host-cadence-session"));
  }
  // Whom GET /login says is signed in under `cookie` ("" for nobody), and its logout token.
  std::pair<std::string, std::string> signed_in(const std::string& cookie) const {
    const auto page = request("GET", "/login", {"Cookie: " + cookie});
    std::smatch m;
    if (!std::regex_search(page.body, m, std::regex("Signed in as <strong>([^<]+)</strong>"))) return {"", ""};
    return {m[1], form_token(page.body)};
  }
  std::string query(const std::string& sql) const {
    const auto out = cli.dir().file("query.out");
    const std::string command = (GetParam() == Backend::sqlite ? "sqlite3 " + shell_quote(database.uri())
                                                                : "psql -qtA " + shell_quote(database.uri())) +
                                (GetParam() == Backend::sqlite ? " " : " -c ") + shell_quote(sql) + " >" + shell_quote(out) + " 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << CliRunner::slurp(out);
    return CliRunner::slurp(out);
  }
  // Every row of the database as text.
  std::string dump() const {
    const auto out = cli.dir().file("dump.out");
    const std::string command = (GetParam() == Backend::sqlite ? "sqlite3 " + shell_quote(database.uri()) + " .dump"
                                                                : "pg_dump " + shell_quote(database.uri())) +
                                " >" + shell_quote(out) + " 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << CliRunner::slurp(out);
    return CliRunner::slurp(out);
  }

  CliRunner cli;
  TestDatabase database{GetParam()};
  ServeProcess server;
  std::string host = "127.0.0.1";  // what requests name in Host
};

INSTANTIATE_TEST_SUITE_P(Backends, SessionServeTest, CADENCE_BOTH_BACKENDS);

TEST_P(SessionServeTest, LoginSetsAStrictHostCookieThatWorksUntilLogout) {
  const auto reply = login("Wang@example.org", kPassword);
  const auto set = reply.set_cookie("__Host-cadence-session");
  EXPECT_NE(set.find("; Path=/"), std::string::npos) << set;
  EXPECT_NE(set.find("; HttpOnly"), std::string::npos) << set;
  EXPECT_NE(set.find("; SameSite=Strict"), std::string::npos) << set;
  EXPECT_NE(set.find("; Secure"), std::string::npos) << set;  // a loopback host: browsers keep it
  EXPECT_EQ(set.find("Domain"), std::string::npos) << set;
  EXPECT_EQ(reply.header("location"), "/");
  const auto cookie = session_of(reply);
  const auto [who, token] = signed_in(cookie);
  EXPECT_EQ(who, "wang@example.org");
  const auto out = request("POST", "/logout", {"Cookie: " + cookie, "Origin: http://127.0.0.1"}, "csrf_token=" + token);
  EXPECT_EQ(out.status, 303);
  EXPECT_NE(out.set_cookie("__Host-cadence-session").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(signed_in(cookie).first, "");
  EXPECT_EQ(query("SELECT end_reason FROM sessions"), "logout\n");
  EXPECT_EQ(query("SELECT action FROM audit WHERE entity = 'login' ORDER BY id"), "success\nlogout\n");
}

TEST_P(SessionServeTest, OverPlainHttpToAnotherHostTheCookieIsNotSecureAndThePageSaysWhy) {
  host = "cadence.example.org";
  const auto page = request("GET", "/login");
  EXPECT_EQ(page.set_cookie("__Host-cadence-login").find("Secure"), std::string::npos);
  EXPECT_NE(page.body.find("use https"), std::string::npos) << page.body;
  host = "localhost:8080";
  EXPECT_EQ(request("GET", "/login").body.find("use https"), std::string::npos);
}

TEST_P(SessionServeTest, BehindATrustedTlsProxyTheCookieIsSecure) {
  host = "cadence.example.org";
  const auto reply = login("wang@example.org", kPassword, {"X-Forwarded-Proto: https"});
  EXPECT_NE(reply.set_cookie("__Host-cadence-session").find("; Secure"), std::string::npos)
      << reply.set_cookie("__Host-cadence-session");
}

TEST_P(SessionServeTest, EveryLoginGetsANewSession) {
  const auto first = session_of(login("wang@example.org", kPassword));
  const auto second = session_of(login("wang@example.org", kPassword, {"Cookie: " + first}));
  EXPECT_NE(first, second);
  EXPECT_EQ(signed_in(first).first, "");  // the one the browser had ended at the new login
  EXPECT_EQ(signed_in(second).first, "wang@example.org");
}

// The session's times moved back, as a clock moved on would leave them: the server's clock
// stays the real one, and nobody waits half an hour.
TEST_P(SessionServeTest, AnIdleSessionEndsAndSoDoesAnOldOne) {
  const auto ago = [](std::chrono::minutes m) {
    return date::format("%Y-%m-%dT%H:%M:%SZ", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now() - m));
  };
  const auto idle = session_of(login("wang@example.org", kPassword));
  ASSERT_EQ(signed_in(idle).first, "wang@example.org");
  query("UPDATE sessions SET last_seen_at = '" + ago(std::chrono::minutes(31)) + "'");
  EXPECT_EQ(signed_in(idle).first, "");
  EXPECT_EQ(query("SELECT end_reason FROM sessions"), "idle\n");
  const auto old = session_of(login("wang@example.org", kPassword));
  query("UPDATE sessions SET created_at = '" + ago(std::chrono::hours(12)) + "' WHERE ended_at IS NULL");
  EXPECT_EQ(signed_in(old).first, "");
  EXPECT_EQ(query("SELECT end_reason FROM sessions ORDER BY id"), "idle\nexpired\n");
}

TEST_P(SessionServeTest, AUnknownEmailIsAnsweredAsAWrongPasswordAndFailuresAreThrottled) {
  const auto wrong = login("wang@example.org", "not the password");
  const auto unknown = login("nobody@example.org", "not the password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  const std::regex token(R"(value="[0-9a-f]+")");
  EXPECT_EQ(std::regex_replace(wrong.body, token, ""), std::regex_replace(unknown.body, token, ""));
  for (int i = 1; i < 5; ++i) EXPECT_EQ(login("wang@example.org", "not the password").status, 401) << i;
  // Six more failures, as a minute of patient guessing would leave them: with eleven the next
  // attempt waits a minute, the longest wait, which no slow machine outlasts before the next
  // request. Even the right password waits then.
  const auto now = date::format("%Y-%m-%dT%H:%M:%SZ", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  for (int i = 0; i < 6; ++i) query("INSERT INTO login_failures (email, at) VALUES ('wang@example.org', '" + now + "')");
  const auto throttled = login("wang@example.org", kPassword);
  EXPECT_EQ(throttled.status, 429);
  const auto retry_after = throttled.header("retry-after");
  ASSERT_FALSE(retry_after.empty());
  EXPECT_GT(std::stoi(retry_after), 0);
  EXPECT_LE(std::stoi(retry_after), 60);
  EXPECT_EQ(throttled.set_cookie("__Host-cadence-session"), "");
  EXPECT_EQ(query("SELECT action, COUNT(*) FROM audit WHERE entity = 'login' GROUP BY action ORDER BY action"),
            "failure|6\nthrottled|1\n");
  EXPECT_EQ(query("SELECT COUNT(*) FROM audit WHERE entity = 'login' AND entity_id = 'nobody@example.org'"), "1\n");
  // Another account is not throttled by these.
  EXPECT_EQ(login("nobody@example.org", "not the password").status, 401);
}

TEST_P(SessionServeTest, CsrfIsRefused) {
  // The login form without its cookie, or from another site.
  const auto [cookie, token] = login_form();
  const std::string body = "email=wang%40example.org&password=" + percent_encoded(kPassword) + "&csrf_token=" + token;
  EXPECT_EQ(request("POST", "/login", {"Origin: http://127.0.0.1"}, body).status, 403);
  EXPECT_EQ(request("POST", "/login", {"Cookie: " + cookie, "Origin: https://evil.example"}, body).status, 403);
  EXPECT_EQ(request("POST", "/login", {"Cookie: " + cookie, "Sec-Fetch-Site: cross-site"}, body).status, 403);
  // Logout without the session's token, or with another's.
  const auto session = session_of(login("wang@example.org", kPassword));
  const auto other = signed_in(session_of(login("wang@example.org", kPassword))).second;
  EXPECT_EQ(request("POST", "/logout", {"Cookie: " + session, "Origin: http://127.0.0.1"}, "x=1").status, 403);
  EXPECT_EQ(request("POST", "/logout", {"Cookie: " + session, "Origin: http://127.0.0.1"}, "csrf_token=" + other).status,
            403);
  EXPECT_EQ(signed_in(session).first, "wang@example.org");
}

// Every route that changes state — each of the API's, read from its OpenAPI document (made from
// the route table), and each form of the pages — refuses a session whose request carries no
// CSRF token, another session's, or comes from another site; nothing is written.
TEST_P(SessionServeTest, EveryStateChangingRouteRefusesASessionWithoutItsCsrfToken) {
  const auto recorded = run({"records", "add", "--unit", "town", "--rule", "branch-committee-meeting", "--date", "2026-05-12",
                             "--rules", CADENCE_SOURCE_DIR "/rules", "--calendars", CADENCE_SOURCE_DIR "/calendars"});
  ASSERT_EQ(recorded.code, 0) << recorded.err;
  const auto rid = query("SELECT id FROM records");
  const auto session = session_of(login("wang@example.org", kPassword));
  const auto token = signed_in(session).second;
  const auto other = signed_in(session_of(login("wang@example.org", kPassword))).second;
  ASSERT_FALSE(token.empty());
  const auto spec = request("GET", "/api/v1/openapi.json", {"Cookie: " + session});
  ASSERT_EQ(spec.status, 200);
  const auto paths = Poco::JSON::Parser().parse(spec.body).extract<Poco::JSON::Object::Ptr>()->getObject("paths");
  std::vector<std::pair<std::string, std::string>> routes{
      {"POST", "/units/town/feed"},         {"POST", "/units/town/records"},     {"POST", "/records/{rid}"},
      {"POST", "/records/{rid}/return"},    {"POST", "/records/{rid}/evidence"}, {"POST", "/records/{rid}/delete"},
      {"POST", "/users/1/password"},        {"POST", "/logout"}};
  const std::size_t page_routes = routes.size();
  for (const auto& path : paths->getNames())
    for (const auto& method : paths->getObject(path)->getNames())
      if (method != "get") routes.emplace_back(Poco::toUpper(method), path);
  // What the routes would write (a session's last_seen_at moves with every request it makes).
  const auto written = [&] {
    return query("SELECT COUNT(*) FROM records") + query("SELECT COUNT(*) FROM record_evidence") +
           query("SELECT COUNT(*) FROM feed_tokens") + query("SELECT password_hash FROM users") +
           query("SELECT COUNT(*) FROM audit WHERE entity <> 'login'") + query("SELECT status FROM records");
  };
  const std::string before = written();
  for (auto [method, path] : routes) {
    const std::vector<std::pair<std::string, std::string>> parameters{
        {"{id}", "town"}, {"{rid}", rid.substr(0, rid.find('\n'))}, {"{uid}", "1"}, {"{tid}", "1"}};
    for (const auto& [name, value] : parameters)
      if (const auto at = path.find(name); at != std::string::npos) path.replace(at, name.size(), value);
    const std::string same_site = "Origin: http://127.0.0.1", cookie = "Cookie: " + session;
    for (const auto& [why, headers, body] :
         {std::tuple<const char*, std::vector<std::string>, std::string>{"no token", {cookie, same_site}, "x=1"},
          {"another session's token", {cookie, same_site}, "csrf_token=" + other},
          {"another session's token in X-CSRF-Token", {cookie, same_site, "X-CSRF-Token: " + other}, ""},
          {"from another site", {cookie, "Origin: https://evil.example", "X-CSRF-Token: " + token}, ""},
          {"from another site (Sec-Fetch-Site)", {cookie, "Sec-Fetch-Site: cross-site", "X-CSRF-Token: " + token}, ""}}) {
      const auto reply = request(method, path, headers, body);
      EXPECT_EQ(reply.status, 403) << method << " " << path << ", " << why << ": " << reply.body;
      // Refused for that reason, not for another the route found first.
      EXPECT_NE(reply.body.find("csrf"), std::string::npos) << method << " " << path << ", " << why << ": " << reply.body;
    }
  }
  EXPECT_GE(routes.size(), page_routes + 5) << "the API's document lists its writing routes";
  EXPECT_EQ(written(), before) << "a refused request wrote nothing";
  EXPECT_EQ(signed_in(session).first, "wang@example.org");
  // With its own token, the same session writes.
  const auto added = request("POST", "/units/town/records", {"Cookie: " + session, "Origin: http://127.0.0.1"},
                             "csrf_token=" + token + "&rule=branch-committee-meeting&date=2026-06-16");
  EXPECT_EQ(added.status, 303) << added.body;
}

TEST_P(SessionServeTest, DisablingAUserEndsItsSessions) {
  const auto cookie = session_of(login("wang@example.org", kPassword));
  ASSERT_EQ(signed_in(cookie).first, "wang@example.org");
  ASSERT_EQ(run({"user", "disable", "wang@example.org"}).code, 0);
  EXPECT_EQ(signed_in(cookie).first, "");
  EXPECT_EQ(query("SELECT end_reason FROM sessions"), "disabled\n");
  EXPECT_EQ(login("wang@example.org", kPassword).status, 401);
  ASSERT_EQ(run({"user", "enable", "wang@example.org"}).code, 0);
  EXPECT_EQ(signed_in(cookie).first, "");
}

TEST_P(SessionServeTest, NoSecretReachesTheLogOrTheDatabase) {
  const auto token_reply = run({"user", "token", "wang@example.org"});
  ASSERT_EQ(token_reply.code, 0);
  const auto api_token = token_reply.out.substr(token_reply.out.find('\n') + 1, 43);
  const auto cookie = session_of(login("wang@example.org", kPassword));
  const auto session = cookie.substr(cookie.find('=') + 1);
  login("wang@example.org", "wrong password 123");
  signed_in(cookie);
  ASSERT_EQ(server.stop(std::chrono::seconds(20)), 0);
  const auto log = server.log();
  const auto rows = dump();
  ASSERT_NE(rows.find("wang@example.org"), std::string::npos);  // the dump is a dump
  for (const std::string& secret : {std::string(kPassword), std::string("wrong password 123"), api_token, session}) {
    EXPECT_EQ(log.find(secret), std::string::npos) << secret;
    EXPECT_EQ(rows.find(secret), std::string::npos) << secret;
  }
}

}  // namespace
}  // namespace cadence::testing
