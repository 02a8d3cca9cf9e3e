#include "core/login_backoff.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {

using std::chrono::seconds;

TEST(LoginBackoff, TheFirstFailuresAreFreeThenTheWaitDoublesUpToAMinute) {
  for (int n = 0; n < kFreeLoginFailures; ++n) EXPECT_EQ(login_wait(n), seconds(0)) << n;
  EXPECT_EQ(login_wait(5), seconds(1));
  EXPECT_EQ(login_wait(6), seconds(2));
  EXPECT_EQ(login_wait(10), seconds(32));
  EXPECT_EQ(login_wait(11), seconds(60));
  EXPECT_EQ(login_wait(1'000'000), seconds(60));
}

TEST(LoginBackoff, AnAttackerGetsFewerThanAHundredFailuresAnHour) {
  // Each attempt made as soon as allowed; the count holds the failures of the last hour.
  std::vector<seconds> failures;
  seconds now{0};
  while (now < std::chrono::hours(1)) {
    std::erase_if(failures, [&](seconds at) { return at <= now - std::chrono::hours(1); });
    failures.push_back(now);
    now += login_wait(static_cast<int>(failures.size()));
  }
  EXPECT_LT(failures.size(), 100u);
  EXPECT_GT(failures.size(), 50u);  // and the limit is not an hour's lock-out
}

}  // namespace
}  // namespace cadence
