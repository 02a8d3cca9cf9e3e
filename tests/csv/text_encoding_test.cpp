#include "csv/text_encoding.h"

#include "core/diagnostic.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {

TEST(TextEncodingTest, ValidUtf8AndBom) {
  EXPECT_FALSE(first_invalid_utf8("青山镇 abc"));
  EXPECT_EQ(decode_text("f", "\xEF\xBB\xBFid,name\n", Encoding::utf8), "id,name\n");
}

TEST(TextEncodingTest, RejectsInvalidSequences) {
  EXPECT_EQ(first_invalid_utf8("ab\xC0\xAF"), 2u);         // overlong '/'
  EXPECT_EQ(first_invalid_utf8("\xED\xA0\x80"), 0u);       // a surrogate
  EXPECT_EQ(first_invalid_utf8("ok\xE9\x9D"), 2u);         // cut short
}

TEST(TextEncodingTest, Gb18030IsNamedWithItsLineAndConverted) {
  const std::string gb = "id\n\xC7\xE0\xC9\xBD\n";  // 青山
  try {
    decode_text("u.csv", gb, Encoding::utf8);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("u.csv:2: error: the file is not UTF-8"), std::string::npos) << e.what();
  }
  EXPECT_EQ(decode_text("u.csv", gb, Encoding::gb18030), "id\n青山\n");
  EXPECT_EQ(parse_encoding("GBK"), Encoding::gb18030);
  EXPECT_FALSE(parse_encoding("latin1"));
}

}  // namespace
}  // namespace cadence
