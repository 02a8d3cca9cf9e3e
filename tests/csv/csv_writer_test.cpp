#include "csv/csv_reader.h"
#include "csv/csv_writer.h"

#include <gtest/gtest.h>

namespace cadence::csv {
namespace {

TEST(CsvWriterTest, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(csv_field("青山镇党委"), "青山镇党委");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_line({"a", "", "c"}), "a,,c\r\n");
}

TEST(CsvWriterTest, AFieldASpreadsheetWouldRunIsNotAFormula) {
  EXPECT_EQ(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(csv_field("+1"), "'+1");
  EXPECT_EQ(csv_field("-1"), "'-1");
  EXPECT_EQ(csv_field("@SUM"), "'@SUM");
  EXPECT_EQ(csv_field("50%"), "50%");
}

TEST(CsvWriterTest, OurReaderReadsBackWhatWasWritten) {
  const std::vector<std::string> fields{"v2", "二村,党支部", "he said \"no\"", "line\r\nbreak"};
  const auto rows = read_csv("written.csv", csv_line(fields));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, fields);
}

}  // namespace
}  // namespace cadence::csv
