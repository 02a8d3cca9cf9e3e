#include "core/rule.h"

#include <algorithm>

namespace cadence {

std::string_view to_string(RuleKind kind) { return kind == RuleKind::cadence ? "cadence" : "deadline"; }

bool Rule::applies_to_type(std::string_view type) const {
  return std::find(applies_to.begin(), applies_to.end(), type) != applies_to.end();
}

bool Rule::effective_in(const Period& period) const {
  if (effective_from && period.start < *effective_from) return false;
  if (effective_until && period.start > *effective_until) return false;
  return true;
}

const Quota* Rule::quota(std::string_view tag) const {
  for (const auto& q : quotas)
    if (q.tag == tag) return &q;
  return nullptr;
}

}  // namespace cadence
