// `cadence serve` under clients that are slow, never read, send odd requests or are too many: a
// real server process on 127.0.0.1 (port 0, read from its log), raw sockets.
#include "cli/cli_runner.h"
#include "serve_process.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace cadence::testing {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// A client socket of our own: closed on destruction.
class Client {
 public:
  explicit Client(std::uint16_t port, int receive_buffer = 0) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    if (receive_buffer > 0) ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~Client() { ::close(fd_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool connected() const { return connected_; }
  // As much of `bytes` as goes without blocking.
  void send(const std::string& bytes) const { ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT); }
  // What arrives until the server closes, `patience` passes without a byte, or `until` arrived.
  std::string read_all(std::chrono::milliseconds patience, std::string_view until = {}) const {
    std::string out;
    char buffer[8192];
    for (pollfd p{fd_, POLLIN, 0}; ::poll(&p, 1, static_cast<int>(patience.count())) > 0;) {
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) {
        closed_ = true;
        break;
      }
      out.append(buffer, static_cast<std::size_t>(n));
      if (!until.empty() && out.ends_with(until)) break;
    }
    return out;
  }
  // Whether the server ended the connection (after a read_all).
  bool closed() const { return closed_; }

 private:
  int fd_;
  bool connected_ = false;
  mutable bool closed_ = false;
};

// One complete exchange on a new connection; empty when it did not complete within `patience`.
std::string round_trip(std::uint16_t port, const std::string& request, std::chrono::milliseconds patience = 10s) {
  Client client(port);
  client.send(request);
  return client.read_all(patience);
}

class ServeSturdinessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The test holds hundreds of sockets at once.
    rlimit limit{};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
    cli.dir().write("units.csv",
                    "id,parent,name,type,secretary_email,admin_emails,timezone\n"
                    "town-01,,城关镇党委,committee,,,Asia/Shanghai\n");
    ASSERT_EQ(cli.run(with_db({"units", "import", "units.csv"})).code, 0);
    const auto issued = cli.run(with_db({"token", "issue", "--unit", "town-01"}));
    const auto at = issued.out.find("/feeds/");
    ASSERT_NE(at, std::string::npos) << issued.err;
    feed = issued.out.substr(at, issued.out.find('\n', at) - at);
    secret = feed.substr(7, feed.size() - 11);
  }
  std::vector<std::string> with_db(std::vector<std::string> args) const {
    args = with_repo_data(std::move(args));
    args.push_back("--db=" + cli.dir().file("cadence.db"));
    return args;
  }

  // Starts the server with `serve_settings` as its [serve] table.
  void start(const std::string& serve_settings) {
    cli.dir().write("serve.toml", "[serve]\n" + serve_settings);
    ASSERT_TRUE(server.start(with_db({"--config", cli.dir().file("serve.toml")}), cli.dir().file("serve.log"))) << log();
    port = server.port();
  }

  // SIGTERM; the exit code, or -2 if it has not exited within `patience`.
  int stop(std::chrono::milliseconds patience) { return server.stop(patience); }

  std::string log() const { return server.log(); }
  static std::string get(const std::string& target, const std::string& fields = "") {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: sturdy/1.0\r\n" + fields + "\r\n";
  }
  static std::string get_and_close(const std::string& target) { return get(target, "Connection: close\r\n"); }
  // Clients that never read, each with a small receive window and many pipelined feed requests.
  std::vector<std::unique_ptr<Client>> attach_non_readers(int count) const {
    std::vector<std::unique_ptr<Client>> clients;
    // Enough pipelined requests that their responses overflow the most a server socket's send
    // buffer may grow to (tcp_wmem's maximum) whatever the feed's size: the server must then
    // wait on the client, and its send timeout is what ends the wait.
    const std::size_t feed_bytes = round_trip(port, get_and_close(feed)).size();
    std::size_t send_buffer_max = 4u << 20;
    std::ifstream("/proc/sys/net/ipv4/tcp_wmem") >> send_buffer_max >> send_buffer_max >> send_buffer_max;
    std::string pipelined;
    for (std::size_t i = 0; i < 2 * send_buffer_max / std::max<std::size_t>(feed_bytes, 1) + 1; ++i) pipelined += get(feed);
    for (int i = 0; i < count; ++i) {
      clients.push_back(std::make_unique<Client>(port, 4096));
      clients.back()->send(pipelined);
    }
    return clients;
  }
  // Clients that send the start of a request head and nothing more.
  std::vector<std::unique_ptr<Client>> attach_slow_heads(int count) const {
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < count; ++i) {
      clients.push_back(std::make_unique<Client>(port));
      clients.back()->send("GET /healthz HTTP/1.1\r\nHo");
    }
    return clients;
  }

  CliRunner cli;
  std::string feed, secret;
  ServeProcess server;
  std::uint16_t port = 0;
};

