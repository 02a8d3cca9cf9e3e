#include "csv/csv_reader.h"

#include "core/diagnostic.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {

TEST(CsvReaderTest, QuotesEscapesCrLfAndLineNumbers) {
  const auto rows = read_csv("f.csv", "a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n\r\n\"multi\nline\",z\nlast,\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"x,1", "say \"hi\""}));
  EXPECT_EQ(rows[2].line, 4);
  EXPECT_EQ(rows[2].fields[0], "multi\nline");
  EXPECT_EQ(rows[3].line, 6);
  EXPECT_EQ(rows[3].fields, (std::vector<std::string>{"last", ""}));
}

TEST(CsvReaderTest, NoFinalNewline) {
  const auto rows = read_csv("f.csv", "a,b\n1,2");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields[1], "2");
}

TEST(CsvReaderTest, UnclosedQuoteNamesItsLine) {
  try {
    read_csv("f.csv", "a\n\"open\nmore\n");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "f.csv:2: error: a quoted field is never closed (missing \")");
  }
}

TEST(CsvReaderTest, HeaderMustMatchWithOptionalTail) {
  const auto rows = read_csv("f.csv", "a,b,c\n");
  EXPECT_EQ(check_header("f.csv", rows, {"a", "b"}, {"c", "d"}), 3u);
  EXPECT_THROW(check_header("f.csv", rows, {"a", "b", "x"}), InputError);
  EXPECT_THROW(check_header("f.csv", read_csv("f.csv", ""), {"a"}), InputError);
}

}  // namespace
}  // namespace cadence
