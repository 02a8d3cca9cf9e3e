#include "core/iso_duration.h"

#include "test_calendar.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {
using testing::d;

TEST(IsoDurationTest, ParsesTheFormsRulesUse) {
  EXPECT_EQ(parse_iso_duration("P7D")->days, 7);
  EXPECT_EQ(parse_iso_duration("P2W")->days, 14);
  EXPECT_EQ(parse_iso_duration("PT2H")->time, std::chrono::hours{2});
  EXPECT_EQ(parse_iso_duration("PT1H30M")->time, std::chrono::minutes{90});
  const auto mixed = parse_iso_duration("P1M2DT3H");
  ASSERT_TRUE(mixed);
  EXPECT_EQ(mixed->months, 1);
  EXPECT_EQ(mixed->days, 2);
  for (const char* bad : {"", "P", "PT", "7D", "P7", "PD", "P1H", "PT1D", "P1DT", "p7d", "P-1D"})
    EXPECT_FALSE(parse_iso_duration(bad)) << bad;
}

TEST(IsoDurationTest, SubtractsCalendarUnits) {
  EXPECT_EQ(parse_iso_duration("P7D")->before(d(2026, 3, 3)), d(2026, 2, 24));
  EXPECT_EQ(parse_iso_duration("P1M")->before(d(2026, 3, 31)), d(2026, 2, 28));
}

}  // namespace
}  // namespace cadence
