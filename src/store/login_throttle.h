#pragma once
// Failed logins per account, in the database so that every instance of `cadence serve` sees
// the same count (core/login_backoff.h says how long each failure makes the next attempt wait).
// Keyed by the email as typed (lower-cased), known or not: throttling an unknown address the
// same way reveals nothing about which addresses exist.
#include "store/database.h"

#include <chrono>
#include <optional>
#include <string_view>

namespace cadence::store {

class LoginThrottle {
 public:
  explicit LoginThrottle(Database& db) : db_(db) {}

  // When the next attempt for `email` may be made, if that is after `at`.
  std::optional<std::chrono::sys_seconds> blocked_until(std::string_view email, std::chrono::sys_seconds at);
  // A failure at `at`; failures older than the window are dropped on the way.
  void failed(std::string_view email, std::chrono::sys_seconds at);
  // A successful login starts the count again.
  void succeeded(std::string_view email);

 private:
  Database& db_;
};

}  // namespace cadence::store
