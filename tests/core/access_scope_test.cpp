#include "core/access_scope.h"

#include "rule_fixtures.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {
using testing::unit;

// county ─ town-a ─ v1, v2
//        └ town-b ─ v3
UnitTree county() {
  return UnitTree({unit("county", "committee"), unit("town-a", "committee", "county"), unit("v1", "branch", "town-a"),
                   unit("v2", "branch", "town-a"), unit("town-b", "committee", "county"), unit("v3", "branch", "town-b")});
}

// Where the unit asked about stands from the granted unit, town-a.
struct Position {
  const char* name;
  const char* unit;
};
constexpr Position kPositions[] = {
    {"self", "town-a"}, {"child", "v1"}, {"sibling", "town-b"}, {"ancestor", "county"}, {"another township", "v3"}};

struct Row {
  Role role;
  Action action;
  bool expected[5];  // by kPositions
};

// Each role held on town-a × each action × each position.
constexpr Row kTable[] = {
    {Role::kAdministrator, Action::kRead, {true, true, false, false, false}},
    {Role::kAdministrator, Action::kRecord, {true, true, false, false, false}},
    {Role::kAdministrator, Action::kReturn, {false, true, false, false, false}},
    {Role::kAdministrator, Action::kReadAudit, {true, true, false, false, false}},
    {Role::kSecretary, Action::kRead, {true, false, false, false, false}},
    {Role::kSecretary, Action::kRecord, {true, false, false, false, false}},
    {Role::kSecretary, Action::kReturn, {false, false, false, false, false}},
    {Role::kSecretary, Action::kReadAudit, {false, false, false, false, false}},
    {Role::kViewer, Action::kRead, {true, true, false, false, false}},
    {Role::kViewer, Action::kRecord, {false, false, false, false, false}},
    {Role::kViewer, Action::kReturn, {false, false, false, false, false}},
    {Role::kViewer, Action::kReadAudit, {false, false, false, false, false}},
};

const char* action_name(Action a) {
  switch (a) {
    case Action::kRead: return "read";
    case Action::kRecord: return "record";
    case Action::kReturn: return "return";
    case Action::kReadAudit: return "read audit";
  }
  return "";
}

TEST(AccessScopeTest, EachRoleAtEachPosition) {
  const auto tree = county();
  for (const auto& row : kTable) {
    const Principal p{1, "someone@example.org", {{"town-a", row.role}}};
    const AccessScope scope(p, tree);
    for (std::size_t i = 0; i < std::size(kPositions); ++i)
      EXPECT_EQ(scope.may(row.action, *tree.find(kPositions[i].unit)), row.expected[i])
          << role_name(row.role) << " of town-a, " << action_name(row.action) << ", " << kPositions[i].name;
  }
}

TEST(AccessScopeTest, AnAdministratorOfTheRootReturnsEveryRecordBelowButNotTheRootsOwn) {
  const auto tree = county();
  const Principal p{1, "chief@example.org", {{"county", Role::kAdministrator}}};
  const AccessScope scope(p, tree);
  EXPECT_FALSE(scope.may(Action::kReturn, *tree.find("county")));
  for (const char* u : {"town-a", "v1", "v2", "town-b", "v3"}) EXPECT_TRUE(scope.may(Action::kReturn, *tree.find(u))) << u;
}

TEST(AccessScopeTest, SeveralGrantsAddUpAndNoGrantsGiveNothing) {
  const auto tree = county();
  const Principal both{1, "two@example.org", {{"v1", Role::kSecretary}, {"town-b", Role::kViewer}}};
  const AccessScope scope(both, tree);
  EXPECT_TRUE(scope.may(Action::kRecord, *tree.find("v1")));
  EXPECT_FALSE(scope.may(Action::kRecord, *tree.find("v3")));
  EXPECT_TRUE(scope.may(Action::kRead, *tree.find("v3")));
  EXPECT_FALSE(scope.may(Action::kRead, *tree.find("v2")));

  const Principal none{2, "nobody@example.org", {}};
  const AccessScope nothing(none, tree);
  for (std::size_t u = 0; u < tree.size(); ++u)
    for (Action a : {Action::kRead, Action::kRecord, Action::kReturn, Action::kReadAudit}) EXPECT_FALSE(nothing.may(a, u));
}

TEST(AccessScopeTest, AGrantOfAUnitNoLongerStoredGivesNothing) {
  const auto tree = county();
  const Principal p{1, "old@example.org", {{"gone", Role::kAdministrator}}};
  EXPECT_FALSE(AccessScope(p, tree).may(Action::kRead, *tree.find("county")));
}

TEST(AccessScopeTest, APasswordIsResetByAnAdministratorAboveEveryUnitOfItsUser) {
  const auto tree = county();
  const Principal town_admin{1, "a@example.org", {{"town-a", Role::kAdministrator}}};
  const AccessScope scope(town_admin, tree);
  EXPECT_TRUE(scope.may_reset_password({{"v1", Role::kSecretary}}));
  EXPECT_TRUE(scope.may_reset_password({{"town-a", Role::kViewer}}));
  EXPECT_TRUE(scope.may_reset_password({{"v1", Role::kAdministrator}, {"v2", Role::kSecretary}}));
  // A peer administrator is the county's to reset, and so is anyone with a grant elsewhere.
  EXPECT_FALSE(scope.may_reset_password({{"town-a", Role::kAdministrator}}));
  EXPECT_FALSE(scope.may_reset_password({{"v1", Role::kSecretary}, {"v3", Role::kViewer}}));
  EXPECT_FALSE(scope.may_reset_password({{"county", Role::kViewer}}));
  EXPECT_FALSE(scope.may_reset_password({}));
  EXPECT_FALSE(scope.may_reset_password({{"gone", Role::kSecretary}}));
  const Principal secretary{2, "s@example.org", {{"town-a", Role::kSecretary}}};
  EXPECT_FALSE(AccessScope(secretary, tree).may_reset_password({{"v1", Role::kSecretary}}));
}

}  // namespace
}  // namespace cadence
