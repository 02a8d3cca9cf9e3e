#pragma once
// Who a request or a command speaks for: a user and the roles they hold, each scoped to a unit.
// An administrator of a unit manages its whole subtree, a secretary records for that unit only,
// a viewer reads the subtree (design: `user`; the accounts issue). A person may hold several.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cadence {

enum class Role { kAdministrator, kSecretary, kViewer };

// "administrator", "secretary", "viewer".
std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

struct Grant {
  std::string unit;  // a unit id
  Role role;
  friend bool operator==(const Grant&, const Grant&) = default;
};

struct Principal {
  std::int64_t user_id = 0;
  std::string email;
  std::vector<Grant> grants;
  // How the request proved it: an API token (`Authorization: Bearer …`) needs no CSRF token; a
  // session cookie does, for every request that changes state.
  enum class Via { kApiToken, kSession } via = Via::kApiToken;
  std::int64_t session_id = 0;  // for kSession: the session the request belongs to
};

}  // namespace cadence
