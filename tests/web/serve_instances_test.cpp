// Several `cadence serve` processes on one database (an SQLite file, a PostgreSQL database in
// the test cluster): whichever answers, a feed has the same bytes and ETag, and a record added
// by another process reaches every instance's feeds. And one instance across a restart of its
// PostgreSQL server.
#include "calendars/local_date.h"
#include "cli/cli_runner.h"
#include "serve_process.h"
#include "support/test_database.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <thread>
#include <unistd.h>

namespace cadence::testing {
namespace {

using namespace std::chrono_literals;

struct Reply {
  int status = 0;
  std::string etag;
  std::string retry_after;
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
  reply.retry_after = response.get("Retry-After", "");
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

// A test's units, a token for town-01, and its serve processes, on the database at `db_uri`.
class ServeFixture {
 protected:
  void prepare() {
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
  virtual std::string db_uri() const = 0;
  virtual ~ServeFixture() = default;

  CliResult run(const std::vector<std::string>& args) const {
    auto full = with_repo_data(args);
    full.push_back("--db=" + db_uri());
    return cli.run(full);
  }

  // Starts `count` instances on the test's database.
  void start(int count) {
    for (int i = 0; i < count; ++i) {
      servers.push_back(std::make_unique<ServeProcess>());
      const auto log = cli.dir().file("serve-" + std::to_string(i) + ".log");
      ASSERT_TRUE(servers.back()->start(with_repo_data({"--db", db_uri()}), log))
          << servers.back()->log();
    }
  }

  CliRunner cli;
  std::string feed;
  std::vector<std::unique_ptr<ServeProcess>> servers;
};

class ServeInstancesTest : public ServeFixture, public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(prepare()); }
  std::string db_uri() const override { return database.uri(); }
  TestDatabase database{GetParam()};
};

// Each instance renders the feed on its first fetch, a second or more after the one before:
// versions stamped by each instance's own clock would differ.
// The record is added through the CLI, a process of its own, as the test asks.
TEST_P(ServeInstancesTest, EveryInstanceAnswersWithTheSameBytesAndEtag) {
  constexpr int kInstances = 3;
  start(kInstances);
  const auto first = get(servers[0]->port(), feed);
  ASSERT_EQ(first.status, 200) << servers[0]->log();
  for (int i = 1; i < kInstances; ++i) {
    std::this_thread::sleep_for(1100ms);
    const auto other = get(servers[i]->port(), feed);
    ASSERT_EQ(other.status, 200) << servers[i]->log();
    EXPECT_EQ(other.etag, first.etag) << "instance " << i;
    EXPECT_EQ(other.body, first.body) << "instance " << i;
  }

  const auto today = local_today(std::chrono::system_clock::now(), "Asia/Shanghai");
  const auto added = run({"records", "add", "--unit", "town-01", "--rule", "study-group-session", "--date", format_day(today)});
  ASSERT_EQ(added.code, 0) << added.err;
  Reply changed[kInstances];
  for (int i = 0; i < kInstances; ++i) {
    if (i > 0) std::this_thread::sleep_for(1100ms);
    ASSERT_TRUE(eventually([&] { return (changed[i] = get(servers[i]->port(), feed)).etag != first.etag; }))
        << servers[i]->log();
    EXPECT_NE(changed[i].body.find("SEQUENCE:1"), std::string::npos) << "instance " << i;
    EXPECT_EQ(changed[i].etag, changed[0].etag) << "instance " << i;
    EXPECT_EQ(changed[i].body, changed[0].body) << "instance " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ServeInstancesTest, CADENCE_BOTH_BACKENDS);

// A PostgreSQL cluster of the test's own (tests/support/pg_cluster.sh), which it stops and
// starts: the shared one serves the other tests meanwhile.
class ServeDatabaseRestartTest : public ServeFixture, public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(cluster("start"), 0);
    ASSERT_NO_FATAL_FAILURE(prepare());
  }
  void TearDown() override {
    servers.clear();
    cluster("stop");
  }
  std::string db_uri() const override { return "postgresql://postgres@/postgres?host=" + dir; }
  // pg_cluster.sh's start and stop, which create and remove the cluster.
  int cluster(const std::string& action) const {
    return std::system(("env -u LD_PRELOAD " CADENCE_SOURCE_DIR "/tests/support/pg_cluster.sh " + action + " " + dir).c_str());
  }
  // pg_ctl on the cluster as it is: "stop" (fast: connections are cut, as in a restart), or
  // "restart", which starts a stopped one with the options it last ran with.
  int pg_ctl(const std::string& action) const {
    const std::string command =
        "bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1); "
        "owner() { if [ \"$(id -u)\" -eq 0 ]; then runuser -u postgres -- \"$@\"; else \"$@\"; fi; }; "
        "owner \"$bindir/pg_ctl\" -D " + dir + "/data -m fast -w -l " + dir + "/server.log " + action + " >/dev/null 2>&1";
    return std::system(("env -u LD_PRELOAD bash -c '" + command + "'").c_str());
  }

  std::string dir = "/tmp/cadence-pgr-" + std::to_string(::getpid());
};

TEST_F(ServeDatabaseRestartTest, RequestsGet503WhileTheDatabaseIsDownAndWorkAgainWhenItIsBack) {
  start(1);
  const auto port = servers[0]->port();
  const auto cached = get(port, feed);
  ASSERT_EQ(cached.status, 200) << servers[0]->log();

  ASSERT_EQ(pg_ctl("stop"), 0);
  // A feed never rendered needs the database; the one cached does not.
  const auto uncached = get(port, feed + "?holidays=1");
  EXPECT_EQ(uncached.status, 503) << uncached.body;
  EXPECT_EQ(uncached.retry_after, "1");
  const auto health = get(port, "/healthz");
  EXPECT_EQ(health.status, 503);
  EXPECT_EQ(health.retry_after, "1");
  EXPECT_EQ(get(port, feed).etag, cached.etag);

  ASSERT_EQ(pg_ctl("restart"), 0);
  Reply back;
  ASSERT_TRUE(eventually([&] { return (back = get(port, feed + "?holidays=1")).status == 200; })) << servers[0]->log();
  EXPECT_EQ(get(port, "/healthz").status, 200);
  EXPECT_TRUE(servers[0]->running());
}

}  // namespace
}  // namespace cadence::testing
