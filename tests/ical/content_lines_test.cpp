#include "ical/content_lines.h"

#include <gtest/gtest.h>

namespace cadence::ical {
namespace {

// Where each physical line of `folded` starts within its unfolded logical line.
struct Logical {
  std::string text;
  std::vector<std::size_t> folds;  // offsets in `text` where a continuation line begins
};

std::vector<Logical> logical_lines(const std::string& folded) {
  std::vector<Logical> out;
  std::size_t at = 0;
  while (at < folded.size()) {
    const auto end = folded.find("\r\n", at);
    EXPECT_NE(end, std::string::npos);
    const auto line = folded.substr(at, end - at);
    EXPECT_LE(line.size(), kMaxLineOctets) << line;
    if (line.starts_with(" ")) {
      out.back().folds.push_back(out.back().text.size());
      out.back().text += line.substr(1);
    } else {
      out.push_back({line, {}});
    }
    at = end + 2;
  }
  return out;
}

// True when a fold falls right after a backslash that escapes the next character.
bool splits_an_escape(const Logical& l) {
  for (std::size_t i = 0; i + 1 < l.text.size(); ++i) {
    if (l.text[i] != '\\') continue;
    for (auto f : l.folds)
      if (f == i + 1) return true;
    ++i;  // the escaped character is not itself an escape
  }
  return false;
}

bool splits_a_character(const Logical& l) {
  for (auto f : l.folds)
    if ((static_cast<unsigned char>(l.text[f]) & 0xC0) == 0x80) return true;
  return false;
}

TEST(ContentLinesTest, RefoldNeverSplitsAnEscapeOrACharacterAtAnyLength) {
  for (std::size_t prefix = 0; prefix < 200; ++prefix) {
    for (const std::string filler : {"x", "中", "\\\\"}) {
      std::string value;
      while (value.size() < prefix) value += filler;
      const std::string line = "DESCRIPTION:" + value + "\\n第二行\\, 逗号\\; 分号\\\\n" + value + "\\N";
      const auto folded = refold("BEGIN:VEVENT\r\n" + line + "\r\nEND:VEVENT\r\n");
      const auto lines = logical_lines(folded);
      ASSERT_EQ(lines.size(), 3u);
      EXPECT_EQ(lines[1].text, line) << "the fold only moves line breaks";
      EXPECT_FALSE(splits_an_escape(lines[1])) << prefix << " " << folded;
      EXPECT_FALSE(splits_a_character(lines[1])) << prefix << " " << folded;
    }
  }
}

TEST(ContentLinesTest, RefoldUndoesAnEarlierFoldAndKeepsShortLines) {
  EXPECT_EQ(refold("SUMMARY:ab\r\n c\r\nEND:VEVENT\r\n"), "SUMMARY:abc\r\nEND:VEVENT\r\n");
  const std::string long_line(160, 'a');
  EXPECT_EQ(refold(long_line + "\r\n"), long_line.substr(0, 75) + "\r\n " + long_line.substr(75, 74) + "\r\n " +
                                            long_line.substr(149) + "\r\n");
}

}  // namespace
}  // namespace cadence::ical