bool is_ok_feed(const std::string& reply) {
  return reply.starts_with("HTTP/1.1 200 OK\r\n") && reply.find("END:VCALENDAR") != std::string::npos;
}

TEST_F(ServeSturdinessTest, SlowAndNonReadingClientsDoNotHoldUpANormalOne) {
  start("workers = 4\nheader_timeout_seconds = 3\nsend_timeout_seconds = 3\n");
  const auto slow = attach_slow_heads(500);
  const auto stuck = attach_non_readers(100);
  for (const auto& c : slow) ASSERT_TRUE(c->connected());
  // Each fetch has a functional deadline of a second (a feed is answered in milliseconds).
  for (int i = 0; i < 20; ++i) {
    EXPECT_TRUE(is_ok_feed(round_trip(port, get_and_close(feed), 1s))) << "fetch " << i;
  }
  // The slow ones are answered 408 or closed once the header timeout (3 s) has passed.
  for (const auto& c : slow) {
    const auto reply = c->read_all(6s);
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 408 ") || (reply.empty() && c->closed())) << reply;
    EXPECT_TRUE(c->closed());
  }
  EXPECT_EQ(stop(15s), 0);
  const auto text = log();
  EXPECT_NE(text.find("status=408"), std::string::npos);
  // The non-readers were dropped by the send timeout, not served forever.
  EXPECT_NE(text.find("the client did not take the whole response"), std::string::npos) << text;
}

TEST_F(ServeSturdinessTest, StopsWithinTheStopTimeoutWhateverIsAttachedAndRecordsTheFetches) {
  start("header_timeout_seconds = 600\nsend_timeout_seconds = 600\nkeep_alive_seconds = 600\nstop_timeout_seconds = 3\n");
  ASSERT_TRUE(is_ok_feed(round_trip(port, get_and_close(feed))));
  const auto slow = attach_slow_heads(100);
  const auto stuck = attach_non_readers(20);
  Client idle(port);
  idle.send(get("/healthz"));
  ASSERT_NE(idle.read_all(5s, "ok\n").find("ok\n"), std::string::npos);
  // Three seconds of stop timeout, and some room for a busy machine to schedule the exit.
  EXPECT_EQ(stop(6s), 0) << log();
  EXPECT_NE(log().find("cadence serve: stopped"), std::string::npos) << log();
  const auto list = cli.run(with_db({"token", "list", "--unit", "town-01"}));
  EXPECT_NE(list.out.find("sturdy/1.0"), std::string::npos) << list.out;
}

TEST_F(ServeSturdinessTest, ConnectionsBeyondTheMaximumGetA503) {
  start("max_connections = 16\nevent_loops = 1\n");
  // One loop takes every connection: the limit holds all the same.
  EXPECT_NE(log().find(" (1 event loop, "), std::string::npos) << log();
  std::vector<std::unique_ptr<Client>> held;
  for (int i = 0; i < 16; ++i) held.push_back(std::make_unique<Client>(port));
  // Accepted in order: make sure the server has taken all sixteen before the next one.
  for (const auto& c : held) {
    c->send(get("/healthz"));
    ASSERT_NE(c->read_all(5s, "ok\n").find("ok\n"), std::string::npos);
  }
  const auto refused = round_trip(port, get_and_close("/healthz"));
  EXPECT_TRUE(refused.starts_with("HTTP/1.1 503 Service Unavailable\r\n")) << refused;
  held.clear();
  std::string again;
  for (int i = 0; i < 50 && !again.starts_with("HTTP/1.1 200"); ++i, std::this_thread::sleep_for(20ms))
    again = round_trip(port, get_and_close("/healthz"));
  EXPECT_TRUE(again.starts_with("HTTP/1.1 200 OK\r\n")) << again;
  EXPECT_EQ(stop(15s), 0);
  EXPECT_NE(log().find("max_connections (16) are open"), std::string::npos) << log();
}

