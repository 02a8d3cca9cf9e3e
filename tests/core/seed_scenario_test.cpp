// Scenarios with the numbers of seed 002_89d6aed285bfb3d4.txt part 6, the county inspection:
// "中心组集中学习按照要求全年不少于12次,其中扩大学习不少于4次,邀请县委宣传部旁听一次 …
//  如xx镇今年的中心组集中学习次数仅有5次,其中扩大学习仅有2次".
#include "core/compliance.h"

#include "rule_fixtures.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {
using namespace cadence::testing;

Result township(int sessions_held, int expanded, Day as_of) {
  const auto r = evaluate_cadence(study_group(), unit("xx-town", "committee"), *parse_period("2026"),
                                  sessions(sessions_held, expanded), as_of, cn_calendar());
  return r.value_or(Result{});
}

TEST(SeedScenarioTest, FiveSessionsTwoExpandedByMidYearIsBehind) {
  const auto r = township(5, 2, d(2026, 6, 30));
  EXPECT_EQ(r.status, Status::behind);
  EXPECT_EQ(r.done, 5);
  EXPECT_EQ(r.quotas[0].done, 2);
  EXPECT_EQ(r.quotas[1].done, 0);
}

TEST(SeedScenarioTest, SixSessionsTwoExpandedByMidYearIsOnTrack) {
  EXPECT_EQ(township(6, 2, d(2026, 6, 30)).status, Status::on_track);
}

TEST(SeedScenarioTest, NeverObservedIsMissedAtYearEndEvenWithTwelveSessions) {
  const auto r = township(12, 4, d(2027, 1, 4));
  EXPECT_EQ(r.status, Status::missed);
}

}  // namespace
}  // namespace cadence
