#include "web/request_body.h"

#include "web/request_error.h"

#include <Poco/JSON/Object.h>

#include <gtest/gtest.h>

namespace cadence::web {
namespace {

int refusal(std::string_view type, std::string_view content) {
  try {
    parse_body(type, content);
  } catch (const RequestError& e) {
    return e.status();
  }
  return 0;
}

TEST(ParseBody, FormUrlencoded) {
  struct Case {
    std::string content;
    FormFields fields;
  };
  const std::vector<Case> cases = {
      {"", {}},
      {"a=1", {{"a", "1"}}},
      {"a=1&b=x+y&a=2", {{"a", "1"}, {"b", "x y"}, {"a", "2"}}},
      {"note=%E4%B8%AD%E5%BF%83%E7%BB%84&&empty=&flag", {{"note", "中心组"}, {"empty", ""}, {"flag", ""}}},
      {"k%3D=v%26", {{"k=", "v&"}}},
  };
  for (const auto& c : cases) {
    const auto body = parse_body("application/x-www-form-urlencoded; charset=utf-8", c.content);
    EXPECT_EQ(body.media_type, "application/x-www-form-urlencoded");
    EXPECT_EQ(std::get<FormFields>(body.value), c.fields) << c.content;
  }
  EXPECT_EQ(parse_body("Application/X-WWW-Form-Urlencoded", "a=1&a=2").field("a"), "1");
  EXPECT_EQ(refusal("application/x-www-form-urlencoded", "a=%4"), 400);
  EXPECT_EQ(refusal("application/x-www-form-urlencoded", "a=%00"), 400);
}

TEST(ParseBody, MultipartFormData) {
  const std::string content =
      "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"date\"\r\n\r\n2026-05-14\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"签到表.pdf\"\r\n"
      "Content-Type: application/pdf\r\n\r\n%PDF\r\n--XY\r\nnot a boundary\r\n--XyZ--\r\nepilogue";
  const auto body = parse_body("multipart/form-data; boundary=\"XyZ\"", content);
  const auto& parts = std::get<std::vector<FormPart>>(body.value);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].name, "date");
  EXPECT_EQ(parts[0].data, "2026-05-14");
  EXPECT_FALSE(parts[0].filename);
  EXPECT_EQ(parts[1].filename.value_or(""), "签到表.pdf");
  EXPECT_EQ(parts[1].content_type, "application/pdf");
  EXPECT_EQ(parts[1].data, "%PDF\r\n--XY\r\nnot a boundary");
  EXPECT_EQ(body.field("date"), "2026-05-14");

  struct Bad {
    std::string type, content;
  };
  for (const auto& bad : std::vector<Bad>{
           {"multipart/form-data", "--a\r\n\r\n--a--"},  // no boundary parameter
           {"multipart/form-data; boundary=a", "no delimiter at all"},
           {"multipart/form-data; boundary=a", "--a\r\nContent-Disposition: form-data; name=x\r\n\r\nunterminated"},
           {"multipart/form-data; boundary=a", "--a\r\nContent-Disposition: form-data\r\n\r\nx\r\n--a--"},  // no name
           {"multipart/form-data; boundary=a", "--a\r\nContent-Disposition: attachment; name=x\r\n\r\nx\r\n--a--"},
           {"multipart/form-data; boundary=a", "--a\r\nno headers here\r\n--a--"},
       })
    EXPECT_EQ(refusal(bad.type, bad.content), 400) << bad.content;
}

TEST(ParseBody, JsonThroughPocoAndOtherTypesRefused) {
  const auto body = parse_body("application/json", R"({"rule": "study-group-session", "tags": ["expanded"]})");
  const auto object = body.value.index() == 2 ? std::get<Poco::Dynamic::Var>(body.value).extract<Poco::JSON::Object::Ptr>()
                                              : nullptr;
  ASSERT_TRUE(object);
  EXPECT_EQ(object->getValue<std::string>("rule"), "study-group-session");
  EXPECT_EQ(refusal("application/json", "{\"a\": "), 400);
  EXPECT_EQ(refusal("application/json; charset=utf-8", "[1, 2,]"), 400);
  EXPECT_EQ(refusal("text/plain", "hello"), 415);
  EXPECT_EQ(refusal("", "hello"), 415);
}

TEST(MediaType, TypeAndParameters) {
  EXPECT_EQ(media_type_of(" Text/HTML ; charset=UTF-8"), "text/html");
  EXPECT_EQ(media_parameter("text/html; Charset=\"utf-8\"", "charset"), "utf-8");
  EXPECT_EQ(media_parameter("multipart/form-data; a=1; boundary=b", "boundary"), "b");
  EXPECT_FALSE(media_parameter("text/html", "charset"));
}

}  // namespace
}  // namespace cadence::web
