// A subtree feed over more units than [feeds] subtree_max_units is refused: by the function
// itself, by a real `cadence serve` process (422 with a plain-text reason) and by
// `cadence feed --scope subtree` (an error exit).
#include "web/subtree_limit.h"

#include "cli/cli_runner.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <thread>

extern char** environ;

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
    {
      Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
      port = probe.address().port();
    }
    start();
  }
  void TearDown() override {
    if (pid <= 0) return;
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
  }
  std::string issue(const std::string& id) const {
    const auto r = run({"token", "issue", "--unit", id});
    EXPECT_EQ(r.code, 0) << r.err;
    const auto at = r.out.find("/feeds/");
    return r.out.substr(at, r.out.find('\n', at) - at);
  }
  void start() {
    const std::string binary = CADENCE_BINARY_DIR "/src/cli/cadence";
    std::vector<std::string> args{binary, "serve", "--listen", "127.0.0.1:" + std::to_string(port), "--config", config,
                                  "--rules", CADENCE_SOURCE_DIR "/rules", "--calendars", CADENCE_SOURCE_DIR "/calendars"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addchdir_np(&actions, cli.dir().path().c_str());
    posix_spawn_file_actions_addopen(&actions, 2, cli.dir().file("serve.log").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_EQ(posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    for (int i = 0; i < 200; ++i) {
      try {
        if (get("/healthz").first == 200) return;
      } catch (const std::exception&) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL() << "cadence serve did not answer /healthz: " << CliRunner::slurp(cli.dir().file("serve.log"));
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
  std::uint16_t port = 0;
  pid_t pid = -1;
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
