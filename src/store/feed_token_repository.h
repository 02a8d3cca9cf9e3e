#pragma once
// Secret feed tokens: the only credential of a feed URL. A token is 256 random bits, shown
// once when issued; the table keeps its SHA-256 only, and a fetch finds it by that hash.
// A unit may hold several live tokens, so a new one can be handed out before the old one
// is revoked (rotation without a gap).
#include "store/database.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cadence::store {

struct FeedToken {
  std::int64_t id = 0;
  std::string unit;
  std::string label;
  std::chrono::sys_seconds created_at{};
  std::string created_by;
  std::optional<std::chrono::sys_seconds> revoked_at;
  std::optional<std::chrono::sys_seconds> last_fetched_at;
  std::string last_user_agent;
  std::int64_t fetch_count = 0;
};

struct IssuedToken {
  std::int64_t id = 0;
  std::string token;  // the secret, base64url: never stored, never logged
};

// A fetch to remember: servers batch these, so a feed request costs no write.
struct Fetch {
  std::int64_t token_id = 0;
  std::chrono::sys_seconds at{};
  std::string user_agent;
  std::int64_t count = 1;
};

class FeedTokenRepository {
 public:
  explicit FeedTokenRepository(Database& db) : db_(db) {}

  // REQUIRES: the unit is stored (else StoreError).
  IssuedToken issue(const std::string& unit, const std::string& label, const std::string& actor);
  // false when there is no live token with that id for that unit.
  bool revoke(const std::string& unit, std::int64_t id, const std::string& actor);
  // The live token's id and unit; nullopt for an unknown or revoked token.
  struct Match {
    std::int64_t id = 0;
    std::string unit;
  };
  std::optional<Match> resolve(std::string_view token);
  // Every live token, keyed by hash: a server's cache of resolve().
  std::vector<std::pair<std::string, Match>> live_by_hash();
  // Tokens of one unit (all units when empty), oldest first.
  std::vector<FeedToken> list(const std::string& unit = "");
  void record_fetches(const std::vector<Fetch>& fetches);

  static std::string hash(std::string_view token);

 private:
  Database& db_;
};

}  // namespace cadence::store
