// Who a request speaks for, on both backends: API tokens, sessions and their expiry, disabled
// users, and the CSRF and Origin checks of a state-changing request under a session.
#include "web/authentication.h"

#include "store/api_token_repository.h"
#include "store/session_repository.h"
#include "store/store_fixture.h"
#include "store/unit_repository.h"
#include "store/user_repository.h"
#include "web/request_error.h"

namespace cadence::web {
namespace {

using store::test::StoreTest;

class AuthenticationTest : public StoreTest {
 protected:
  AuthenticationTest() {
    store::UnitRepository(db).upsert({Unit{"town", "", "Town", "branch", "", {}, kDefaultTimeZone, {}, {}}}, "t");
    user = store::UserRepository(db).add("a@example.org", {"town", Role::kSecretary}, std::nullopt, "t").id;
  }

  // What `request` stands for, asked at `at`.
  std::optional<Principal> principal_of(const HttpRequest& request, std::chrono::system_clock::time_point at) {
    Outcome outcome;
    RequestContext c{request, params, at, &pool, outcome};
    return auth.principal(c);
  }
  // The 403's message, or "" when check_csrf lets the request through.
  std::string csrf_refusal(const HttpRequest& request, const Principal& p) {
    Outcome outcome;
    RequestContext c{request, params, start, &pool, outcome};
    try {
      auth.check_csrf(c, p);
      return "";
    } catch (const RequestError& e) {
      EXPECT_EQ(e.status(), 403);
      EXPECT_EQ(e.field(), "csrf");
      return e.what();
    }
  }
  static HttpRequest request(std::vector<std::pair<std::string, std::string>> headers) {
    HttpRequest r;
    r.method = "POST";
    r.path = "/logout";
    r.headers = std::move(headers);
    return r;
  }

  std::int64_t user = 0;
  DatabaseSessions pool{uri(), 2};
  Authentication auth{SessionSettings{std::chrono::minutes(30), std::chrono::hours(12), {"10.0.0.1"}}};
  RouteParams params;
  std::chrono::system_clock::time_point start = db.now();
};

TEST_P(AuthenticationTest, ABearerTokenSpeaksForItsUserUntilRevoked) {
  const auto issued = store::ApiTokenRepository(db).issue(user, "", "t");
  const std::string field = "Bearer " + issued.token;
  const auto p = principal_of(request({{"Authorization", field}}), start);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->user_id, user);
  EXPECT_EQ(p->email, "a@example.org");
  EXPECT_EQ(p->via, Principal::Via::kApiToken);
  EXPECT_EQ(p->grants, (std::vector<Grant>{{"town", Role::kSecretary}}));
  EXPECT_EQ(store::ApiTokenRepository(db).list()[0].last_used_at, std::chrono::floor<std::chrono::seconds>(start));
  const std::string lower = "bearer " + issued.token;
  EXPECT_TRUE(principal_of(request({{"Authorization", lower}}), start));
  EXPECT_FALSE(principal_of(request({{"Authorization", "Bearer nonsense"}}), start));
  EXPECT_FALSE(principal_of(request({{"Authorization", "Basic YTpi"}}), start));
  EXPECT_FALSE(principal_of(request({}), start));
  store::ApiTokenRepository(db).revoke(issued.id, "t");
  EXPECT_FALSE(principal_of(request({{"Authorization", field}}), start));
}

TEST_P(AuthenticationTest, ADisabledUsersTokenIsRefused) {
  const auto issued = store::ApiTokenRepository(db).issue(user, "", "t");
  const std::string field = "Bearer " + issued.token;
  store::UserRepository(db).disable("a@example.org", "t");
  EXPECT_FALSE(principal_of(request({{"Authorization", field}}), start));
  store::UserRepository(db).enable("a@example.org", "t");
  EXPECT_TRUE(principal_of(request({{"Authorization", field}}), start));
}

TEST_P(AuthenticationTest, ASessionLastsWhileUsedAndEndsWhenIdle) {
  const auto session = store::SessionRepository(db).start(user);
  const std::string cookie = std::string(kSessionCookie) + "=" + session.token;
  const auto p = principal_of(request({{"Cookie", cookie}}), start + std::chrono::minutes(29));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->via, Principal::Via::kSession);
  EXPECT_EQ(p->session_id, session.id);
  // Used at minute 29, so idle counts from there.
  EXPECT_TRUE(principal_of(request({{"Cookie", cookie}}), start + std::chrono::minutes(58)));
  EXPECT_FALSE(principal_of(request({{"Cookie", cookie}}), start + std::chrono::minutes(88)));
  // Ended, not merely refused: it stays refused at any later time.
  EXPECT_EQ(text("SELECT end_reason FROM sessions"), "idle");
  EXPECT_FALSE(principal_of(request({{"Cookie", cookie}}), start + std::chrono::minutes(89)));
}