TEST_F(ServeSturdinessTest, OnlyHttp10And11AndNoOtherHostAndExpectIsAnswered) {
  start("");
  EXPECT_TRUE(round_trip(port, "GET /healthz HTTP/1.9\r\nHost: a\r\n\r\n").starts_with("HTTP/1.1 505 "));
  EXPECT_TRUE(round_trip(port, "GET /healthz HTTP/2.0\r\nHost: a\r\n\r\n").starts_with("HTTP/1.1 505 "));
  EXPECT_TRUE(round_trip(port, "GET /healthz HTTP/1.0\r\n\r\n").starts_with("HTTP/1.0 200 OK\r\n"));
  const auto own = round_trip(port, "GET http://127.0.0.1" + feed + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(is_ok_feed(own)) << own;
  const auto other = round_trip(port, "GET http://example.org" + feed + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  EXPECT_TRUE(other.starts_with("HTTP/1.1 400 ")) << other;
  EXPECT_TRUE(round_trip(port, "GET /feeds%2F" + secret + ".ics HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
                  .starts_with("HTTP/1.1 404 "));

  // Expect: 100-continue on content that will be read: 100 first, then the answer.
  Client expecting(port);
  expecting.send("POST /healthz HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
  const auto interim = expecting.read_all(5s, "\r\n\r\n");
  EXPECT_EQ(interim, "HTTP/1.1 100 Continue\r\n\r\n");
  expecting.send("hello");
  EXPECT_TRUE(expecting.read_all(5s).starts_with("HTTP/1.1 405 ")) << "after the content";
  const auto unknown = round_trip(port, "POST /healthz HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: magic\r\n\r\n");
  EXPECT_TRUE(unknown.starts_with("HTTP/1.1 417 ")) << unknown;
  const auto too_large = round_trip(port, "POST /healthz HTTP/1.1\r\nHost: a\r\nContent-Length: 9000000\r\n"
                                        "Expect: 100-continue\r\n\r\n");
  EXPECT_TRUE(too_large.starts_with("HTTP/1.1 417 ")) << too_large;
  EXPECT_EQ(stop(15s), 0);
}

TEST_F(ServeSturdinessTest, EveryRouteAnswersOtherMethodsWith405AndItsAllow) {
  start("");
  for (const auto& target : {std::string("/healthz"), feed})
    for (const std::string method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
      const auto reply = round_trip(port, method + " " + target + " HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n"
                                          "Connection: close\r\n\r\n");
      EXPECT_TRUE(reply.starts_with("HTTP/1.1 405 Method Not Allowed\r\n")) << method << " " << target << "\n" << reply;
      EXPECT_NE(reply.find("\r\nAllow: GET, HEAD\r\n"), std::string::npos) << reply;
    }
  EXPECT_EQ(stop(15s), 0);
  EXPECT_EQ(log().find(secret), std::string::npos);
}

TEST_F(ServeSturdinessTest, ATokenNeverReachesTheLogWhateverThePath) {
  start("");
  const std::vector<std::string> targets = {
      feed,
      "/" + feed,
      "/healthz/.." + feed,
      "/feeds%2F" + secret + ".ics",
      "/feeds%2f" + secret + ".ics",
      "/feeds/" + secret + "%2Eics",
      "/feeds/" + secret + ".ics/",
      "/feeds/x/" + secret + ".ics",
      "/" + secret,
      "/healthz?" + secret,
      feed + "?scope=" + secret,
      "http://127.0.0.1" + feed,
      "http://example.org" + feed,
  };
  for (const auto& target : targets) {
    const auto reply = round_trip(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 ")) << target;
  }
  EXPECT_TRUE(round_trip(port, "GET " + feed + " HTTP/1.9\r\n\r\n").starts_with("HTTP/1.1 505 "));
  EXPECT_TRUE(round_trip(port, "GET " + feed + " HTTP/1.1\r\nBad Header: x\r\n\r\n").starts_with("HTTP/1.1 400 "));
  EXPECT_EQ(stop(15s), 0);
  const auto text = log();
  EXPECT_EQ(text.find(secret), std::string::npos) << text;
  EXPECT_NE(text.find("path=\"/feeds/{token}.ics\" status=200"), std::string::npos) << text;
  EXPECT_NE(text.find("path=\"(no route)\" path_bytes="), std::string::npos) << text;
}

}  // namespace
}  // namespace cadence::testing
