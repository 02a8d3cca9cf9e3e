#pragma once
// The unit hierarchy: parent links checked for unknown parents and cycles, children and
// subtrees by index.
#include "core/id_index.h"
#include "core/unit.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cadence {

struct HierarchyProblem {
  std::string unit;
  std::string message;
};

// Duplicate ids, parents that do not exist, a unit that is its own ancestor.
std::vector<HierarchyProblem> check_hierarchy(const std::vector<Unit>& units);

class UnitTree {
 public:
  UnitTree() = default;
  // REQUIRES: check_hierarchy(units) is empty.
  explicit UnitTree(std::vector<Unit> units);

  const std::vector<Unit>& units() const { return units_; }
  std::size_t size() const { return units_.size(); }
  const Unit& at(std::size_t i) const { return units_[i]; }
  std::optional<std::size_t> find(std::string_view id) const;
  const std::vector<std::size_t>& children(std::size_t i) const { return children_[i]; }
  std::optional<std::size_t> parent(std::size_t i) const;
  // The unit and all its descendants, each after its parent.
  std::vector<std::size_t> subtree(std::size_t root) const;
  // Every unit, each after its parent (roots in input order).
  std::vector<std::size_t> preorder() const;

 private:
  std::vector<Unit> units_;
  IdIndex by_id_;
  std::vector<std::vector<std::size_t>> children_;
  std::vector<std::optional<std::size_t>> parent_;
};

}  // namespace cadence
