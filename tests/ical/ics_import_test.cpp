#include "ical/ics_import.h"

#include "core/diagnostic.h"
#include "core/plain_text.h"

#include <gtest/gtest.h>

#include <initializer_list>

namespace cadence {
namespace {

Rule rule(std::string id, std::string title, std::vector<std::string> applies_to, PeriodKind period = PeriodKind::year) {
  Rule r;
  r.id = std::move(id);
  r.title = std::move(title);
  r.applies_to = std::move(applies_to);
  r.period = period;
  r.target = 1;
  return r;
}

std::vector<Rule> test_rules() {
  auto study = rule("study-group-session", "理论学习中心组集体学习", {"committee"});
  study.title_en = "Theory study group collective session";
  study.target = 12;
  study.quotas = {{"expanded", 4, "扩大学习"}, {"observed", 1, "宣传部旁听"}};
  auto report = rule("half-year-report", "意识形态工作半年自查报告", {"committee"}, PeriodKind::half);
  report.kind = RuleKind::deadline;
  report.due = DueSpec{DueSpec::Anchor::end, 5, std::nullopt};
  return {study,
          rule("ideology-analysis-meeting", "意识形态分析研判会", {"committee"}, PeriodKind::quarter),
          report,
          rule("theme-party-day", "主题党日", {"branch"}, PeriodKind::month),
          rule("secretary-lecture", "书记讲党课", {"committee"}),
          rule("member-lecture", "党员讲党课", {"committee"}),
          rule("theory-study", "理论学习", {"committee"})};
}

// A calendar as Outlook or Thunderbird writes it: CRLF line ends. The body starts on line 4.
std::string calendar(std::initializer_list<std::string> body) {
  std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cadence tests//EN\r\n";
  for (const auto& line : body) out += line + "\r\n";
  return out + "END:VCALENDAR\r\n";
}

class IcsImportTest : public ::testing::Test {
 protected:
  std::vector<Rule> rules = test_rules();
  IcsContext context{unit("town-a", "Asia/Shanghai"), &rules, Day{date::year{2026} / 6 / 30}};

  static Unit unit(std::string id, std::string zone) {
    Unit u;
    u.id = std::move(id);
    u.type = "committee";
    u.timezone = std::move(zone);
    return u;
  }

  // "4 2026-03-05 study-group-session expanded record", one string per entry.
  std::vector<std::string> read(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& e : read_ics("cal.ics", text, context)) {
      std::string tags;
      for (const auto& t : e.record.tags) tags += (tags.empty() ? "" : ";") + t;
      out.push_back(std::to_string(e.line) + " " + format_day(e.record.date) + " " + (e.record.rule.empty() ? "-" : e.record.rule) +
                    " " + (tags.empty() ? "-" : tags) + " " + (e.is_record() ? "record" : "skip: " + e.skip));
    }
    return out;
  }