TEST_P(AuthenticationTest, ASessionEndsAtItsAbsoluteLimitHoweverBusy) {
  const auto session = store::SessionRepository(db).start(user);
  const std::string cookie = std::string(kSessionCookie) + "=" + session.token;
  for (int minutes = 20; minutes < 12 * 60; minutes += 20)
    ASSERT_TRUE(principal_of(request({{"Cookie", cookie}}), start + std::chrono::minutes(minutes))) << minutes;
  EXPECT_FALSE(principal_of(request({{"Cookie", cookie}}), start + std::chrono::hours(12)));
  EXPECT_EQ(text("SELECT end_reason FROM sessions"), "expired");
}

TEST_P(AuthenticationTest, CsrfNeedsTheSessionsTokenAndThisOrigin) {
  const auto session = store::SessionRepository(db).start(user);
  const std::string cookie = std::string(kSessionCookie) + "=" + session.token;
  const auto p = *principal_of(request({{"Cookie", cookie}}), start);
  const auto token = store::SessionRepository::csrf_token(session.token);
  const std::string wrong = store::SessionRepository::csrf_token(session.token + "x");
  EXPECT_EQ(csrf_refusal(request({{"Cookie", cookie}, {"Host", "c.example.org"}, {"Origin", "https://c.example.org"},
                                  {"X-CSRF-Token", token}}),
                         p),
            "");
  EXPECT_EQ(csrf_refusal(request({{"Cookie", cookie}, {"Sec-Fetch-Site", "same-origin"}, {"X-CSRF-Token", token}}), p), "");
  EXPECT_NE(csrf_refusal(request({{"Cookie", cookie}, {"Sec-Fetch-Site", "same-origin"}}), p), "");
  EXPECT_NE(csrf_refusal(request({{"Cookie", cookie}, {"Sec-Fetch-Site", "same-origin"}, {"X-CSRF-Token", wrong}}), p), "");
  EXPECT_NE(csrf_refusal(request({{"Cookie", cookie}, {"Sec-Fetch-Site", "cross-site"}, {"X-CSRF-Token", token}}), p), "");
  EXPECT_NE(csrf_refusal(request({{"Cookie", cookie}, {"Host", "c.example.org"}, {"Origin", "https://evil.example"},
                                  {"X-CSRF-Token", token}}),
                         p),
            "");
  EXPECT_NE(csrf_refusal(request({{"Cookie", cookie}, {"X-CSRF-Token", token}}), p), "");
}

TEST_P(AuthenticationTest, CsrfReadsTheFormFieldAndLetsApiTokensThrough) {
  const auto session = store::SessionRepository(db).start(user);
  const std::string cookie = std::string(kSessionCookie) + "=" + session.token;
  const auto p = *principal_of(request({{"Cookie", cookie}}), start);
  const std::string form = "note=x&csrf_token=" + store::SessionRepository::csrf_token(session.token);
  auto r = request({{"Cookie", cookie}, {"Sec-Fetch-Site", "same-origin"},
                    {"Content-Type", "application/x-www-form-urlencoded"}});
  r.content = form;
  EXPECT_EQ(csrf_refusal(r, p), "");
  Principal script = p;
  script.via = Principal::Via::kApiToken;
  EXPECT_EQ(csrf_refusal(request({}), script), "");
}

TEST_P(AuthenticationTest, OnlyATrustedProxySaysTheRequestCameOverTls) {
  Outcome outcome;
  auto r = request({{"X-Forwarded-Proto", "https"}});
  RequestContext c{r, params, start, &pool, outcome};
  r.remote = "10.0.0.1";
  EXPECT_TRUE(auth.over_tls(c));
  r.remote = "10.0.0.2";
  EXPECT_FALSE(auth.over_tls(c));
  r.remote = "10.0.0.1";
  r.headers = {{"X-Forwarded-Proto", "http"}};
  EXPECT_FALSE(auth.over_tls(c));
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthenticationTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::web
