#pragma once
// How long a login for one account waits after failures: the first few are free (a mistyped
// password), then the wait doubles from 1 s up to a minute. At most about 70 failures an hour
// get through (ASVS allows 100), and a real user locked out by someone else's guesses waits at
// most a minute — never an hour or a day.
#include <chrono>

namespace cadence {

inline constexpr int kFreeLoginFailures = 5;
inline constexpr std::chrono::seconds kMaxLoginWait{60};
// The window failures are counted in.
inline constexpr std::chrono::hours kLoginFailureWindow{1};

// The wait after the last failure, given how many failures the window holds.
std::chrono::seconds login_wait(int failures);

}  // namespace cadence
