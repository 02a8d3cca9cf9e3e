#include "store/login_throttle.h"

#include "core/login_backoff.h"
#include "store_fixture.h"

namespace cadence::store {
namespace {

using test::StoreTest;

class LoginThrottleTest : public StoreTest {
 protected:
  LoginThrottle throttle{db};
  std::chrono::sys_seconds t0 = db.now();
};

TEST_P(LoginThrottleTest, FailuresPastTheFreeOnesMakeTheNextAttemptWait) {
  for (int i = 0; i < kFreeLoginFailures - 1; ++i) throttle.failed("a@example.org", t0);
  EXPECT_EQ(throttle.blocked_until("a@example.org", t0), std::nullopt);
  throttle.failed("a@example.org", t0);
  EXPECT_EQ(throttle.blocked_until("a@example.org", t0), t0 + std::chrono::seconds(1));
  EXPECT_EQ(throttle.blocked_until("a@example.org", t0 + std::chrono::seconds(1)), std::nullopt);
  // Another account, and the same one from another instance, see their own counts.
  EXPECT_EQ(throttle.blocked_until("b@example.org", t0), std::nullopt);
  EXPECT_EQ(LoginThrottle(*reopen()).blocked_until("a@example.org", t0), t0 + std::chrono::seconds(1));
}

TEST_P(LoginThrottleTest, FailuresOlderThanTheWindowNoLongerCountAndASuccessClears) {
  for (int i = 0; i < 20; ++i) throttle.failed("a@example.org", t0);
  EXPECT_EQ(throttle.blocked_until("a@example.org", t0), t0 + kMaxLoginWait);
  EXPECT_EQ(throttle.blocked_until("a@example.org", t0 + kLoginFailureWindow), std::nullopt);
  throttle.failed("a@example.org", t0 + kLoginFailureWindow);
  EXPECT_EQ(count("SELECT COUNT(*) FROM login_failures"), 1);
  throttle.succeeded("a@example.org");
  EXPECT_EQ(count("SELECT COUNT(*) FROM login_failures"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, LoginThrottleTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::store
