#pragma once
// What a principal may do with a unit, from their grants and the unit tree (the accounts issue):
// - read U: an administrator or viewer of U or of an ancestor; a secretary of U;
// - record for U (add, correct, delete its records, attach evidence): a secretary of U; an
//   administrator of U or of an ancestor;
// - return a record of U (退回): an administrator of an ancestor of U only. A review is the
//   superior's: an administrator of U records for U, and returning what one's own unit
//   recorded would be reviewing oneself;
// - read the audit of U: an administrator of U or of an ancestor.
// Grants naming a unit not in the tree give nothing.
#include "core/principal.h"
#include "core/unit_tree.h"

#include <cstddef>

namespace cadence {

enum class Action { kRead, kRecord, kReturn, kReadAudit };

class AccessScope {
 public:
  // REQUIRES: `tree` outlives the scope.
  AccessScope(const Principal& principal, const UnitTree& tree) : principal_(principal), tree_(tree) {}

  // REQUIRES: unit < tree.size().
  bool may(Action action, std::size_t unit) const;

 private:
  // Whether a grant of `role` names `unit` itself (`self`) or one of its ancestors (`above`).
  bool holds(Role role, std::size_t unit, bool self, bool above) const;

  const Principal& principal_;
  const UnitTree& tree_;
};

}  // namespace cadence
