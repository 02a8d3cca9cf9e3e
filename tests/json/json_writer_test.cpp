#include "json/json_writer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace cadence::json {
namespace {

TEST(JsonWriterTest, NestsAndEscapes) {
  std::ostringstream out;
  JsonWriter json(out);
  json.begin_object().field("a", "x\"y\\\n").key("b").begin_array().value(1).value(0.5).value(1.0).value(0.6667).end_array()
      .field("c", true).key("d").null().key("e").begin_object().end_object().end_object();
  json.flush();
  EXPECT_EQ(out.str(), R"({"a":"x\"y\\\n","b":[1,0.5,1,0.6667],"c":true,"d":null,"e":{}})");
}

TEST(JsonWriterTest, ControlCharactersAreEscaped) { EXPECT_EQ(json_escape(std::string("\x01", 1)), "\\u0001"); }

TEST(JsonWriterTest, DelAndC1ControlsAreEscapedButOtherCharactersKept) {
  EXPECT_EQ(json_escape("a\x7f\xc2\x9b" "31m\xc2\xa0é"), "a\\u007f\\u009b31m\xc2\xa0é");
}

}  // namespace
}  // namespace cadence::json
