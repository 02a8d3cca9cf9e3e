#include "csv/records_csv.h"

#include "core/diagnostic.h"
#include "core/plain_text.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {

class RecordsCsvTest : public ::testing::Test {
 protected:
  std::vector<Rule> rules;
  RecordContext context;
  void SetUp() override {
    Rule study;
    study.id = "study";
    study.applies_to = {"committee"};
    study.period = PeriodKind::quarter;
    study.target = 3;
    study.quotas = {{"expanded", 1, "扩大"}};
    Rule report;
    report.id = "report";
    report.applies_to = {"committee"};
    report.kind = RuleKind::deadline;
    report.period = PeriodKind::half;
    report.due = DueSpec{DueSpec::Anchor::end, 5, std::nullopt};
    rules = {study, report};
    context.rules = &rules;
    context.unit_types = {{"t1", "committee"}};
  }
  std::string error_of(const std::string& body) {
    try {
      parse_records_csv("r.csv", "unit,rule,date,tags,period,note\n" + body, context);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }
};

TEST_F(RecordsCsvTest, ParsesAndNormalises) {
  const auto records = parse_records_csv(
      "r.csv", "unit,rule,date,tags,period,note\nt1,study,2026-04-09,expanded,2026-Q1,补开\nt1,study,2026-04-10,,2026-Q2,\nt1,report,2026-07-03,,2026-H1,\n",
      context);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].period->id(), "2026-Q1");
  EXPECT_FALSE(records[1].period);  // naming its own period is no make-up
  EXPECT_EQ(records[0].tags, (Tags{"expanded"}));
  EXPECT_EQ(records[0].note, "补开");
}

TEST_F(RecordsCsvTest, ReportsEveryBadRowAtOnce) {
  const auto e = error_of("t1,study,2026-13-01,,,\nt1,study,2026-04-01,,2026-Q3,\nt1,study,2026-04-01,,2026-H1,\nt1,report,2026-07-03,,,\n");
  EXPECT_NE(e.find("r.csv:2: error: date: '2026-13-01' is not a date"), std::string::npos) << e;
  EXPECT_NE(e.find("r.csv:3: error: period: a make-up names an earlier period"), std::string::npos) << e;
  EXPECT_NE(e.find("r.csv:4: error: period: '2026-H1' is not a quarter period"), std::string::npos) << e;
  EXPECT_NE(e.find("r.csv:5: error: period: a deadline rule's record names the period it fulfils, e.g. 2026-H2"), std::string::npos) << e;
}

TEST_F(RecordsCsvTest, RepeatedIdentityNamesBothLines) {
  const auto e = error_of("t1,study,2026-04-09,,,\nt1,study,2026-04-10,,,\nt1,study,2026-04-09,expanded,,\n");
  EXPECT_NE(e.find("r.csv:4: error: row: repeats the record on line 2"), std::string::npos) << e;
}

TEST_F(RecordsCsvTest, ControlCharactersAreRefusedWithLineAndField) {
  const auto e = error_of("t1,study,2026-04-09,,,\"会议\x1b[2J\"\nt1\x7f,study,2026-04-10,,,\nt1,study,2026-04-11,,,\"一行\n两行\"\n");
  EXPECT_NE(e.find("r.csv:2: error: note: contains the control character ESC (0x1B) at byte 7"), std::string::npos) << e;
  EXPECT_NE(e.find("r.csv:3: error: unit: contains the control character DEL (0x7F) at byte 3"), std::string::npos) << e;
  // A line break inside a quoted note is what Excel writes for Alt+Enter: kept.
  EXPECT_EQ(e.find("r.csv:4"), std::string::npos) << e;
}

TEST_F(RecordsCsvTest, OversizedFieldsAreRefusedWithLineAndField) {
  const auto e = error_of("t1,study,2026-04-09,,," + std::string(kMaxNoteBytes + 1, 'x') + "\n" + std::string(200, 'u') +
                          ",study,2026-04-10,,,\n");
  EXPECT_NE(e.find("r.csv:2: error: note: is 65537 bytes long; at most 65536"), std::string::npos) << e;
  EXPECT_NE(e.find("r.csv:3: error: unit: is 200 bytes long; at most 128"), std::string::npos) << e;
  EXPECT_EQ(error_of("t1,study,2026-04-09,,," + std::string(kMaxNoteBytes, 'x') + "\n"), "");
}

TEST_F(RecordsCsvTest, WrongFieldCount) {
  EXPECT_NE(error_of("t1,study,2026-04-09\n").find("r.csv:2: error: row: expected 6 fields, found 3"), std::string::npos);
}

}  // namespace
}  // namespace cadence
