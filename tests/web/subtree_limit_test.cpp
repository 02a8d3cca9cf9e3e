// A subtree feed over more units than [feeds] subtree_max_units is refused: by the function
// itself, by a real `cadence serve` process (422 with a plain-text reason) and by
// `cadence feed --scope subtree` (an error exit).
#include "web/subtree_limit.h"

#include "cli/cli_runner.h"
#include "serve_process.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>


#include <thread>

namespace cadence::web {
namespace {

using testing::CliResult;
using testing::CliRunner;

Unit unit(std::string id, std::string parent) {
  Unit u;
  u.id = std::move(id);
  u.parent = std::move(parent);
  u.type = "committee";
  return u;
}

TEST(SubtreeLimit, ASubtreeOverTheLimitIsRefusedWithItsSizeTheLimitAndTheSetting) {
  const UnitTree tree({unit("county", ""), unit("town-01", "county"), unit("town-02", "county")});
  EXPECT_EQ(subtree_feed_refusal(tree, *tree.find("county"), 3), std::nullopt);
  EXPECT_EQ(subtree_feed_refusal(tree, *tree.find("town-01"), 1), std::nullopt);
  EXPECT_EQ(subtree_feed_refusal(tree, *tree.find("county"), 2),
            "the subtree of unit 'county' has 3 units, more than the 2 a subtree feed may cover "
            "([feeds] subtree_max_units); use its units' own feeds, or raise the setting");
}

// A county of three units under a limit of two.
class SubtreeLimitCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    cli.dir().write("units.csv",
                    "id,parent,name,type,secretary_email,admin_emails,timezone\n"
                    "county,,县委,committee,,,Asia/Shanghai\n"
                    "town-01,county,城关镇党委,committee,,,Asia/Shanghai\n"
                    "town-02,county,河西镇党委,committee,,,Asia/Shanghai\n");
    config = cli.dir().write("cadence.toml", "[feeds]\nsubtree_max_units = 2\n");
    ASSERT_EQ(run({"units", "import", "units.csv"}).code, 0);
  }
  CliResult run(std::vector<std::string> args) const {
    args.push_back("--config=" + config);
    return cli.run(testing::with_repo_data(args));
  }
  CliRunner cli;
  std::string config;
};

TEST_F(SubtreeLimitCliTest, FeedRefusesASubtreeOverTheLimitAndServesOneWithin) {
  const auto refused = run({"feed", "--unit", "county", "--scope", "subtree", "--as-of", "2026-06-01"});
  EXPECT_EQ(refused.code, 2);
  EXPECT_TRUE(refused.out.empty());
  EXPECT_NE(refused.err.find("subtree of unit 'county' has 3 units, more than the 2"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("subtree_max_units"), std::string::npos) << refused.err;
  const auto own = run({"feed", "--unit", "county", "--as-of", "2026-06-01"});
  EXPECT_EQ(own.code, 0) << own.err;
  const auto town = run({"feed", "--unit", "town-01", "--scope", "subtree", "--as-of", "2026-06-01"});
  EXPECT_EQ(town.code, 0) << town.err;
  EXPECT_NE(town.out.find("BEGIN:VCALENDAR"), std::string::npos);
}

// The same county behind a real server process.
class SubtreeLimitServeTest : public SubtreeLimitCliTest {
 protected:
  void SetUp() override {
    SubtreeLimitCliTest::SetUp();
    county = issue("county");
    town = issue("town-01");
    start();
  }
  std::string issue(const std::string& id) const {
    const auto r = run({"token", "issue", "--unit", id});
    EXPECT_EQ(r.code, 0) << r.err;
    const auto at = r.out.find("/feeds/");
    return r.out.substr(at, r.out.find('\n', at) - at);
  }
  void start() {
    ASSERT_TRUE(server.start({"--config", config, "--rules", CADENCE_SOURCE_DIR "/rules", "--calendars",
                              CADENCE_SOURCE_DIR "/calendars"},
                             cli.dir().file("serve.log"), cli.dir().path().string()))
        << "cadence serve did not say where it listens: " << server.log();
    port = server.port();
    ASSERT_EQ(get("/healthz").first, 200) << server.log();
  }
  // Status and body.
  std::pair<int, std::string> get(const std::string& path) const {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(20, 0));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path, Poco::Net::HTTPRequest::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::string body;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
    return {response.getStatus(), body};
  }

  std::string county, town;
  testing::ServeProcess server;
  std::uint16_t port = 0;
};

TEST_F(SubtreeLimitServeTest, ASubtreeOverTheLimitIsA422SayingWhy) {
  const auto [status, body] = get(county + "?scope=subtree");
  EXPECT_EQ(status, 422);
  EXPECT_EQ(body,
            "the subtree of unit 'county' has 3 units, more than the 2 a subtree feed may cover "
            "([feeds] subtree_max_units); use its units' own feeds, or raise the setting\n");
  EXPECT_EQ(get(county).first, 200);
  EXPECT_EQ(get(town + "?scope=subtree").first, 200);
  EXPECT_EQ(get("/feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics?scope=subtree").first, 404);
}

}  // namespace
}  // namespace cadence::web
