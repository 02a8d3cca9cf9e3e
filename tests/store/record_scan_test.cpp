#include "store/record_scan.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cadence::store {
namespace {

std::vector<std::string> split(std::string_view line, std::size_t count = 3) {
  std::vector<std::string_view> columns;
  std::string scratch;
  if (!split_copy_row(line, columns, scratch, count)) return {"<wrong count>"};
  return {columns.begin(), columns.end()};
}

TEST(SplitCopyRow, PlainValuesAreViewsOfTheLine) {
  EXPECT_EQ(split("town\tstudy\t2026-01-10"), (std::vector<std::string>{"town", "study", "2026-01-10"}));
  EXPECT_EQ(split("\t\t"), (std::vector<std::string>{"", "", ""}));
}

TEST(SplitCopyRow, EscapesAreUndone) {
  EXPECT_EQ(split(R"(a\tb	c\\d	e\nf\rg)"), (std::vector<std::string>{"a\tb", "c\\d", "e\nf\rg"}));
  EXPECT_EQ(split(R"(\b\f\v	\101\0602	\x41\x4a1)"), (std::vector<std::string>{"\b\f\v", "A02", "AJ1"}));
  // Every escaped value in one row: the views into the scratch buffer must all survive.
  EXPECT_EQ(split(R"(\\x	\\y	\\z)"), (std::vector<std::string>{"\\x", "\\y", "\\z"}));
}

TEST(SplitCopyRow, ABackslashBeforeAnOrdinaryCharacterStandsForIt) {
  EXPECT_EQ(split(R"(\q	\中	end\)"), (std::vector<std::string>{"q", "中", "end\\"}));
}

TEST(SplitCopyRow, AnotherNumberOfColumnsIsRefused) {
  EXPECT_EQ(split("a\tb"), (std::vector<std::string>{"<wrong count>"}));
  EXPECT_EQ(split("a\tb\tc\td"), (std::vector<std::string>{"<wrong count>"}));
}

}  // namespace
}  // namespace cadence::store