  std::string error_of(const std::string& text) {
    try {
      read_ics("cal.ics", text, context);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }
};

std::vector<std::string> event(std::string dtstart, std::string summary, std::initializer_list<std::string> more = {}) {
  std::vector<std::string> lines{"BEGIN:VEVENT", "UID:" + dtstart + summary, std::move(dtstart), "SUMMARY:" + summary};
  lines.insert(lines.end(), more.begin(), more.end());
  lines.push_back("END:VEVENT");
  return lines;
}

std::string calendar_of(std::initializer_list<std::vector<std::string>> events) {
  std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cadence tests//EN\r\n";
  for (const auto& e : events)
    for (const auto& line : e) out += line + "\r\n";
  return out + "END:VCALENDAR\r\n";
}

using Lines = std::vector<std::string>;

TEST_F(IcsImportTest, TzidTimeIsTheLocalDateInTheUnitsZone) {
  const auto text = calendar_of({event("DTSTART;TZID=Asia/Shanghai:20260305T143000", "理论学习中心组集体学习"),
                                 // 20:00 in New York is 09:00 the next morning in Shanghai.
                                 event("DTSTART;TZID=America/New_York:20260305T200000", "意识形态分析研判会")});
  EXPECT_EQ(read(text), (Lines{"4 2026-03-05 study-group-session - record", "9 2026-03-06 ideology-analysis-meeting - record"}));
}

TEST_F(IcsImportTest, UtcTimeAfterFourPmIsTheNextShanghaiDay) {
  const auto text = calendar_of({event("DTSTART:20260305T155959Z", "理论学习中心组集体学习"),
                                 event("DTSTART:20260305T160000Z", "意识形态分析研判会")});
  EXPECT_EQ(read(text), (Lines{"4 2026-03-05 study-group-session - record", "9 2026-03-06 ideology-analysis-meeting - record"}));
}

TEST_F(IcsImportTest, UnitInAnotherZoneGetsItsOwnDateAndAllDayDatesStayAsTheyAre) {
  context.unit = unit("abroad", "America/Los_Angeles");
  const auto text = calendar_of({event("DTSTART:20260305T030000Z", "理论学习中心组集体学习"),
                                 event("DTSTART;VALUE=DATE:20260305", "意识形态分析研判会")});
  EXPECT_EQ(read(text), (Lines{"4 2026-03-04 study-group-session - record", "9 2026-03-05 ideology-analysis-meeting - record"}));
}

TEST_F(IcsImportTest, FloatingTimeIsInTheUnitsZone) {
  EXPECT_EQ(read(calendar_of({event("DTSTART:20260305T233000", "意识形态分析研判会")})),
            (Lines{"4 2026-03-05 ideology-analysis-meeting - record"}));
}

TEST_F(IcsImportTest, FoldedLinesJoinEvenInsideAUtf8Character) {
  // "理论学习中心组集体学习（扩大学习）": the fold falls after the first byte of "中", as
  // exporters that fold at 75 octets do.
  const std::string summary = "SUMMARY:理论学习中心组集体学习（扩大学习）";
  const auto cut = std::string("SUMMARY:理论学习").size() + 1;
  const auto text = calendar({"BEGIN:VEVENT", "UID:fold", "DTSTART;TZID=Asia/Shanghai:2026030", " 5T143000",
                              summary.substr(0, cut), " " + summary.substr(cut), "END:VEVENT", "BEGIN:VEVENT",
                              "DTSTART:20260310", "END:VEVENT"});
  const auto entries = read_ics("cal.ics", text, context);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].record.note, "理论学习中心组集体学习（扩大学习）");
  EXPECT_EQ(format_day(entries[0].record.date), "2026-03-05");
  EXPECT_EQ(entries[0].record.tags, (Tags{"expanded"}));
  // Lines stay physical lines: the second VEVENT starts on line 11, after two folds.
  EXPECT_EQ(entries[1].line, 11);
}

TEST_F(IcsImportTest, RecurringEventIsExpandedUpToTheAsOfDateLessItsExdates) {
  // Monthly on the 5th at 14:30 Shanghai time until 5 June 14:30 Shanghai (06:30 UTC): the
  // UTC UNTIL must not drop the last one. February is excluded.
  const auto text = calendar_of({event("DTSTART;TZID=Asia/Shanghai:20260105T143000", "理论学习中心组集体学习",
                                       {"RRULE:FREQ=MONTHLY;UNTIL=20260605T063000Z",
                                        "EXDATE;TZID=Asia/Shanghai:20260205T143000"})});
  EXPECT_EQ(read(text), (Lines{"4 2026-01-05 study-group-session - record", "4 2026-03-05 study-group-session - record",
                               "4 2026-04-05 study-group-session - record", "4 2026-05-05 study-group-session - record",
                               "4 2026-06-05 study-group-session - record"}));
}

