// `cadence serve` as calendar clients meet it: a real server process on 127.0.0.1, real HTTP.
#include "calendars/local_date.h"
#include "cli/cli_runner.h"
#include "serve_process.h"
#include "store/database.h"
#include "store/feed_token_repository.h"
#include "support/test_database.h"

#include <Poco/InflatingStream.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

#include <gtest/gtest.h>


#include <date/date.h>

#include <future>
#include <set>
#include <thread>


namespace cadence::testing {
namespace {

using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;
  std::string body;
};

// A feed's events and to-dos by UID: each one's SEQUENCE, and the rest of its lines but the
// stamps, which change with it.
struct Component {
  int sequence = -1;
  std::string content;
};

std::map<std::string, Component> components(const std::string& ics) {
  std::string unfolded;
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics.compare(i, 3, "\r\n ") == 0) i += 2;
    else unfolded += ics[i];
  }
  std::map<std::string, Component> found;
  std::istringstream lines(unfolded);
  std::string uid;
  Component current;
  int depth = 0;
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line == "BEGIN:VEVENT" || line == "BEGIN:VTODO") depth = 1, current = {};
    else if (depth && (line == "END:VEVENT" || line == "END:VTODO")) depth = 0, found[uid] = current;
    else if (depth && line.starts_with("UID:")) uid = line.substr(4);
    else if (depth && line.starts_with("SEQUENCE:")) current.sequence = std::stoi(line.substr(9));
    else if (depth && !line.starts_with("DTSTAMP:") && !line.starts_with("LAST-MODIFIED:")) current.content += line + "\n";
  }
  return found;
}

class ServeTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    cli.dir().write("units.csv",
                    "id,parent,name,type,secretary_email,admin_emails,timezone\n"
                    "county,,县委,committee,,,Asia/Shanghai\n"
                    "town-01,county,城关镇党委,committee,,,Asia/Shanghai\n");
    ASSERT_EQ(run({"units", "import", "units.csv"}).code, 0);
    token = issue("town-01");
    start();
  }

  void TearDown() override { stop(); }

  CliResult run(const std::vector<std::string>& args) const {
    auto full = with_repo_data(args);
    full.push_back("--db=" + database.uri());
    return cli.run(full);
  }

  std::string issue(const std::string& unit) const {
    const auto r = run({"token", "issue", "--unit", unit});
    EXPECT_EQ(r.code, 0) << r.err;
    const auto start = r.out.find("/feeds/");
    return r.out.substr(start, r.out.find('\n', start) - start);
  }

  void start() {
    std::vector<std::string> args{"--db", database.uri(), "--rules", CADENCE_SOURCE_DIR "/rules",
                                  "--calendars", calendars};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    ASSERT_TRUE(server.start(args, cli.dir().file("serve.log"))) << "cadence serve did not say where it listens: " << log();
    port = server.port();
    ASSERT_EQ(get("/healthz").status, 200) << log();
  }

  // Waits for the server to see a change it reads from the database on its own refresh
  // schedule: true as soon as `done` holds, false when it never did within 10 s.
  template <typename Condition>
  static bool eventually(Condition done) {
    for (int i = 0; i < 200; ++i) {
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return done();
  }

  // SIGTERM, as systemd stops it: the server must exit cleanly, and it returns the exit code.
  // Not within 20 s: killed, and -2.
  int stop() {
    if (!server.running()) return -1;
    const int code = server.stop(std::chrono::seconds(20));
    if (code == -2) server.kill();
    return code;
  }

  std::string log() const { return server.log(); }

  Reply request(const std::string& method, const std::string& path, const std::map<std::string, std::string>& headers = {}) const {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(20, 0));
    HTTPRequest req(method, path, HTTPRequest::HTTP_1_1);
    req.set("User-Agent", "cadence-test/1.0");
    for (const auto& [k, v] : headers) req.set(k, v);
    session.sendRequest(req);
    HTTPResponse resp;
    auto& in = session.receiveResponse(resp);
    Reply r;
    r.status = resp.getStatus();
    for (const auto& [k, v] : resp) r.headers[k] = v;
    Poco::StreamCopier::copyToString(in, r.body);
    return r;
  }
  Reply get(const std::string& path, const std::map<std::string, std::string>& headers = {}) const {
    return request(HTTPRequest::HTTP_GET, path, headers);
  }
  // Each of `paths` fetched once, by `clients` clients at the same time.
  std::map<std::string, Reply> get_all(const std::vector<std::string>& paths, int clients = 8) const {
    std::vector<std::future<std::map<std::string, Reply>>> parts;
    for (int c = 0; c < clients; ++c)
      parts.push_back(std::async(std::launch::async, [&, c] {
        std::map<std::string, Reply> part;
        for (std::size_t i = static_cast<std::size_t>(c); i < paths.size(); i += static_cast<std::size_t>(clients))
          part[paths[i]] = get(paths[i]);
        return part;
      }));
    std::map<std::string, Reply> all;
    for (auto& p : parts) all.merge(p.get());
    return all;
  }

  // Sends `bytes` as they are and reads until the server closes the connection.
  std::string raw(const std::string& bytes) const {
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
    std::string out;
    char buffer[4096];
    for (int n; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
    return out;
  }

  CliRunner cli;
  TestDatabase database{GetParam()};  // --db: an SQLite file or a PostgreSQL database
  std::vector<std::string> extra_args;  // global options for the server, such as --config
  std::string calendars = CADENCE_SOURCE_DIR "/calendars";
  std::string token;
  ServeProcess server;
  std::uint16_t port = 0;
};

