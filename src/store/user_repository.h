#pragma once
// People who sign in to the pages or call the API, and the roles they hold. A user is known by
// an email (stored lower-case) and may hold several grants, each a role scoped to a unit; what
// a user may do is read from the grants alone. A disabled user keeps its rows (the audit trail
// names it) but no credential of its speaks for it any more.
#include "core/principal.h"
#include "store/database.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cadence::store {

struct User {
  std::int64_t id = 0;
  std::string email;
  std::vector<Grant> grants;  // ordered by unit, then role
  bool has_password = false;
  std::chrono::sys_seconds created_at{};
  std::optional<std::chrono::sys_seconds> disabled_at;
};

class UserRepository {
 public:
  explicit UserRepository(Database& db) : db_(db) {}

  struct Added {
    std::int64_t id = 0;
    bool new_user = false;
    bool new_grant = false;  // false: the user held that grant already (nothing changed)
  };
  // Adds the user with `grant` (and `password_hash`, if any), or `grant` to the existing user of
  // that email. REQUIRES: the grant's unit is stored (else StoreError); a password hash only
  // for a new user (else StoreError: passwords change through set_password_hash).
  Added add(std::string_view email, const Grant& grant, const std::optional<std::string>& password_hash,
            const std::string& actor);
  std::optional<User> find(std::string_view email);
  std::optional<User> find(std::int64_t id);
  // Every user, ordered by email.
  std::vector<User> all();

  // The stored hash (password_hash.h's format); nullopt for no such user or no password.
  std::optional<std::string> password_hash(std::int64_t id);
  // false when there is no such user.
  bool set_password_hash(std::string_view email, const std::string& hash, const std::string& actor);
  // An administrator's reset of a forgotten password: the new hash, and the user's open sessions
  // ended in the same transaction (whoever held them no longer knows the password). false when
  // there is no such user.
  bool reset_password(std::string_view email, const std::string& hash, const std::string& actor);
  // Disabling ends the user's open sessions in the same transaction. false when there is no
  // such user or it already was (not) disabled.
  bool disable(std::string_view email, const std::string& actor);
  bool enable(std::string_view email, const std::string& actor);

  // Who user `id` is, for a request: nullopt for an unknown or disabled user.
  std::optional<Principal> principal(std::int64_t id);

  // ASCII lower case: how emails are stored and looked up.
  static std::string normalise_email(std::string_view email);

 private:
  // Users whose row meets `condition` on `u` (with one ? for `value`); all for "".
  template <typename Value>
  std::vector<User> select(const std::string& condition, const Value& value);
  std::vector<Grant> grants_of(std::int64_t id);
  bool change_password(std::string_view email, const std::string& hash, const std::string& actor, bool reset);

  Database& db_;
};

}  // namespace cadence::store