TEST_F(IcsImportTest, EndlessRecurrenceStopsAtTheAsOfDateAndShowsTheNextOneSkipped) {
  context.as_of = Day{date::year{2026} / 4 / 20};
  const auto text = calendar_of({event("DTSTART:20260101T020000Z", "意识形态分析研判会",
                                       {"RRULE:FREQ=MONTHLY;INTERVAL=3", "EXDATE:20260101T020000Z,20260401T020000Z"})});
  EXPECT_EQ(read(text), (Lines{"4 2026-07-01 ideology-analysis-meeting - skip: after the as-of date 2026-04-20, not held yet"}));
  context.as_of = Day{date::year{2026} / 12 / 31};
  EXPECT_EQ(read(text), (Lines{"4 2026-07-01 ideology-analysis-meeting - record", "4 2026-10-01 ideology-analysis-meeting - record",
                               "4 2027-01-01 ideology-analysis-meeting - skip: after the as-of date 2026-12-31, not held yet"}));
}

TEST_F(IcsImportTest, MovedOccurrenceCountsOnItsNewDayOnly) {
  const auto text = calendar({"BEGIN:VEVENT", "UID:series", "DTSTART;TZID=Asia/Shanghai:20260105T143000",
                              "RRULE:FREQ=MONTHLY;COUNT=3", "SUMMARY:理论学习中心组集体学习", "END:VEVENT",
                              "BEGIN:VEVENT", "UID:series", "RECURRENCE-ID;TZID=Asia/Shanghai:20260205T143000",
                              "DTSTART;TZID=Asia/Shanghai:20260210T090000", "SUMMARY:理论学习中心组集体学习", "END:VEVENT"});
  EXPECT_EQ(read(text), (Lines{"4 2026-01-05 study-group-session - record", "4 2026-03-05 study-group-session - record",
                               "10 2026-02-10 study-group-session - record"}));
}

TEST_F(IcsImportTest, CancelledAndFutureAndUnmatchedEventsAreSkippedWithTheReason) {
  const auto text = calendar_of({event("DTSTART:20260305T020000Z", "理论学习中心组集体学习", {"STATUS:CANCELLED"}),
                                 event("DTSTART:20260705T020000Z", "意识形态分析研判会"),
                                 event("DTSTART:20260306T020000Z", "Lunch with the county"),
                                 // A branch's rule does not count for a committee.
                                 event("DTSTART:20260307T020000Z", "主题党日"),
                                 {"BEGIN:VTODO", "UID:todo", "SUMMARY:理论学习中心组集体学习", "END:VTODO"}});
  EXPECT_EQ(read(text), (Lines{"4 2026-03-05 study-group-session - skip: cancelled",
                               "10 2026-07-05 ideology-analysis-meeting - skip: after the as-of date 2026-06-30, not held yet",
                               "15 2026-03-06 - - skip: matches no rule for this unit",
                               "20 2026-03-07 - - skip: matches no rule for this unit"}));
}

TEST_F(IcsImportTest, CadenceSuggestionsAreSkippedAndHeldFeedEventsKeepTheirRuleAndTags) {
  const auto text = calendar_of(
      {event("DTSTART;TZID=Asia/Shanghai:20260402T143000", "建议：理论学习中心组集体学习",
             {"STATUS:TENTATIVE", "X-CADENCE-RULE:study-group-session", "X-CADENCE-PERIOD:2026", "X-CADENCE-TAGS:expanded"}),
       event("DTSTART;TZID=Asia/Shanghai:20260409T143000", "中心组学习（县委宣传部参加）",
             {"STATUS:CONFIRMED", "X-CADENCE-RULE:study-group-session", "X-CADENCE-PERIOD:2025",
              "X-CADENCE-TAGS:expanded, observed"})});
  const auto entries = read_ics("cal.ics", text, context);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].skip, "a Cadence suggestion (TENTATIVE), not held");
  EXPECT_TRUE(entries[1].is_record());
  EXPECT_EQ(entries[1].record.rule, "study-group-session");
  EXPECT_EQ(entries[1].record.tags, (Tags{"expanded", "observed"}));
  // The period of a cadence record marks a make-up; a feed's period does not.
  EXPECT_FALSE(entries[1].record.period);
}

