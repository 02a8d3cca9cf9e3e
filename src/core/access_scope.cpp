#include "core/access_scope.h"

namespace cadence {

bool AccessScope::holds(Role role, std::size_t unit, bool self, bool above) const {
  for (const auto& grant : principal_.grants) {
    if (grant.role != role) continue;
    const auto granted = tree_.find(grant.unit);
    if (!granted) continue;
    if (self && *granted == unit) return true;
    if (!above) continue;
    for (auto up = tree_.parent(unit); up; up = tree_.parent(*up))
      if (*up == *granted) return true;
  }
  return false;
}

bool AccessScope::may(Action action, std::size_t unit) const {
  switch (action) {
    case Action::kRead:
      return holds(Role::kAdministrator, unit, true, true) || holds(Role::kViewer, unit, true, true) ||
             holds(Role::kSecretary, unit, true, false);
    case Action::kRecord:
      return holds(Role::kSecretary, unit, true, false) || holds(Role::kAdministrator, unit, true, true);
    case Action::kReturn: return holds(Role::kAdministrator, unit, false, true);
    case Action::kReadAudit: return holds(Role::kAdministrator, unit, true, true);
  }
  return false;
}

bool AccessScope::may_reset_password(const std::vector<Grant>& grants) const {
  if (grants.empty()) return false;
  for (const auto& grant : grants) {
    const auto unit = tree_.find(grant.unit);
    if (!unit || !holds(Role::kAdministrator, *unit, grant.role != Role::kAdministrator, true)) return false;
  }
  return true;
}

}  // namespace cadence
