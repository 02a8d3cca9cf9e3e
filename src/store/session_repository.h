#pragma once
// Sign-in sessions of the pages. A session's secret (the cookie's value, 256 random bits) is
// never stored, only its SHA-256; its CSRF token is derived from the secret (csrf_token), so a
// copy of the database yields neither. A session ends at logout, when its user is disabled, or
// when found idle or too old; ended rows stay, for the record.
#include "store/database.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cadence::store {

struct IssuedSession {
  std::int64_t id = 0;
  std::string token;  // the cookie's value: never stored, never logged
};

struct OpenSession {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::chrono::sys_seconds created_at{};
  std::chrono::sys_seconds last_seen_at{};
};

class SessionRepository {
 public:
  explicit SessionRepository(Database& db) : db_(db) {}

  IssuedSession start(std::int64_t user_id);
  // The session of that secret, unless it has ended (nullopt).
  std::optional<OpenSession> resolve(std::string_view token);
  // Moves last_seen_at to `at` (at most one write a second per session).
  void touch(std::int64_t id, std::chrono::sys_seconds at);
  // false when it had ended already. `reason`: "logout", "idle", "expired", "disabled".
  bool end(std::int64_t id, std::string_view reason);

  // The synchronizer token of the session whose secret is `token`: the hex SHA-256 of a
  // purpose string and the secret.
  static std::string csrf_token(std::string_view token);

 private:
  Database& db_;
};

}  // namespace cadence::store