TEST_F(IcsImportTest, TentativeEventOfThePersonsOwnIsStillHeld) {
  EXPECT_EQ(read(calendar_of({event("DTSTART:20260305T020000Z", "意识形态分析研判会", {"STATUS:TENTATIVE"})})),
            (Lines{"4 2026-03-05 ideology-analysis-meeting - record"}));
}

TEST_F(IcsImportTest, DeadlineRecordNeedsItsPeriod) {
  const auto text = calendar_of({event("DTSTART;VALUE=DATE:20260706", "意识形态工作半年自查报告"),
                                 event("DTSTART;VALUE=DATE:20260707", "报送", {"X-CADENCE-RULE:half-year-report", "X-CADENCE-PERIOD:2026-H1"})});
  context.as_of = Day{date::year{2026} / 7 / 31};
  const auto entries = read_ics("cal.ics", text, context);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].skip, "deadline rule 'half-year-report' needs X-CADENCE-PERIOD (the period the deliverable is for)");
  ASSERT_TRUE(entries[1].is_record());
  ASSERT_TRUE(entries[1].record.period);
  EXPECT_EQ(entries[1].record.period->id(), "2026-H1");
  EXPECT_NE(error_of(calendar_of({event("DTSTART;VALUE=DATE:20260707", "意识形态工作半年自查报告", {"X-CADENCE-PERIOD:2026-H3"})})),
            "");
}

TEST_F(IcsImportTest, MatchingOrderAndTies) {
  const auto text = calendar_of(
      {// The longest title the summary contains wins over a shorter one inside it.
       event("DTSTART:20260301T020000Z", "理论学习中心组集体学习"),
       event("DTSTART:20260302T020000Z", "书记讲党课暨党员讲党课"),
       // CATEGORIES outweighs SUMMARY; X-CADENCE-RULE outweighs both.
       event("DTSTART:20260303T020000Z", "理论学习中心组集体学习", {"CATEGORIES:Work,意识形态分析研判会"}),
       event("DTSTART:20260304T020000Z", "理论学习", {"CATEGORIES:theory-study", "X-CADENCE-RULE:member-lecture"}),
       event("DTSTART:20260305T020000Z", "中心组学习", {"X-CADENCE-RULE:no-such-rule"})});
  EXPECT_EQ(read(text),
            (Lines{"4 2026-03-01 study-group-session - record",
                   "9 2026-03-02 - - skip: ambiguous: SUMMARY matches secretary-lecture, member-lecture",
                   "14 2026-03-03 ideology-analysis-meeting - record", "20 2026-03-04 member-lecture - record",
                   "27 2026-03-05 - - skip: X-CADENCE-RULE 'no-such-rule' is not a rule for this unit"}));
}

TEST_F(IcsImportTest, TagsComeFromLabelsInSummaryOrCategoriesUnlessListed) {
  const auto text = calendar_of({event("DTSTART:20260301T020000Z", "理论学习中心组集体学习（扩大学习）", {"CATEGORIES:宣传部旁听"}),
                                 event("DTSTART:20260302T020000Z", "Theory study group collective session, expanded"),
                                 event("DTSTART:20260303T020000Z", "理论学习中心组扩大学习", {"X-CADENCE-TAGS:observed"})});
  const auto entries = read_ics("cal.ics", text, context);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].record.tags, (Tags{"expanded", "observed"}));
  EXPECT_EQ(entries[1].record.tags, (Tags{"expanded"}));
  // "理论学习中心组扩大学习" holds only the shorter title "理论学习". Listed tags are taken as
  // they are; whether the rule knows them is check_record's to say.
  EXPECT_EQ(entries[2].record.rule, "theory-study");
  EXPECT_EQ(entries[2].record.tags, (Tags{"observed"}));
}

TEST_F(IcsImportTest, TwoEventsOfOneRuleOnOneDayAreOneRecord) {
  const auto text = calendar_of({event("DTSTART:20260305T010000Z", "理论学习中心组集体学习"),
                                 event("DTSTART:20260305T060000Z", "理论学习中心组集体学习（扩大学习）")});
  EXPECT_EQ(read(text), (Lines{"4 2026-03-05 study-group-session expanded record",
                               "9 2026-03-05 study-group-session expanded skip: same rule and date as the record of line 4 (tags merged)"}));
}

