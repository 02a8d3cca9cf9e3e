#include "web/http_response.h"

#include <gtest/gtest.h>

#include <map>

namespace cadence::web {
namespace {

constexpr std::string_view kDate = "Mon, 23 Nov 2026 10:00:00 GMT";

std::string head_of(const HttpResponse& response, int minor, bool keep_alive) {
  std::string out;
  write_head(out, response, minor, keep_alive, kDate);
  return out;
}

TEST(WriteHead, StatusDateLengthAndFields) {
  auto response = text_response(404, "Not Found\n");
  EXPECT_EQ(head_of(response, 1, true),
            "HTTP/1.1 404 Not Found\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\nContent-Length: 10\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n");
}

TEST(WriteHead, SharedContentAndHeadAnnounceTheLength) {
  const auto body = std::make_shared<const std::string>(std::string(70000, 'x'));
  HttpResponse response;
  response.shared = body.get();
  response.owner = body;
  response.head_only = true;
  EXPECT_NE(head_of(response, 1, true).find("\r\nContent-Length: 70000\r\n"), std::string::npos);
  EXPECT_EQ(response.content().size(), 70000u);
}

TEST(WriteHead, NotModifiedHasNoContentLength) {
  HttpResponse response;
  response.status = 304;
  response.set("ETag", "\"a\"");
  EXPECT_EQ(head_of(response, 1, true), "HTTP/1.1 304 Not Modified\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\nETag: \"a\"\r\n\r\n");
}

TEST(WriteHead, SaysWhenTheConnectionCloses) {
  const auto response = text_response(200, "ok\n");
  EXPECT_NE(head_of(response, 1, false).find("\r\nConnection: close\r\n"), std::string::npos);
  EXPECT_EQ(head_of(response, 1, true).find("Connection:"), std::string::npos);
  EXPECT_TRUE(head_of(response, 0, true).starts_with("HTTP/1.0 200 OK\r\n"));
  EXPECT_NE(head_of(response, 0, true).find("\r\nConnection: keep-alive\r\n"), std::string::npos);
}

}  // namespace
}  // namespace cadence::web

namespace cadence::web {
namespace {

TEST(ResponseBuilder, RefusesHeaderInjection) {
  HttpResponse response;
  EXPECT_THROW(response.set("Location", "/a\r\nSet-Cookie: x=1"), std::invalid_argument);
  EXPECT_THROW(response.set("Location", "/a\nX: 1"), std::invalid_argument);
  EXPECT_THROW(response.set("Location", std::string_view("/a\0b", 4)), std::invalid_argument);
  EXPECT_THROW(response.set("Bad Name", "v"), std::invalid_argument);
  EXPECT_THROW(response.set("X:Y", "v"), std::invalid_argument);
  EXPECT_TRUE(response.fields.empty());
  response.set("Location", "/feeds?a=b c");
  EXPECT_EQ(response.fields, "Location: /feeds?a=b c\r\n");
}

TEST(ResponseBuilder, SetsCookiesWithTheirAttributes) {
  HttpResponse response;
  response.set_cookie("__Host-session", "abc123", {});
  EXPECT_EQ(response.fields, "Set-Cookie: __Host-session=abc123; Path=/; Secure; HttpOnly; SameSite=Lax\r\n");
  response.fields.clear();
  response.set_cookie("pref", "x", {.path = "/app", .max_age = std::chrono::seconds(600), .secure = false,
                                    .http_only = false, .same_site = "Strict"});
  EXPECT_EQ(response.fields, "Set-Cookie: pref=x; Path=/app; Max-Age=600; SameSite=Strict\r\n");
  EXPECT_THROW(response.set_cookie("a", "b;c", {}), std::invalid_argument);
  EXPECT_THROW(response.set_cookie("a", "b c", {}), std::invalid_argument);
  EXPECT_THROW(response.set_cookie("a b", "c", {}), std::invalid_argument);
  CookieAttributes injected;
  injected.path = "/\r\nX: y";
  EXPECT_THROW(response.set_cookie("a", "b", injected), std::invalid_argument);
  CookieAttributes loose;
  loose.same_site = "Loose";
  EXPECT_THROW(response.set_cookie("a", "b", loose), std::invalid_argument);
}

TEST(ResponseBuilder, KnowsTheReasonPhrases) {
  const std::map<int, std::string_view> phrases = {
      {200, "OK"}, {201, "Created"}, {204, "No Content"}, {302, "Found"}, {303, "See Other"},
      {304, "Not Modified"}, {400, "Bad Request"}, {401, "Unauthorized"}, {403, "Forbidden"},
      {404, "Not Found"}, {405, "Method Not Allowed"}, {408, "Request Timeout"}, {409, "Conflict"},
      {411, "Length Required"}, {413, "Content Too Large"}, {415, "Unsupported Media Type"},
      {417, "Expectation Failed"}, {422, "Unprocessable Content"}, {429, "Too Many Requests"},
      {431, "Request Header Fields Too Large"}, {500, "Internal Server Error"}, {503, "Service Unavailable"},
      {505, "HTTP Version Not Supported"}};
  for (const auto& [status, phrase] : phrases) EXPECT_EQ(reason_phrase(status), phrase) << status;
}

}  // namespace
}  // namespace cadence::web