TEST_P(ServeTest, FeedIsServedAsUtf8CalendarWithValidators) {
  const auto r = get(token);
  ASSERT_EQ(r.status, 200) << log();
  EXPECT_EQ(r.headers.at("Content-Type"), "text/calendar; charset=utf-8");
  EXPECT_TRUE(r.body.starts_with("BEGIN:VCALENDAR\r\n"));
  EXPECT_NE(r.body.find("中心组学习（第"), std::string::npos);
  EXPECT_FALSE(r.headers.at("ETag").empty());
  EXPECT_FALSE(r.headers.at("Last-Modified").empty());
  EXPECT_EQ(r.headers.at("Content-Length"), std::to_string(r.body.size()));
  // Byte-stable while nothing changes.
  EXPECT_EQ(get(token).body, r.body);
}

// The first fetch renders (a worker); the later ones find the feed, and after one plain fetch
// its plain bytes, cached and are answered in the event loop: every one is logged and counted
// the same way.
TEST_P(ServeTest, FetchesFromTheCacheAreLoggedAndRecordedLikeTheFirst) {
  const auto first = get(token);
  ASSERT_EQ(first.status, 200) << log();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(get(token).body, first.body);
  const auto gz = get(token, {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(gz.headers.at("Content-Encoding"), "gzip");
  EXPECT_EQ(get(token, {{"Accept-Encoding", "gzip"}}).body, gz.body);
  EXPECT_EQ(get(token, {{"If-None-Match", first.headers.at("ETag")}}).status, 304);
  EXPECT_EQ(stop(), 0);
  const std::string logged = log();
  std::size_t lines = 0;
  for (auto at = logged.find("path=\"/feeds/{token}.ics\""); at != std::string::npos;
       at = logged.find("path=\"/feeds/{token}.ics\"", at + 1)) {
    const auto line = logged.substr(at, logged.find('\n', at) - at);
    EXPECT_NE(line.find(" token_id=1 ua=\"cadence-test/1.0\""), std::string::npos) << line;
    ++lines;
  }
  EXPECT_EQ(lines, 7u) << logged;
  // The row's last column is its count of fetches.
  const auto list = run({"token", "list", "--unit", "town-01"}).out;
  const auto row = list.find("cadence-test/1.0");
  ASSERT_NE(row, std::string::npos) << list;
  std::string rest = list.substr(row, list.find('\n', row) - row);
  rest.erase(rest.find_last_not_of(' ') + 1);
  EXPECT_TRUE(rest.ends_with(" 7")) << list;
}

TEST_P(ServeTest, ConditionalRequestsAnswerNotModified) {
  const auto first = get(token);
  const auto by_etag = get(token, {{"If-None-Match", first.headers.at("ETag")}});
  EXPECT_EQ(by_etag.status, 304);
  EXPECT_TRUE(by_etag.body.empty());
  EXPECT_EQ(by_etag.headers.at("ETag"), first.headers.at("ETag"));
  EXPECT_EQ(get(token, {{"If-Modified-Since", first.headers.at("Last-Modified")}}).status, 304);
  EXPECT_EQ(get(token, {{"If-None-Match", "\"stale\""}}).status, 200);
  EXPECT_EQ(get(token, {{"If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"}}).status, 200);
}

TEST_P(ServeTest, GzipWhenAskedAndHead) {
  const auto plain = get(token);
  const auto gz = get(token, {{"Accept-Encoding", "gzip, deflate"}});
  ASSERT_EQ(gz.status, 200);
  EXPECT_EQ(gz.headers.at("Content-Encoding"), "gzip");
  EXPECT_LT(gz.body.size(), plain.body.size());
  std::istringstream compressed(gz.body);
  Poco::InflatingInputStream inflate(compressed, Poco::InflatingStreamBuf::STREAM_GZIP);
  std::string inflated;
  Poco::StreamCopier::copyToString(inflate, inflated);
  EXPECT_EQ(inflated, plain.body);
  EXPECT_EQ(get(token, {{"Accept-Encoding", "gzip;q=0"}}).headers.count("Content-Encoding"), 0u);

  const auto head = request(HTTPRequest::HTTP_HEAD, token);
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.headers.at("Content-Length"), std::to_string(plain.body.size()));
  EXPECT_EQ(request(HTTPRequest::HTTP_POST, token).status, 405);
}

TEST_P(ServeTest, UnknownAndRevokedTokensAreAPlain404AndTokensNeverReachTheLog) {
  EXPECT_EQ(get("/feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics").status, 404);
  EXPECT_EQ(get("/feeds/../etc/passwd.ics").status, 404);
  EXPECT_EQ(get("/nothing").status, 404);
  const auto second = issue("town-01");  // rotation: the new token works beside the old one
  ASSERT_TRUE(eventually([&] { return get(second).status == 200; })) << log();
  ASSERT_EQ(get(token).status, 200);
  ASSERT_EQ(run({"token", "revoke", "--unit", "town-01", "--id", "1"}).code, 0);
  ASSERT_TRUE(eventually([&] { return get(token).status == 404; })) << log();
  const auto revoked = get(token);
  EXPECT_EQ(revoked.status, 404);
  EXPECT_EQ(revoked.body, "Not Found\n");
  EXPECT_EQ(get(second).status, 200);

  EXPECT_EQ(stop(), 0);
  const std::string logged = log();
  EXPECT_NE(logged.find("path=\"/feeds/{token}.ics\" status=200"), std::string::npos) << logged;
  EXPECT_NE(logged.find("cadence serve: stopped"), std::string::npos) << logged;
  for (const auto& secret : {token, second})
    EXPECT_EQ(logged.find(secret.substr(7, 43)), std::string::npos) << "a token reached the log";
  // Fetches are recorded at shutdown at the latest, with the client's User-Agent.
  const auto list = run({"token", "list", "--unit", "town-01"});
  EXPECT_NE(list.out.find("cadence-test/1.0"), std::string::npos) << list.out;
}

TEST_P(ServeTest, ConcurrentClientsAllGetTheFeed) {
  const auto expected = get(token).body;
  std::vector<std::future<int>> clients;
  for (int c = 0; c < 8; ++c)
    clients.push_back(std::async(std::launch::async, [&] {
      int ok = 0;
      for (int i = 0; i < 20; ++i) ok += get(token, {{"Accept-Encoding", i % 2 ? "gzip" : "identity"}}).status == 200;
      return ok;
    }));
  for (auto& c : clients) EXPECT_EQ(c.get(), 20);
  EXPECT_EQ(get(token).body, expected);
}

// The server judges "today" by the wall clock, so the session is held on the server's today,
// which a feed always shows, whatever the date the suite runs on.
TEST_P(ServeTest, ANewRecordChangesTheFeedAndItsEtag) {
  const auto before = get(token);
  const auto today = local_today(std::chrono::system_clock::now(), "Asia/Shanghai");
  ASSERT_EQ(run({"records", "add", "--unit", "town-01", "--rule", "study-group-session", "--date", format_day(today)}).code, 0);
  Reply after;
  ASSERT_TRUE(eventually([&] { return (after = get(token, {{"If-None-Match", before.headers.at("ETag")}})).status == 200; })) << log();
  EXPECT_NE(after.headers.at("ETag"), before.headers.at("ETag"));
  EXPECT_NE(after.body.find("SEQUENCE:1"), std::string::npos);
}

// The holiday layer of a calendar folder the test writes for the years the server's today
// falls in, so it holds whichever years the repository has notices for.
TEST_P(ServeTest, SubtreeScopeAndHolidayLayer) {
  ASSERT_EQ(stop(), 0);
  const int year = static_cast<int>(date::year_month_day(local_today(std::chrono::system_clock::now(), "Asia/Shanghai")).year());
  for (int y : {year, year + 1}) {
    const auto name = "holidays-" + std::to_string(y) + ".toml";
    cli.dir().write("calendars/cn/" + name, "year = " + std::to_string(y) + "\n[[holiday]]\nname = \"测试节\"\noff = [" +
                                                std::to_string(y) + "-05-06]\n");
  }
  calendars = cli.dir().file("calendars");
  start();
  const auto county = issue("county");
  ASSERT_TRUE(eventually([&] { return get(county).status == 200; })) << log();
  const auto plain = get(county);
  const auto subtree = get(county + "?scope=subtree&holidays=1");
  ASSERT_EQ(subtree.status, 200);
  EXPECT_EQ(plain.body.find(".town-01@cadence"), std::string::npos);
  EXPECT_NE(subtree.body.find("城关镇党委·"), std::string::npos);
  EXPECT_NE(subtree.body.find("UID:holiday."), std::string::npos);
  EXPECT_NE(subtree.body.find("测试节"), std::string::npos);
  EXPECT_EQ(log().find("warning:"), std::string::npos) << log();
}

// Without the notices of the years its feeds show, the server says at start that it uses
// provisional schedules for them.
TEST_P(ServeTest, SaysAtStartWhichYearsAreProvisional) {
  ASSERT_EQ(stop(), 0);
  cli.dir().write("calendars/cn/observances.toml", CliRunner::slurp(CADENCE_SOURCE_DIR "/calendars/cn/observances.toml"));
  calendars = cli.dir().file("calendars");
  start();
  const int year = static_cast<int>(date::year_month_day(local_today(std::chrono::system_clock::now(), "Asia/Shanghai")).year());
  // Provisional while observances.toml has the year's lunar dates; Monday–Friday beyond them.
  const auto warning = log().find("warning: no ");
  ASSERT_NE(warning, std::string::npos) << log();
  EXPECT_NE(log().find(std::to_string(year) + ", " + std::to_string(year + 1), warning), std::string::npos) << log();
}

TEST_P(ServeTest, PipelinedRequestsAreAnsweredInOrderOnOneConnection) {
  const auto feed = get(token);
  const std::string out = raw("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"
                              "HEAD " + token + " HTTP/1.1\r\nHost: t\r\n\r\n"
                              "GET /nothing HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  const auto health = out.find("HTTP/1.1 200 OK\r\n");
  const auto head = out.find("HTTP/1.1 200 OK\r\n", health + 1);
  const auto missing = out.find("HTTP/1.1 404 Not Found\r\n");
  ASSERT_NE(head, std::string::npos) << out;
  EXPECT_LT(head, missing) << out;
  EXPECT_NE(out.find("\r\n\r\nok\n"), std::string::npos) << out;
  const std::string length = "Content-Length: " + std::to_string(feed.body.size()) + "\r\n";
  EXPECT_NE(out.find(length, head), std::string::npos) << out;
  EXPECT_EQ(out.find("BEGIN:VCALENDAR"), std::string::npos) << "HEAD sent the content";
  EXPECT_TRUE(out.ends_with("Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nNot Found\n")) << out;
  EXPECT_TRUE(raw("GET /healthz HTTP/1.0\r\n\r\n").starts_with("HTTP/1.0 200 OK\r\n"));
}

TEST_P(ServeTest, MalformedRequestsAreRefusedWithAReasonAndTheConnectionCloses) {
  const auto bad = raw("GET " + token + " HTTP/1.1\r\nHost: t\r\nBad Header: x\r\n\r\n");
  EXPECT_TRUE(bad.starts_with("HTTP/1.1 400 Bad Request\r\n")) << bad;
  EXPECT_NE(bad.find("Connection: close\r\n"), std::string::npos) << bad;
  EXPECT_TRUE(bad.ends_with("a header field name is not a token\n")) << bad;
  // Content is read past, so the request after it is understood.
  const auto content = raw("POST " + token + " HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello"
                           "GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(content.starts_with("HTTP/1.1 405 Method Not Allowed\r\n")) << content;
  EXPECT_TRUE(content.ends_with("\r\n\r\nok\n")) << content;
  // Larger than the head's buffer, arriving in several reads.
  const auto bulky = raw("POST " + token + " HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n" +
                         std::string(100000, 'x') + "GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(bulky.starts_with("HTTP/1.1 405 Method Not Allowed\r\n")) << bulky;
  EXPECT_TRUE(bulky.ends_with("\r\n\r\nok\n")) << bulky;
  const auto large = raw("POST " + token + " HTTP/1.1\r\nHost: t\r\nContent-Length: 2000000\r\n\r\n" + std::string(100000, 'x'));
  EXPECT_TRUE(large.starts_with("HTTP/1.1 413 Content Too Large\r\n")) << large;
  const auto chunked = raw("POST " + token + " HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
  EXPECT_TRUE(chunked.starts_with("HTTP/1.1 411 Length Required\r\n")) << chunked;
  EXPECT_TRUE(raw("GET / HTTP/2.0\r\nHost: t\r\n\r\n").starts_with("HTTP/1.1 505 "));
  EXPECT_TRUE(raw("GET / HTTP/1.1\r\nHost: t\r\nX: " + std::string(20000, 'a') + "\r\n\r\n").starts_with("HTTP/1.1 431 "));
  // The server is still there, and a refused request's path, which may hold a token, is not logged.
  EXPECT_EQ(get("/healthz").status, 200);
  EXPECT_EQ(stop(), 0);
  const std::string logged = log();
  EXPECT_NE(logged.find("method=- path=\"-\" status=400"), std::string::npos) << logged;
  EXPECT_EQ(logged.find(token.substr(7, 43)), std::string::npos) << "a token reached the log";
}

TEST_P(ServeTest, IdleKeepAliveConnectionsMakeWayAndDoNotHoldUpAStop) {
  ASSERT_EQ(stop(), 0);
  cli.dir().write("serve.toml", "[serve]\nthreads = 2\nkeep_alive_seconds = 600\n");
  extra_args = {"--config", cli.dir().file("serve.toml")};
  start();
  // Two clients keep their connections open after a request: each holds one of the two threads.
  std::vector<std::unique_ptr<Poco::Net::HTTPClientSession>> idle;
  for (int i = 0; i < 2; ++i) {
    idle.push_back(std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", port));
    idle.back()->setKeepAlive(true);
    HTTPRequest req(HTTPRequest::HTTP_GET, "/healthz", HTTPRequest::HTTP_1_1);
    idle.back()->sendRequest(req);
    HTTPResponse resp;
    std::string body;
    Poco::StreamCopier::copyToString(idle.back()->receiveResponse(resp), body);
    ASSERT_EQ(body, "ok\n");
  }
  // A third client is served all the same: an idle connection is closed to make way for it.
  EXPECT_EQ(get(token).status, 200) << log();
  // And stopping does not wait for the remaining idle connection's keep-alive time.
  EXPECT_EQ(stop(), 0) << log();
}

// A fresh server meeting many feeds at once renders them all without writing in the request path;
// the versions it decided are written by the flusher, at the latest when it stops, and survive it.
TEST_P(ServeTest, ManyNewFeedsAtOnceAreServedAndKeepTheirVersionsAcrossRestarts) {
  std::string units = "id,parent,name,type,secretary_email,admin_emails,timezone\n";
  for (int i = 0; i < 40; ++i) units += "village-" + std::to_string(i) + ",county,村" + std::to_string(i) + ",committee,,,Asia/Shanghai\n";
  cli.dir().write("villages.csv", units);
  ASSERT_EQ(run({"units", "import", "villages.csv"}).code, 0);
  std::vector<std::string> paths;
  {
    store::Database db(database.uri());
    store::FeedTokenRepository tokens(db);
    for (int i = 0; i < 40; ++i)
      paths.push_back("/feeds/" + tokens.issue("village-" + std::to_string(i), "", "test").token + ".ics");
    // Shares the villages' deadlines, UID for UID: must agree with their feeds on versions.
    paths.push_back("/feeds/" + tokens.issue("county", "", "test").token + ".ics?scope=subtree");
  }
  // A fresh server, which knows the tokens from the start.
  ASSERT_EQ(stop(), 0);
  start();

  const auto first = get_all(paths);
  std::set<std::string> uids;
  for (const auto& path : paths) {
    ASSERT_EQ(first.at(path).status, 200) << path << "\n" << log();
    for (const auto& [uid, component] : components(first.at(path).body)) uids.insert(uid.starts_with("day-") ? uid.substr(4) : uid);
  }
  ASSERT_EQ(stop(), 0);
  EXPECT_EQ(log().find("status=500"), std::string::npos) << log();
  {
    store::Database db(database.uri());
    std::size_t rows = 0;
    db.session() << "SELECT COUNT(*) FROM feed_items", Poco::Data::Keywords::into(rows), Poco::Data::Keywords::now;
    EXPECT_EQ(rows, uids.size());
  }

  start();
  const auto again = get_all(paths);
  for (const auto& path : paths) {
    EXPECT_EQ(again.at(path).headers.at("ETag"), first.at(path).headers.at("ETag")) << path;
    EXPECT_TRUE(again.at(path).body == first.at(path).body) << path;
  }

  // A session held today in village-7: that feed changes, once, however often it is fetched.
  const auto today = local_today(std::chrono::system_clock::now(), "Asia/Shanghai");
  ASSERT_EQ(run({"records", "add", "--unit", "village-7", "--rule", "study-group-session", "--date", format_day(today)}).code, 0);
  const std::string& changed = paths[7];
  // One request first: it notices the record, where requests beside it would serve what was.
  Reply noticed;
  ASSERT_TRUE(eventually([&] { return (noticed = get(changed)).body != again.at(changed).body; })) << log();
  const auto before_flush = get_all(paths);
  EXPECT_TRUE(before_flush.at(changed).body == noticed.body);
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(get(changed).body == noticed.body);
  ASSERT_EQ(stop(), 0);
  start();
  const auto after = get_all(paths);
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(get(changed).body == after.at(changed).body);
  EXPECT_TRUE(after.at(changed).body == noticed.body);
  for (const auto& path : paths) {
    if (path == changed) EXPECT_NE(after.at(path).headers.at("ETag"), first.at(path).headers.at("ETag"));
    else EXPECT_EQ(after.at(path).headers.at("ETag"), first.at(path).headers.at("ETag")) << path;
  }

  const auto was = components(first.at(changed).body), now = components(after.at(changed).body);
  ASSERT_EQ(was.size(), now.size());
  int raised = 0;
  for (const auto& [uid, component] : now) {
    const auto& old = was.at(uid);
    if (component.content == old.content) {
      EXPECT_EQ(component.sequence, old.sequence) << uid;
    } else {
      EXPECT_EQ(component.sequence, old.sequence + 1) << uid;
      ++raised;
    }
  }
  EXPECT_GT(raised, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServeTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::testing