TEST_F(IcsImportTest, OutlookZoneNameIsReadFromTheFilesVtimezone) {
  const auto text = calendar({"BEGIN:VTIMEZONE", "TZID:China Standard Time", "BEGIN:STANDARD", "DTSTART:16010101T000000",
                              "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "END:STANDARD", "END:VTIMEZONE", "BEGIN:VEVENT",
                              "UID:outlook", "DTSTART;TZID=China Standard Time:20260305T003000", "SUMMARY:意识形态分析研判会",
                              "END:VEVENT"});
  EXPECT_EQ(read(text), (Lines{"12 2026-03-05 ideology-analysis-meeting - record"}));
  // 00:30 in China is the evening before in Berlin.
  context.unit = unit("berlin", "Europe/Berlin");
  EXPECT_EQ(read(text), (Lines{"12 2026-03-04 ideology-analysis-meeting - record"}));
  EXPECT_EQ(error_of(calendar_of({event("DTSTART;TZID=Mars Standard Time:20260305T003000", "x")})),
            "cal.ics:4: error: TZID 'Mars Standard Time' is neither an IANA time zone nor defined by a VTIMEZONE in the file");
}

class IcsSubDailyTest : public IcsImportTest, public ::testing::WithParamInterface<std::string> {};

// libical searches these one second (minute, hour) at a time for a 30 February and never
// returns; the rule is refused before it starts.
TEST_P(IcsSubDailyTest, RuleWithADayFilterIsRefusedWithTheLineInsteadOfSearchingForEver) {
  const auto rrule = "RRULE:FREQ=" + GetParam() + ";BYMONTH=2;BYMONTHDAY=30";
  const auto error = error_of(calendar_of({event("DTSTART:20260305T020000Z", "理论学习中心组集体学习"),
                                           event("DTSTART:20260306T020000Z", "意识形态分析研判会", {rrule})}));
  // The RRULE's own line: the VEVENT begins on line 9.
  EXPECT_EQ(error.rfind("cal.ics:13: error: RRULE FREQ=" + GetParam() + ";", 0), 0u) << error;
  EXPECT_NE(error.find(": FREQ=" + GetParam() + " with a day filter (BYDAY, BYMONTHDAY"), std::string::npos) << error;
}

INSTANTIATE_TEST_SUITE_P(Frequencies, IcsSubDailyTest, ::testing::Values("SECONDLY", "MINUTELY", "HOURLY"));

TEST_F(IcsImportTest, SubDailyRuleWithOnlyTimeFiltersIsStillExpanded) {
  context.as_of = Day{date::year{2026} / 3 / 7};
  const auto text = calendar_of({event("DTSTART:20260305T020000Z", "意识形态分析研判会", {"RRULE:FREQ=HOURLY;BYHOUR=2"})});
  EXPECT_EQ(read(text), (Lines{"4 2026-03-05 ideology-analysis-meeting - record", "4 2026-03-06 ideology-analysis-meeting - record",
                               "4 2026-03-07 ideology-analysis-meeting - record",
                               "4 2026-03-08 ideology-analysis-meeting - skip: after the as-of date 2026-03-07, not held yet"}));
}

// libical's string reader made a long line cost its length squared (4 MB took 2.2 s, 20 MB
// did not finish); read in time linear in its size, this completes well inside the test timeout.
TEST_F(IcsImportTest, FourMegabyteDescriptionIsRead) {
  const std::string description = "DESCRIPTION:" + std::string(4 * 1024 * 1024, 'x');
  const auto entries = read_ics("cal.ics", calendar_of({event("DTSTART:20260305", "意识形态分析研判会", {description})}), context);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_TRUE(entries[0].is_record());
}

