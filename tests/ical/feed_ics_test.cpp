// The shape of a rendered feed, line by line: what clients reject or misread if it is wrong.
#include "ical/feed_ics.h"
#include "ical/vtimezone.h"

#include <gtest/gtest.h>

namespace cadence::ical {
namespace {

Day day(int y, unsigned m, unsigned d) { return Day{date::year{y} / date::month{m} / date::day{d}}; }

// A session whose texts need folding (long CJK runs), escaping (, ; \ and newlines) and an
// alarm; and a deadline with a to-do.
Feed tricky_feed() {
  FeedItem session;
  session.kind = FeedItemKind::session;
  session.uid = "study.2026-05.1.u1@cadence";
  session.unit = "u1";
  session.zone = "Asia/Shanghai";
  session.rule = "study";
  session.period = "2026-05";
  session.date = session.last_date = day(2026, 5, 14);
  session.time = std::chrono::minutes{14 * 60 + 30};
  session.duration = std::chrono::minutes{120};
  session.summary = "中心组学习（第5次/共12次，扩大学习）";
  std::string long_text;
  for (int i = 0; i < 40; ++i) long_text += "理论学习中心组集体学习，";
  session.description = long_text + "\nline two; with, punctuation \\ and \\n literally\n" + long_text + "x";
  session.category = "理论学习中心组集体学习";
  session.alarms = {*parse_iso_duration("P7D"), *parse_iso_duration("P1D")};

  FeedItem deadline = session;
  deadline.kind = FeedItemKind::deadline;
  deadline.uid = "report.2026-H1.due.u1@cadence";
  deadline.time.reset();
  deadline.date = deadline.last_date = day(2026, 7, 8);
  deadline.summary = "截止：半年报告";
  deadline.alarms = {*parse_iso_duration("P3D")};
  return {"杨柳镇党委 · Cadence", "Asia/Shanghai", {session, deadline}};
}

std::string render(const Feed& feed) {
  const std::vector<ItemVersion> versions(feed.items.size(), {2, std::chrono::sys_seconds{std::chrono::seconds{1780000000}}});
  return render_feed(feed, versions, {std::chrono::minutes{60}, day(2025, 1, 1)});
}

std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find("\r\n", start);
    EXPECT_NE(end, std::string::npos) << "the text must end in CRLF";
    if (end == std::string::npos) break;
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    i += n;
  }
  return true;
}

TEST(FeedIcs, LinesAreCrlfFoldedAt75OctetsWithoutSplittingUtf8OrEscapes) {
  const std::string text = render(tricky_feed());
  EXPECT_EQ(text.find('\n'), text.find("\r\n") + 1);
  for (const auto& line : physical_lines(text)) {
    EXPECT_LE(line.size(), 75u) << line;
    // Each physical line on its own is whole UTF-8: no character is cut by a fold.
    EXPECT_TRUE(valid_utf8(line)) << line;
  }
  // Unfolded, the escapes are intact and no fold fell between a backslash and its letter.
  std::string unfolded;
  for (const auto& line : physical_lines(text)) unfolded += line.starts_with(" ") ? line.substr(1) : "\n" + line;
  EXPECT_NE(unfolded.find("\\nline two\\; with\\, punctuation \\\\ and \\\\n literally\\n"), std::string::npos);
}

TEST(FeedIcs, NoFoldFallsBetweenABackslashAndTheLetterItEscapesAtAnyLength) {
  // libical folds before any ASCII byte, so some length of text before a newline puts its
  // fold between '\' and 'n'; every length from 0 to 150 is tried.
  for (std::size_t n = 0; n <= 150; ++n) {
    Feed feed = tricky_feed();
    feed.items[0].description = std::string(n, 'a') + "\n" + std::string(n % 7, 'b') + "\n,;\\" + std::string(n, 'c');
    const auto lines = physical_lines(render(feed));
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      if (!lines[i + 1].starts_with(" ")) continue;
      // An odd run of trailing backslashes ends in one that escapes what the next line starts with.
      const auto last = lines[i].find_last_not_of('\\');
      const auto run = lines[i].size() - (last == std::string::npos ? 0 : last + 1);
      EXPECT_EQ(run % 2, 0u) << "length " << n << ": " << lines[i] << " | " << lines[i + 1];
    }
  }
}

TEST(FeedIcs, CalendarHeaderNamesZoneRefreshAndMethod) {
  const std::string text = render(tricky_feed());
  for (const char* expected :
       {"METHOD:PUBLISH\r\n", "NAME:杨柳镇党委 · Cadence\r\n", "X-WR-CALNAME:杨柳镇党委 · Cadence\r\n",
        "X-WR-TIMEZONE:Asia/Shanghai\r\n", "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n", "X-PUBLISHED-TTL:PT1H\r\n",
        "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0800\r\n"
        "TZOFFSETTO:+0800\r\n",
        "DTSTART;TZID=Asia/Shanghai:20260514T143000\r\n", "DTEND;TZID=Asia/Shanghai:20260514T163000\r\n",
        "SEQUENCE:2\r\n", "DTSTAMP:20260528T202640Z\r\n", "DUE;VALUE=DATE:20260708\r\n",
        "TRIGGER;RELATED=END:-P3D\r\n", "TRIGGER:-P7D\r\n", "STATUS:TENTATIVE\r\n", "STATUS:NEEDS-ACTION\r\n"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  EXPECT_EQ(text.find("RDATE"), std::string::npos);
}

TEST(FeedIcs, NoPropertyFollowsAnAlarmInItsComponent) {
  const auto lines = physical_lines(render(tricky_feed()));
  int depth_in_alarm = 0, alarms = 0;
  bool after_alarm = false;
  for (const auto& line : lines) {
    if (line == "BEGIN:VALARM") depth_in_alarm = 1, ++alarms;
    else if (line == "END:VALARM") {
      depth_in_alarm = 0;
      after_alarm = true;
    } else if (line.starts_with("END:")) after_alarm = false;
    else if (after_alarm && depth_in_alarm == 0 && !line.starts_with("BEGIN:VALARM") && !line.starts_with(" "))
      ADD_FAILURE() << "property after VALARM: " << line;
  }
  EXPECT_GE(alarms, 2) << "the feed has no alarms to check";
}

TEST(FeedIcs, UniqueUidsAndTheDeadlineAlsoAsAnAllDayEvent) {
  const std::string text = render(tricky_feed());
  EXPECT_NE(text.find("UID:report.2026-H1.due.u1@cadence\r\n"), std::string::npos);
  EXPECT_NE(text.find("UID:day-report.2026-H1.due.u1@cadence\r\n"), std::string::npos);
  EXPECT_NE(text.find("DTSTART;VALUE=DATE:20260708\r\nDTEND;VALUE=DATE:20260709\r\n"), std::string::npos);
}

TEST(Vtimezone, ZoneWithDaylightSavingGetsYearlyRules) {
  const std::string text = to_text(make_vtimezone("America/New_York", day(2026, 1, 1)).get());
  EXPECT_NE(text.find("BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n"),
            std::string::npos) << text;
  EXPECT_NE(text.find("RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3"), std::string::npos) << text;
  EXPECT_NE(text.find("RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11"), std::string::npos) << text;
  EXPECT_NE(to_text(make_vtimezone("Europe/Berlin", day(2026, 1, 1)).get()).find("BYDAY=-1SU;BYMONTH=10"), std::string::npos);
  EXPECT_THROW(make_vtimezone("Mars/Olympus", day(2026, 1, 1)), std::runtime_error);
}

}  // namespace
}  // namespace cadence::ical
