#include "core/plain_text.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {

TEST(PlainTextTest, ControlCharactersAreRefusedWithTheirNameAndPlace) {
  EXPECT_EQ(text_problem("青山镇\t党委", kMaxLineBytes), "");
  EXPECT_EQ(text_problem("ab\x1b[2J", kMaxLineBytes), "contains the control character ESC (0x1B) at byte 3");
  EXPECT_EQ(text_problem(std::string("a\0b", 3), kMaxLineBytes), "contains the control character NUL (0x00) at byte 2");
  EXPECT_EQ(text_problem("a\x7f", kMaxLineBytes), "contains the control character DEL (0x7F) at byte 2");
  EXPECT_EQ(text_problem("a\xc2\x9b" "2J", kMaxLineBytes), "contains the control character U+009B at byte 2");
  EXPECT_EQ(text_problem("line\nnext", kMaxLineBytes), "contains the control character LF (0x0A) at byte 5");
  EXPECT_EQ(text_problem("line\r\nnext", kMaxNoteBytes, LineBreaks::allowed), "");
  EXPECT_EQ(text_problem("line\n\x07", kMaxNoteBytes, LineBreaks::allowed), "contains the control character BEL (0x07) at byte 6");
}

TEST(PlainTextTest, OversizedTextIsRefusedWithItsSize) {
  EXPECT_EQ(text_problem(std::string(kMaxIdBytes, 'a'), kMaxIdBytes), "");
  EXPECT_EQ(text_problem(std::string(kMaxIdBytes + 1, 'a'), kMaxIdBytes), "is 129 bytes long; at most 128");
  EXPECT_EQ(text_problem(std::string(kMaxNoteBytes + 1, 'a'), kMaxNoteBytes, LineBreaks::allowed),
            "is 65537 bytes long; at most 65536");
}

TEST(PlainTextTest, PrintableWritesControlCharactersOut) {
  EXPECT_EQ(printable("会议\x1b[2J\x1b]0;pwned\x07"), "会议\\x1B[2J\\x1B]0;pwned\\x07");
  EXPECT_EQ(printable(std::string("a\0\x7f\tb\nc\r", 8)), "a\\x00\\x7F\\tb\\nc\\r");
  EXPECT_EQ(printable("\xc2\x9b" "31m é"), "\\u{9B}31m é");
  EXPECT_EQ(printable_lines("one\x1b\ntwo"), "one\\x1B\ntwo");
}

}  // namespace
}  // namespace cadence
