// A unit's feed link made on the dashboard (page_fixture.h): shown once with its QR code, a
// working feed at once, listed afterwards without its secret, never in the log, and made only
// by whoever may record for the unit.
#include "page_fixture.h"

#include <thread>

namespace cadence::testing {
namespace {

class FeedPagesTest : public PageFixture {};

TEST_P(FeedPagesTest, ASecretaryMakesAFeedLinkThatWorksAndIsShownOnce) {
  const auto made = post_form("/units/v1/feed", secretary, "label=%E6%89%8B%E6%9C%BA");
  ASSERT_EQ(made.status, 200) << made.body;
  const auto at = made.body.find("<code class=\"feed-url\">http://127.0.0.1:");
  ASSERT_NE(at, std::string::npos) << made.body;
  const auto url = made.body.substr(at + 23, made.body.find("</code>", at) - at - 23);
  const auto path = url.substr(url.find("/feeds/"));
  EXPECT_NE(made.body.find("<a href=\"webcal://127.0.0.1:"), std::string::npos);
  EXPECT_NE(made.body.find("<svg class=\"qr\" role=\"img\" aria-label=\"webcal://"), std::string::npos);
  // The server learns of new tokens within its change poll.
  int status = 0;
  for (int i = 0; i < 40 && status != 200; ++i) {
    status = get(path, "").status;
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(status, 200);
  const auto token = path.substr(7, path.size() - 11);
  const auto listed = get("/units/v1/feed", town_admin);
  EXPECT_EQ(listed.status, 200);
  EXPECT_NE(listed.body.find("<td>手机</td><td>v1@example.org "), std::string::npos);
  EXPECT_EQ(listed.body.find(token), std::string::npos);
  EXPECT_EQ(server.log().find(token), std::string::npos);
}

TEST_P(FeedPagesTest, OnlyWhoMayRecordMakesOne) {
  const auto viewer = user("viewer@example.org", "town-a", "viewer");
  const auto page = get("/units/v1/feed", viewer);
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("action=\"/units/v1/feed\""), std::string::npos);
  EXPECT_EQ(post_form("/units/v1/feed", viewer, "label=x").status, 403);
  EXPECT_EQ(post_form("/units/v1/feed", other_admin, "label=x").status, 403);
  EXPECT_EQ(get("/units/v1/feed", other_admin).status, 403);
  EXPECT_EQ(post_form("/units/v1/feed", "", "label=x").status, 303);
}

INSTANTIATE_TEST_SUITE_P(Backends, FeedPagesTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::testing
