#pragma once
// Which audit entries concern a subtree of units, for `cadence audit --unit` and the JSON API's
// audit route: the units themselves, their records, the users and grants of roles held in
// them, and the API tokens and logins of those users. File imports concern no unit.
#include "core/unit_tree.h"
#include "store/audit_log.h"
#include "store/database.h"

#include <cstddef>
#include <set>
#include <string>

namespace cadence::store {

struct AuditScope {
  std::set<std::string> units;
  std::set<std::string> emails;  // of users holding a role in one of the units
};

// The subtree of `tree.at(root)`, with the users holding roles in it as stored in `db`.
AuditScope audit_scope(Database& db, const UnitTree& tree, std::size_t root);
bool concerns(const AuditEntry& entry, const AuditScope& scope);

}  // namespace cadence::store
