#include "web/subtree_limit.h"

namespace cadence::web {

std::optional<std::string> subtree_feed_refusal(const UnitTree& tree, std::size_t unit, std::size_t max_units) {
  const std::size_t units = tree.subtree(unit).size();
  if (units <= max_units) return std::nullopt;
  return "the subtree of unit '" + tree.at(unit).id + "' has " + std::to_string(units) +
         " units, more than the " + std::to_string(max_units) +
         " a subtree feed may cover ([feeds] subtree_max_units); use its units' own feeds, or raise the setting";
}

}  // namespace cadence::web
