#pragma once
// What a principal may do with a unit, from their grants and the unit tree (the accounts issue):
// - read U: an administrator or viewer of U or of an ancestor; a secretary of U;
// - record for U (add, correct, delete its records, attach evidence): a secretary of U; an
//   administrator of U or of an ancestor;
// - return a record of U (退回): an administrator of an ancestor of U only. A review is the
//   superior's: an administrator of U records for U, and returning what one's own unit
//   recorded would be reviewing oneself;
// - read the audit of U: an administrator of U or of an ancestor;
// - reset the password of a user (who forgot it): an administrator above each of the user's
//   units, or of that unit itself where the user is only its secretary or viewer. An
//   administrator's account is its superior's to reset, as a record is its superior's to
//   return; one with a grant anywhere outside the reader's subtree is not the reader's at all.
// Grants naming a unit not in the tree give nothing.
#include "core/principal.h"
#include "core/unit_tree.h"

#include <cstddef>
#include <vector>

namespace cadence {

enum class Action { kRead, kRecord, kReturn, kReadAudit };

class AccessScope {
 public:
  // REQUIRES: `tree` outlives the scope.
  AccessScope(const Principal& principal, const UnitTree& tree) : principal_(principal), tree_(tree) {}

  // REQUIRES: unit < tree.size().
  bool may(Action action, std::size_t unit) const;
  // Whether the principal may reset the password of a user holding `grants` (none: nobody may).
  bool may_reset_password(const std::vector<Grant>& grants) const;

 private:
  // Whether a grant of `role` names `unit` itself (`self`) or one of its ancestors (`above`).
  bool holds(Role role, std::size_t unit, bool self, bool above) const;

  const Principal& principal_;
  const UnitTree& tree_;
};

}  // namespace cadence
