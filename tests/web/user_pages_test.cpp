// "Forgot password" as an administrator's reset (page_fixture.h): who is listed for whom, the
// new password shown once signs in, and a reset ends the sessions the user had.
#include "page_fixture.h"

namespace cadence::testing {
namespace {

class UserPagesTest : public PageFixture {
 protected:
  // Signs in through the login form as a browser does; the session cookie, or "" when refused.
  std::string sign_in(const std::string& email, const std::string& password) {
    const auto form = get("/login", "");
    const auto cookie = form.header("Set-Cookie").substr(0, form.header("Set-Cookie").find(';'));
    const auto at = form.body.find("name=\"csrf_token\" value=\"") + 25;
    const auto csrf = form.body.substr(at, form.body.find('"', at) - at);
    const auto origin = "http://127.0.0.1:" + std::to_string(server.port());
    const auto reply = api_request(server.port(), "POST", "/login", "", "csrf_token=" + csrf + "&email=" + email + "&password=" + password,
                                   {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookie}, {"Origin", origin}});
    if (reply.status != 303) return "";
    for (const auto& set : reply.set_cookies)
      if (set.starts_with("__Host-cadence-session=")) return set.substr(0, set.find(';'));
    return "";
  }
  static std::string new_password(const std::string& html) {
    const auto at = html.find("<code class=\"password\">");
    return at == std::string::npos ? "" : html.substr(at + 23, 12);
  }
  int status_with(const std::string& cookie, const std::string& path) {
    return api_request(server.port(), "GET", path, "", "", {{"Cookie", cookie}}).status;
  }
};

TEST_P(UserPagesTest, AnAdministratorListsOnlyTheUsersBelowIt) {
  const auto page = get("/users", town_admin);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<td>v1@example.org</td>"), std::string::npos);
  for (const char* other : {"county@example.org", "town-b@example.org", "town-a@example.org"})
    EXPECT_EQ(page.body.find(std::string("<td>") + other), std::string::npos) << other;
  EXPECT_NE(get("/users", county_admin).body.find("<td>town-a@example.org</td>"), std::string::npos);
  EXPECT_EQ(get("/users", secretary).body.find("/password\""), std::string::npos);
}

TEST_P(UserPagesTest, TheNewPasswordSignsInAndAResetEndsTheSessionsBefore) {
  const auto id = [&] {
    const auto page = get("/users", town_admin).body;
    const auto at = page.find("<tr data-user=\"") + 15;
    return page.substr(at, page.find('"', at) - at);
  }();
  const auto first = post_form("/users/" + id + "/password", town_admin, "");
  ASSERT_EQ(first.status, 200) << first.body;
  const auto password = new_password(first.body);
  ASSERT_EQ(password.size(), 12u);
  const auto session = sign_in("v1@example.org", password);
  ASSERT_FALSE(session.empty());
  EXPECT_EQ(status_with(session, "/units/v1"), 200);
  const auto second = post_form("/users/" + id + "/password", town_admin, "");
  EXPECT_NE(new_password(second.body), password);
  EXPECT_EQ(status_with(session, "/units/v1"), 303);  // signed out: the reset ended it
  EXPECT_EQ(sign_in("v1@example.org", password), "");
  EXPECT_FALSE(sign_in("v1@example.org", new_password(second.body)).empty());
  // The password never reaches the log.
  EXPECT_EQ(server.log().find(password), std::string::npos);
}

TEST_P(UserPagesTest, NoOneResetsAUserOutsideTheirSubtreeOrAPeer) {
  const auto county_page = get("/users", county_admin).body;
  ASSERT_NE(county_page.find("<tr data-user=\""), std::string::npos);
  // Every user id the county lists, tried by the other township's administrator: only v1's
  // secretary and town-a's administrator are there, and neither is town-b's.
  for (auto from = county_page.find("<tr data-user=\""); from != std::string::npos;
       from = county_page.find("<tr data-user=\"", from + 1)) {
    const auto id = county_page.substr(from + 15, county_page.find('"', from + 15) - from - 15);
    EXPECT_EQ(post_form("/users/" + id + "/password", other_admin, "").status, 403) << id;
    EXPECT_EQ(post_form("/users/" + id + "/password", secretary, "").status, 403) << id;
  }
  EXPECT_EQ(post_form("/users/999999/password", county_admin, "").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, UserPagesTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::testing
