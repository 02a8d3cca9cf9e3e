#include "store/user_repository.h"

#include "store/audit_log.h"
#include "store/session_repository.h"
#include "store/unit_repository.h"
#include "store_fixture.h"

namespace cadence::store {
namespace {

using test::StoreTest;

Unit unit(std::string id, std::string parent = "") {
  return Unit{id, parent, "Unit " + id, "branch", "", {}, kDefaultTimeZone, {}, {}};
}

class UserRepositoryTest : public StoreTest {
 protected:
  UserRepositoryTest() { UnitRepository(db).upsert({unit("county"), unit("town", "county")}, "tester"); }
  UserRepository users{db};
  AuditLog audit{db};
};

TEST_P(UserRepositoryTest, AUserHoldsSeveralGrantsAndAddingOneTwiceChangesNothing) {
  const auto first = users.add("Wang@Example.org", {"town", Role::kSecretary}, std::nullopt, "cli:root");
  EXPECT_TRUE(first.new_user);
  const auto second = users.add("wang@example.org", {"county", Role::kViewer}, std::nullopt, "cli:root");
  EXPECT_FALSE(second.new_user);
  EXPECT_TRUE(second.new_grant);
  EXPECT_EQ(second.id, first.id);
  const auto again = users.add("wang@example.org", {"county", Role::kViewer}, std::nullopt, "cli:root");
  EXPECT_FALSE(again.new_grant);
  const auto user = users.find("WANG@example.org");
  ASSERT_TRUE(user);
  EXPECT_EQ(user->email, "wang@example.org");
  EXPECT_EQ(user->grants, (std::vector<Grant>{{"county", Role::kViewer}, {"town", Role::kSecretary}}));
  EXPECT_FALSE(user->has_password);
  EXPECT_EQ(user->created_at, db.now());
  EXPECT_EQ(count("SELECT COUNT(*) FROM user_grants"), 2);
  EXPECT_EQ(audit.for_entity("grant", "wang@example.org").size(), 2u);
}

TEST_P(UserRepositoryTest, AGrantForAnUnknownUnitIsRefusedAndNothingIsStored) {
  EXPECT_THROW(users.add("a@example.org", {"nowhere", Role::kViewer}, std::nullopt, "t"), StoreError);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit WHERE entity <> 'unit'"), 0);
}

TEST_P(UserRepositoryTest, ThePasswordHashIsStoredButNeverAudited) {
  users.add("a@example.org", {"town", Role::kSecretary}, std::string("pbkdf2-sha256$1$c2FsdA$SECRETHASH"), "t");
  const auto id = users.find("a@example.org")->id;
  EXPECT_EQ(users.password_hash(id), "pbkdf2-sha256$1$c2FsdA$SECRETHASH");
  EXPECT_TRUE(users.set_password_hash("a@example.org", "pbkdf2-sha256$2$c2FsdA$OTHERHASH", "t"));
  EXPECT_EQ(users.password_hash(id), "pbkdf2-sha256$2$c2FsdA$OTHERHASH");
  EXPECT_FALSE(users.set_password_hash("nobody@example.org", "x", "t"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit WHERE before LIKE '%HASH%' OR after LIKE '%HASH%'"), 0);
  const auto entries = audit.for_entity("user", "a@example.org");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].action, "password");
  EXPECT_NE(entries[1].after->find(R"("password":"set")"), std::string::npos) << *entries[1].after;
  // A password is set once at creation; later through set_password_hash, audited as a change.
  EXPECT_THROW(users.add("a@example.org", {"county", Role::kViewer}, std::string("x"), "t"), StoreError);
}

TEST_P(UserRepositoryTest, DisablingEndsTheSessionsAndHidesThePrincipalUntilEnabled) {
  const auto id = users.add("a@example.org", {"town", Role::kSecretary}, std::nullopt, "t").id;
  SessionRepository sessions(db);
  const auto session = sessions.start(id);
  ASSERT_TRUE(users.principal(id));
  EXPECT_EQ(users.principal(id)->grants, (std::vector<Grant>{{"town", Role::kSecretary}}));
  EXPECT_TRUE(users.disable("a@example.org", "t"));
  EXPECT_FALSE(users.disable("a@example.org", "t"));
  EXPECT_EQ(users.principal(id), std::nullopt);
  EXPECT_EQ(sessions.resolve(session.token), std::nullopt);
  EXPECT_EQ(text("SELECT end_reason FROM sessions"), "disabled");
  EXPECT_TRUE(users.enable("a@example.org", "t"));
  EXPECT_TRUE(users.principal(id));
  // An ended session stays ended: enabling does not bring it back.
  EXPECT_EQ(sessions.resolve(session.token), std::nullopt);
  const auto entries = audit.for_entity("user", "a@example.org");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[1].action, "disable");
  EXPECT_NE(entries[1].after->find(R"("disabled_at":"2026-03-01T08:00:00Z")"), std::string::npos) << *entries[1].after;
  EXPECT_EQ(entries[2].action, "enable");
}

TEST_P(UserRepositoryTest, AllIsOrderedByEmail) {
  users.add("b@example.org", {"town", Role::kViewer}, std::nullopt, "t");
  users.add("a@example.org", {"county", Role::kAdministrator}, std::nullopt, "t");
  const auto all = users.all();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].email, "a@example.org");
  EXPECT_EQ(all[1].grants, (std::vector<Grant>{{"town", Role::kViewer}}));
  EXPECT_EQ(users.find(std::int64_t{999}), std::nullopt);
}

INSTANTIATE_TEST_SUITE_P(Backends, UserRepositoryTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::store
