#include "core/unit_tree.h"

#include "rule_fixtures.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {
using testing::unit;

TEST(UnitTreeTest, FindsCyclesUnknownParentsAndDuplicates) {
  EXPECT_TRUE(check_hierarchy({unit("a", "committee"), unit("b", "branch", "a")}).empty());
  const auto cycle = check_hierarchy({unit("root", "committee"), unit("a", "committee", "c"),
                                      unit("b", "committee", "a"), unit("c", "committee", "b")});
  ASSERT_EQ(cycle.size(), 1u);
  EXPECT_NE(cycle[0].message.find("cycle"), std::string::npos);
  EXPECT_NE(cycle[0].message.find("a → c → b → a"), std::string::npos) << cycle[0].message;
  const auto self = check_hierarchy({unit("a", "committee", "a")});
  ASSERT_EQ(self.size(), 1u);
  const auto missing = check_hierarchy({unit("a", "branch", "nowhere")});
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_NE(missing[0].message.find("'nowhere'"), std::string::npos);
  EXPECT_EQ(check_hierarchy({unit("a", "branch"), unit("a", "branch")}).size(), 1u);
}

TEST(UnitTreeTest, SubtreesAndPreorder) {
  const UnitTree tree({unit("v1", "branch", "town"), unit("county", "committee"), unit("town", "committee", "county"),
                       unit("v2", "branch", "town"), unit("other", "committee")});
  const auto town = *tree.find("town");
  std::vector<std::string> ids;
  for (auto i : tree.subtree(town)) ids.push_back(tree.at(i).id);
  EXPECT_EQ(ids, (std::vector<std::string>{"town", "v1", "v2"}));
  ids.clear();
  for (auto i : tree.preorder()) ids.push_back(tree.at(i).id);
  EXPECT_EQ(ids, (std::vector<std::string>{"county", "town", "v1", "v2", "other"}));
  EXPECT_EQ(tree.parent(town), tree.find("county"));
  EXPECT_FALSE(tree.find("nope"));
}

}  // namespace
}  // namespace cadence
