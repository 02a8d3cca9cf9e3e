// Several `cadence serve` processes on one database: whichever answers, a feed has the same
// bytes and ETag, and a record added by another process reaches every instance's feeds.
#include "calendars/local_date.h"
#include "cli/cli_runner.h"
#include "serve_process.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <gtest/gtest.h>

#include <memory>
#include <thread>

namespace cadence::testing {
namespace {

using namespace std::chrono_literals;

struct Reply {
  int status = 0;
  std::string etag;
  std::string body;
};

Reply get(std::uint16_t port, const std::string& path) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  session.setTimeout(Poco::Timespan(20, 0));
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path, Poco::Net::HTTPRequest::HTTP_1_1);
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  auto& in = session.receiveResponse(response);
  Reply reply;
  reply.status = response.getStatus();
  reply.etag = response.get("ETag", "");
  Poco::StreamCopier::copyToString(in, reply.body);
  return reply;
}

// True as soon as `done` holds, false when it never did within 10 s.
template <typename Condition>
bool eventually(Condition done) {
  for (int i = 0; i < 200; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return done();
}

class ServeInstancesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    cli.dir().write("units.csv",
                    "id,parent,name,type,secretary_email,admin_emails,timezone\n"
                    "county,,县委,committee,,,Asia/Shanghai\n"
                    "town-01,county,城关镇党委,committee,,,Asia/Shanghai\n");
    ASSERT_EQ(run({"units", "import", "units.csv"}).code, 0);
    const auto issued = run({"token", "issue", "--unit", "town-01"});
    const auto at = issued.out.find("/feeds/");
    ASSERT_NE(at, std::string::npos) << issued.err;
    feed = issued.out.substr(at, issued.out.find('\n', at) - at);
  }

  CliResult run(const std::vector<std::string>& args) const {
    auto full = with_repo_data(args);
    full.push_back("--db=" + cli.dir().file("cadence.db"));
    return cli.run(full);
  }

  // Starts `count` instances on the test's database.
  void start(int count) {
    for (int i = 0; i < count; ++i) {
      servers.push_back(std::make_unique<ServeProcess>());
      const auto log = cli.dir().file("serve-" + std::to_string(i) + ".log");
      ASSERT_TRUE(servers.back()->start(with_repo_data({"--db", cli.dir().file("cadence.db")}), log))
          << servers.back()->log();
    }
  }

  CliRunner cli;
  std::string feed;
  std::vector<std::unique_ptr<ServeProcess>> servers;
};

// Each instance renders the feed on its first fetch, a second or more after the one before:
// versions stamped by each instance's own clock would differ.
TEST_F(ServeInstancesTest, EveryInstanceAnswersWithTheSameBytesAndEtag) {
  start(2);
  const auto first = get(servers[0]->port(), feed);
  ASSERT_EQ(first.status, 200) << servers[0]->log();
  std::this_thread::sleep_for(1100ms);
  const auto second = get(servers[1]->port(), feed);
  ASSERT_EQ(second.status, 200) << servers[1]->log();
  EXPECT_EQ(second.etag, first.etag);
  EXPECT_EQ(second.body, first.body);

  const auto today = local_today(std::chrono::system_clock::now(), "Asia/Shanghai");
  ASSERT_EQ(run({"records", "add", "--unit", "town-01", "--rule", "study-group-session", "--date", format_day(today)}).code, 0);
  Reply changed[2];
  ASSERT_TRUE(eventually([&] { return (changed[0] = get(servers[0]->port(), feed)).etag != first.etag; }));
  std::this_thread::sleep_for(1100ms);
  ASSERT_TRUE(eventually([&] { return (changed[1] = get(servers[1]->port(), feed)).etag != first.etag; }));
  EXPECT_EQ(changed[1].etag, changed[0].etag);
  EXPECT_EQ(changed[1].body, changed[0].body);
  EXPECT_NE(changed[0].body.find("SEQUENCE:1"), std::string::npos);
}

}  // namespace
}  // namespace cadence::testing
