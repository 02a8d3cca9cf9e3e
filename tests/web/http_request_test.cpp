#include "web/http_request.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace cadence::web {
namespace {

HttpRequest ok(std::string_view head) {
  auto parsed = parse_request(head);
  if (auto* error = std::get_if<HttpError>(&parsed)) ADD_FAILURE() << error->status << " " << error->message;
  return std::get_if<HttpRequest>(&parsed) ? std::get<HttpRequest>(parsed) : HttpRequest{};
}

int refused(std::string_view head) {
  auto parsed = parse_request(head);
  return std::holds_alternative<HttpError>(parsed) ? std::get<HttpError>(parsed).status : 0;
}

TEST(HeadLength, EndsAfterTheEmptyLineWhetherCrlfOrBareLf) {
  EXPECT_EQ(head_length("GET / HTTP/1.1\r\nHost: a\r\n\r\nGET"), 27u);
  EXPECT_EQ(head_length("GET / HTTP/1.1\nHost: a\n\n"), 24u);
  EXPECT_EQ(head_length("GET / HTTP/1.1\r\nHost: a\r\n"), 0u);
  EXPECT_EQ(head_length("GET / HTTP/1.1\r\nHost: a\r\n\r"), 0u);
}

TEST(ParseRequest, ReadsTheRequestLineHeadersAndQuery) {
  const std::string head =
      "GET /feeds/abc.ics?scope=subtree&holidays=1 HTTP/1.1\r\nHost: x\r\nUser-Agent:  Calendar/1.0 \r\n"
      "accept-encoding: gzip\r\n\r\n";
  const auto r = ok(head);
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.path, "/feeds/abc.ics");
  EXPECT_EQ(r.query, "scope=subtree&holidays=1");
  EXPECT_EQ(r.minor_version, 1);
  EXPECT_TRUE(r.keep_alive);
  EXPECT_EQ(r.header("user-agent").value_or(""), "Calendar/1.0");
  EXPECT_EQ(r.header("Accept-Encoding").value_or(""), "gzip");
  EXPECT_FALSE(r.header("If-None-Match"));
  const auto q = r.query_parameters();
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0], (std::pair<std::string, std::string>{"scope", "subtree"}));
  EXPECT_EQ(q[1], (std::pair<std::string, std::string>{"holidays", "1"}));
}

