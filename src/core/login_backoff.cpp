#include "core/login_backoff.h"

#include <algorithm>

namespace cadence {

std::chrono::seconds login_wait(int failures) {
  if (failures < kFreeLoginFailures) return std::chrono::seconds(0);
  // 2^6 s is past the limit already: no larger shift is ever needed.
  const int doublings = std::min(failures - kFreeLoginFailures, 6);
  return std::min(std::chrono::seconds(1LL << doublings), kMaxLoginWait);
}

}  // namespace cadence