TEST_F(IcsImportTest, ControlCharactersAreRefusedWithTheLineAndProperty) {
  const auto error = error_of(calendar_of({event("DTSTART:20260305", "会议\x1b[2J", {"DESCRIPTION:ok\ttab"}),
                                           event("DTSTART:20260306", "x", {"LOCATION:a\x7f"})}));
  EXPECT_NE(error.find("cal.ics:7: error: SUMMARY contains the control character ESC (0x1B) at byte 15"), std::string::npos) << error;
  EXPECT_NE(error.find("cal.ics:14: error: LOCATION contains the control character DEL (0x7F) at byte 11"), std::string::npos)
      << error;
  EXPECT_EQ(error.find("DESCRIPTION"), std::string::npos) << "a tab is allowed: " << error;
}

TEST_F(IcsImportTest, SummaryOverANotesSizeIsRefused) {
  const auto error = error_of(calendar_of({event("DTSTART:20260305", "意识形态分析研判会" + std::string(kMaxNoteBytes, 'x'))}));
  EXPECT_EQ(error, "cal.ics:4: error: SUMMARY (the record's note) is 65563 bytes long; at most 65536");
}

struct Malformed {
  std::string text;
  std::string expected;
  friend void PrintTo(const Malformed& m, std::ostream* out) { *out << m.expected; }
};

class IcsMalformedTest : public IcsImportTest, public ::testing::WithParamInterface<Malformed> {};

TEST_P(IcsMalformedTest, IsRejectedWithTheLine) {
  const auto error = error_of(GetParam().text);
  EXPECT_NE(error.find(GetParam().expected), std::string::npos) << error;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, IcsMalformedTest,
    ::testing::Values(
        Malformed{"unit,rule,date\r\ntown-a,x,2026-03-05\r\n", "cal.ics:1: error: missing BEGIN:VCALENDAR"},
        Malformed{"", "cal.ics:1: error: missing BEGIN:VCALENDAR"},
        Malformed{calendar({"BEGIN:VEVENT", "DTSTART:20260305", "SUMMARY x", "END:VEVENT"}),
                  "cal.ics:6: error: no ':' in this line (expected NAME:VALUE): 'SUMMARY x'"},
        Malformed{calendar({"BEGIN:VEVENT", "DTSTART:20260305", "BEGIN:VEVENT", "DTSTART:20260306", "END:VEVENT"}),
                  "cal.ics:4: error: BEGIN:VEVENT is never closed"},
        Malformed{calendar({"BEGIN:VEVENT", "DTSTART:20260305", "END:VEVENT", "END:VEVENT"}),
                  "cal.ics:7: error: END:VEVENT without a BEGIN:VEVENT"},
        Malformed{"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260305\r\nEND:VEVENT\r\n",
                  "cal.ics:1: error: BEGIN:VCALENDAR is never closed by END:VCALENDAR"},
        Malformed{calendar({"BEGIN:VEVENT", "UID:a", "SUMMARY:理论学习中心组集体学习", "END:VEVENT"}),
                  "cal.ics:4: error: VEVENT without DTSTART"},
        Malformed{calendar({"BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260230", "END:VEVENT"}),
                  "cal.ics:5: error: DTSTART '20260230' is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS[Z])"},
        Malformed{calendar({"BEGIN:VEVENT", "DTSTART:tomorrow", "END:VEVENT"}), "cal.ics:5: error: DTSTART 'tomorrow'"},
        Malformed{calendar({"BEGIN:VEVENT", "DTSTART:20260305T250000Z", "END:VEVENT"}), "cal.ics:5: error: DTSTART '20260305T250000Z'"},
        // A fold moves the problem's physical line, not its logical one.
        Malformed{calendar({"BEGIN:VEVENT", "DESCRIPTION:long", " text", "DTSTART:2026-03-05", "END:VEVENT"}),
                  "cal.ics:7: error: DTSTART '2026-03-05'"},
        Malformed{calendar({"BEGIN:VEVENT", "DTSTART:20260305", "RRULE:FREQ=SOMETIMES", "SUMMARY:意识形态分析研判会", "END:VEVENT"}),
                  "cal.ics:4: error: libical cannot read the recurrence: Can't parse as RECUR value in RRULE"}));

}  // namespace
}  // namespace cadence
