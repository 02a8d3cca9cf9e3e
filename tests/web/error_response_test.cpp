#include "web/error_response.h"

#include "store/store_error.h"
#include "web/request_error.h"

#include <gtest/gtest.h>

namespace cadence::web {
namespace {

template <typename E>
ErrorAnswer answer_for(const E& error, std::string_view path) {
  return error_response(std::make_exception_ptr(error), path);
}

TEST(ErrorResponse, BadInputNamesTheFieldAsJsonForTheApiAndHtmlForPages) {
  const auto api = answer_for(RequestError(422, "date", "date: not a date"), "/api/v1/units/t5/records");
  EXPECT_EQ(api.response.status, 422);
  EXPECT_EQ(api.response.text, R"({"error":{"status":422,"message":"date: not a date","field":"date"},"field":"date"})" "\n");
  EXPECT_NE(api.response.fields.find("Content-Type: application/json; charset=utf-8\r\n"), std::string::npos);
  const auto page = answer_for(RequestError(400, "note", "<script>"), "/units/t5");
  EXPECT_EQ(page.response.status, 400);
  EXPECT_NE(page.response.fields.find("Content-Type: text/html; charset=utf-8\r\n"), std::string::npos);
  EXPECT_NE(page.response.text.find("<title>400 Bad Request</title>"), std::string::npos);
  EXPECT_NE(page.response.text.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(page.response.text.find("<script>"), std::string::npos);
}

TEST(ErrorResponse, AnUnavailableStoreIs503AndAnythingElse500WithoutItsMessage) {
  const auto locked = answer_for(store::StoreError("reading units: database is locked"), "/api/v1/rules");
  EXPECT_EQ(locked.response.status, 503);
  EXPECT_NE(locked.response.fields.find("Retry-After: 1\r\n"), std::string::npos);
  const auto other = answer_for(std::logic_error("secret internals"), "/api/v1/rules");
  EXPECT_EQ(other.response.status, 500);
  EXPECT_EQ(other.response.text.find("secret internals"), std::string::npos);
  EXPECT_EQ(other.note, "secret internals");
  EXPECT_EQ(answer_for(store::StoreError("UNIQUE constraint failed"), "/x").response.status, 500);
}

}  // namespace
}  // namespace cadence::web