// The path is routed as sent: decoding is the router's, per segment, after matching.
TEST(ParseRequest, KeepsThePathAsSentDecodesTheQueryAndTakesTheAbsoluteFormOfItsOwnHost) {
  EXPECT_EQ(ok("GET /feeds/a%2Db.ics HTTP/1.1\r\nHost: x\r\n\r\n").path, "/feeds/a%2Db.ics");
  EXPECT_EQ(ok("GET /feeds%2Fx.ics HTTP/1.1\r\nHost: x\r\n\r\n").path, "/feeds%2Fx.ics");
  EXPECT_EQ(ok("GET http://example.org/healthz?x=1 HTTP/1.1\r\nHost: example.org\r\n\r\n").path, "/healthz");
  EXPECT_EQ(ok("GET HTTP://EXAMPLE.org HTTP/1.1\r\nHost: example.org\r\n\r\n").path, "/");
  EXPECT_EQ(refused("GET http://other.example/healthz HTTP/1.1\r\nHost: example.org\r\n\r\n"), 400);
  const auto q = ok("GET /?a=b+c&d=%41&&e HTTP/1.1\r\nHost: x\r\n\r\n").query_parameters();
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].second, "b c");
  EXPECT_EQ(q[1].second, "A");
  EXPECT_EQ(q[2], (std::pair<std::string, std::string>{"e", ""}));
  EXPECT_EQ(refused("GET a HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
}

TEST(ParseRequest, RepeatedHeadersAndCookies) {
  const auto r = ok("GET / HTTP/1.1\r\nHost: x\r\nAccept: text/html, application/json\r\nAccept: */*\r\n"
                    "Cookie: a=1; b=\"two\"\r\nCookie: c=3;;bad; =x\r\n\r\n");
  EXPECT_EQ(r.header_values("accept"), (std::vector<std::string_view>{"text/html", "application/json", "*/*"}));
  EXPECT_TRUE(r.header_values("X-None").empty());
  EXPECT_EQ(r.cookies(), (std::vector<std::pair<std::string, std::string>>{{"a", "1"}, {"b", "two"}, {"c", "3"}}));
}

// The request outlives the buffer it was read from: a connection's buffer is reused for the
// next request while a handler may still hold this one.
TEST(ParseRequest, TheRequestOwnsWhatItHolds) {
  std::string buffer = "GET /feeds/abc.ics?scope=subtree HTTP/1.1\r\nHost: x\r\nUser-Agent: Calendar/1.0\r\n"
                       "Cookie: a=1\r\n\r\n";
  auto parsed = parse_request(buffer);
  ASSERT_TRUE(std::holds_alternative<HttpRequest>(parsed));
  const HttpRequest kept = std::get<HttpRequest>(parsed);  // a copy, as a handler may keep one
  HttpRequest moved = std::move(std::get<HttpRequest>(parsed));
  std::fill(buffer.begin(), buffer.end(), 'x');
  buffer = std::string(4096, 'y');  // the old bytes freed
  for (const HttpRequest* r : {&kept, static_cast<const HttpRequest*>(&moved)}) {
    EXPECT_EQ(r->method, "GET");
    EXPECT_EQ(r->path, "/feeds/abc.ics");
    EXPECT_EQ(r->query, "scope=subtree");
    EXPECT_EQ(r->header("User-Agent").value_or(""), "Calendar/1.0");
    EXPECT_EQ(r->cookies(), (std::vector<std::pair<std::string, std::string>>{{"a", "1"}}));
    EXPECT_EQ(r->query_parameters(), (std::vector<std::pair<std::string, std::string>>{{"scope", "subtree"}}));
  }
}

TEST(ParseRequest, ConnectionPersistenceFollowsTheVersion) {
  EXPECT_FALSE(ok("GET / HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n").keep_alive);
  EXPECT_FALSE(ok("GET / HTTP/1.0\r\n\r\n").keep_alive);
  EXPECT_TRUE(ok("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").keep_alive);
  EXPECT_EQ(ok("GET / HTTP/1.0\r\n\r\n").minor_version, 0);
  EXPECT_TRUE(ok("GET / HTTP/1.1\nHost: x\n\n").keep_alive);
}

TEST(ParseRequest, RefusesWhatCouldDesynchroniseTheConnection) {
  EXPECT_EQ(ok("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n").content_length, 5u);
  EXPECT_EQ(ok("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\ncontent-length: 5\r\n\r\n").content_length, 5u);
  EXPECT_EQ(ok("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").content_length, 0u);
  EXPECT_EQ(ok("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1048576\r\n\r\n").content_length, kMaxContent);
  EXPECT_EQ(refused("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1048577\r\n\r\n"), 413);
  EXPECT_EQ(refused("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1048577\r\nExpect: 100-continue\r\n\r\n"), 417);
  EXPECT_EQ(refused("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"), 411);
  EXPECT_EQ(refused("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"), 400);
  EXPECT_EQ(refused("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"), 400);
  EXPECT_EQ(refused("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5x\r\n\r\n"), 400);
  EXPECT_EQ(refused("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"), 400);
  EXPECT_EQ(refused("GET / HTTP/1.1\r\nHost : x\r\n\r\n"), 400);
  EXPECT_EQ(refused("GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  folded\r\n\r\n"), 400);
  EXPECT_EQ(refused("GET / HTTP/1.1\r\nHost: x\r\nNo colon\r\n\r\n"), 400);
  EXPECT_EQ(refused("GET / HTTP/1.1\r\nX: y\r\n\r\n"), 400);  // no Host
  EXPECT_EQ(refused("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), 400);
  EXPECT_EQ(refused("GET / HTTP/1.1\r\nHost: a\r\nX: a\001b\r\n\r\n"), 400);
}

TEST(ParseRequest, RefusesMalformedRequestLinesAndOtherVersions) {
  EXPECT_EQ(refused("GET /\r\n\r\n"), 400);
  EXPECT_EQ(refused("GET  / HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
  EXPECT_EQ(refused("G(T / HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
  EXPECT_EQ(refused("GET / HTTQ/1.1\r\nHost: x\r\n\r\n"), 400);
  EXPECT_EQ(refused("GET / HTTP/2.0\r\nHost: x\r\n\r\n"), 505);
  EXPECT_EQ(refused("GET / HTTP/1.9\r\nHost: x\r\n\r\n"), 505);
  EXPECT_EQ(refused("GET / HTTP/0.9\r\nHost: x\r\n\r\n"), 505);
}

TEST(ParseRequest, RefusesMoreThanAHundredFields) {
  std::string head = "GET / HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 100; ++i) head += "X-" + std::to_string(i) + ": v\r\n";
  EXPECT_EQ(refused(head + "\r\n"), 431);
}

}  // namespace
}  // namespace cadence::web
