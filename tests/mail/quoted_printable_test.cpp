#include "mail/quoted_printable.h"

#include <gtest/gtest.h>

namespace cadence::mail {
namespace {

TEST(QuotedPrintableTest, LineEndsBecomeCrlf) {
  EXPECT_EQ(quoted_printable("a\nb\r\nc\rd"), "a\r\nb\r\nc\r\nd\r\n");
  EXPECT_EQ(quoted_printable("a\n\nb\n"), "a\r\n\r\nb\r\n");
}

TEST(QuotedPrintableTest, EncodesEqualsUtf8AndTrailingSpace) {
  EXPECT_EQ(quoted_printable("x=1 \n"), "x=3D1=20\r\n");
  EXPECT_EQ(quoted_printable("点"), "=E7=82=B9\r\n");
}

TEST(QuotedPrintableTest, LeadingDotIsKeptForSmtpToStuff) { EXPECT_EQ(quoted_printable(".hidden"), ".hidden\r\n"); }

TEST(QuotedPrintableTest, LongLinesGetSoftBreaksWithinSeventySixCharacters) {
  const std::string text(70, 'x');
  const std::string out = quoted_printable(text + "点");
  std::size_t start = 0, total = 0;
  for (std::size_t end; (end = out.find("\r\n", start)) != std::string::npos; start = end + 2) {
    EXPECT_LE(end - start, 76u);
    std::string line = out.substr(start, end - start);
    if (line.ends_with('=')) line.pop_back();
    // An escape is never split by a soft break.
    for (std::size_t eq = line.find('='); eq != std::string::npos; eq = line.find('=', eq + 1))
      EXPECT_LT(eq + 2, line.size()) << line;
    total += line.size();
  }
  EXPECT_EQ(total, 70u + 9u);
}

}  // namespace
}  // namespace cadence::mail
