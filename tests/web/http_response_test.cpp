#include "web/http_response.h"

#include <gtest/gtest.h>

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
