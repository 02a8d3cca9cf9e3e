#include "core/unit_tree.h"

#include <unordered_map>

namespace cadence {

std::vector<HierarchyProblem> check_hierarchy(const std::vector<Unit>& units) {
  std::vector<HierarchyProblem> problems;
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < units.size(); ++i)
    if (!index.emplace(units[i].id, i).second)
      problems.push_back({units[i].id, "unit id '" + units[i].id + "' appears more than once"});
  for (const auto& u : units)
    if (!u.parent.empty() && !index.count(u.parent))
      problems.push_back({u.id, "parent '" + u.parent + "' of unit '" + u.id + "' does not exist"});
  if (!problems.empty()) return problems;

  // Walk up from every unit; a walk longer than the number of units has met a cycle.
  // state: 0 unvisited, 1 on the current walk, 2 known to reach a root.
  std::vector<int> state(units.size(), 0);
  for (std::size_t i = 0; i < units.size(); ++i) {
    std::vector<std::size_t> walk;
    std::size_t cur = i;
    while (state[cur] == 0) {
      state[cur] = 1;
      walk.push_back(cur);
      if (units[cur].parent.empty()) break;
      cur = index.at(units[cur].parent);
    }
    if (state[cur] == 1 && !units[cur].parent.empty()) {
      std::string chain = units[cur].id;
      for (std::size_t j = index.at(units[cur].parent);; j = index.at(units[j].parent)) {
        chain += " → " + units[j].id;
        if (j == cur) break;
      }
      problems.push_back({units[cur].id, "the unit hierarchy has a cycle: " + chain});
    }
    for (auto w : walk) state[w] = 2;
  }
  return problems;
}

UnitTree::UnitTree(std::vector<Unit> units)
    : units_(std::move(units)), children_(units_.size()), parent_(units_.size()) {
  std::vector<std::string_view> ids;
  ids.reserve(units_.size());
  for (const auto& u : units_) ids.push_back(u.id);
  by_id_ = IdIndex(ids);
  for (std::size_t i = 0; i < units_.size(); ++i) {
    if (units_[i].parent.empty()) continue;
    const auto p = by_id_.find(units_[i].parent);
    if (!p) continue;
    parent_[i] = *p;
    children_[*p].push_back(i);
  }
}

std::optional<std::size_t> UnitTree::find(std::string_view id) const { return by_id_.find(id); }

std::optional<std::size_t> UnitTree::parent(std::size_t i) const { return parent_[i]; }

std::vector<std::size_t> UnitTree::subtree(std::size_t root) const {
  std::vector<std::size_t> order{root};
  for (std::size_t k = 0; k < order.size(); ++k)
    for (auto c : children_[order[k]]) order.push_back(c);
  return order;
}

std::vector<std::size_t> UnitTree::preorder() const {
  std::vector<std::size_t> order;
  order.reserve(units_.size());
  for (std::size_t i = 0; i < units_.size(); ++i)
    if (!parent_[i]) {
      auto sub = subtree(i);
      order.insert(order.end(), sub.begin(), sub.end());
    }
  return order;
}

}  // namespace cadence
