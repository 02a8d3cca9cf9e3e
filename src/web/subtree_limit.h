#pragma once
// How large a subtree feed may be. A parent's feed with scope=subtree carries every
// descendant's deadlines: over a root of 10,000 units it took 16 s and 1.7 GB to render, so
// above [feeds] subtree_max_units it is refused, in `cadence serve` and `cadence feed` alike.
#include "core/unit_tree.h"

#include <cstddef>
#include <optional>
#include <string>

namespace cadence::web {

// Why the subtree feed of `unit` is refused, as a sentence for the user; nullopt when its
// subtree (the unit and its descendants) has at most `max_units` units.
std::optional<std::string> subtree_feed_refusal(const UnitTree& tree, std::size_t unit, std::size_t max_units);

}  // namespace cadence::web
