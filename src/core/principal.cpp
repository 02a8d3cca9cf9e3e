#include "core/principal.h"

namespace cadence {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::kAdministrator: return "administrator";
    case Role::kSecretary: return "secretary";
    case Role::kViewer: return "viewer";
  }
  return "viewer";
}

std::optional<Role> parse_role(std::string_view name) {
  for (const Role role : {Role::kAdministrator, Role::kSecretary, Role::kViewer})
    if (role_name(role) == name) return role;
  return std::nullopt;
}

}  // namespace cadence
