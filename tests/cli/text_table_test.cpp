#include "cli/text_table.h"

#include <gtest/gtest.h>

#include <sstream>

namespace cadence::cli {
namespace {

TEST(TextTableTest, ChineseTakesTwoCellsAndColourNone) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("青山镇"), 6u);
  EXPECT_EQ(display_width("5/12，扩大"), 4u + 6u);
  EXPECT_EQ(display_width("\x1b[31;1mmissed\x1b[0m"), 6u);
}

TEST(TextTableTest, CellsAreWrittenOutButFormattedCellsKeepTheirColour) {
  TextTable t({"备注", "状态"});
  t.add({"会议\x1b[2J\x1b[H", "a\nb"});
  t.add_formatted({"x", "\x1b[31mmissed\x1b[0m"});
  std::ostringstream out;
  t.print(out);
  // The written-out cell is 17 cells wide: 会议 (4) and \x1B[2J\x1B[H (13).
  EXPECT_EQ(out.str(), "备注" + std::string(15, ' ') + "状态\n" + std::string(17, '-') + "  ------\n" +
                           "会议\\x1B[2J\\x1B[H  a\\nb\n" + "x" + std::string(18, ' ') + "\x1b[31mmissed\x1b[0m\n");
}

TEST(TextTableTest, AlignsColumns) {
  TextTable t({"单位", "状态"});
  t.add({"青山镇党委", "met"});
  t.add({"x", "behind"});
  std::ostringstream out;
  t.print(out);
  EXPECT_EQ(out.str(), "单位        状态\n----------  ------\n青山镇党委  met\nx           behind\n");
}

}  // namespace
}  // namespace cadence::cli
