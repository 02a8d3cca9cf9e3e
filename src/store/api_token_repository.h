#pragma once
// API tokens: what a script sends as `Authorization: Bearer <token>` to speak for a user. A
// token is 256 random bits, shown once when issued; the table keeps its SHA-256 only. A user may
// hold several, each with a label saying what it is for, and each revocable on its own.
#include "store/database.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cadence::store {

struct ApiToken {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string email;  // the user's
  std::string label;
  std::chrono::sys_seconds created_at{};
  std::string created_by;
  std::optional<std::chrono::sys_seconds> revoked_at;
  std::optional<std::chrono::sys_seconds> last_used_at;
};

struct IssuedApiToken {
  std::int64_t id = 0;
  std::string token;  // the secret: never stored, never logged
};

class ApiTokenRepository {
 public:
  explicit ApiTokenRepository(Database& db) : db_(db) {}

  // REQUIRES: the user is stored (else StoreError).
  IssuedApiToken issue(std::int64_t user_id, const std::string& label, const std::string& actor);
  // false when there is no live token with that id.
  bool revoke(std::int64_t id, const std::string& actor);

  struct Match {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
  };
  // The live token's id and user; nullopt for an unknown or revoked one (whether its user is
  // disabled is UserRepository::principal's to say).
  std::optional<Match> resolve(std::string_view token);
  // Notes a use at `at`; written at most once a minute per token, so that API calls do not each
  // cost a write.
  void touch(std::int64_t id, std::chrono::sys_seconds at);
  // Every token (of one user when user_id is not 0), oldest first.
  std::vector<ApiToken> list(std::int64_t user_id = 0);

 private:
  Database& db_;
};

}  // namespace cadence::store
