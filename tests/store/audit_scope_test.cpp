#include "store/audit_scope.h"

#include "store/api_token_repository.h"
#include "store/unit_repository.h"
#include "store/user_repository.h"
#include "store_fixture.h"

namespace cadence::store {
namespace {

using test::StoreTest;

Unit unit(std::string id, std::string parent = "") {
  return Unit{id, parent, "Unit " + id, "branch", "", {}, kDefaultTimeZone, {}, {}};
}

class AuditScopeTest : public StoreTest {
 protected:
  AuditScopeTest() {
    UnitRepository(db).upsert({unit("county"), unit("town-a", "county"), unit("town-b", "county")}, "t");
    const auto a = UserRepository(db).add("a@example.org", {"town-a", Role::kSecretary}, std::nullopt, "t").id;
    UserRepository(db).add("b@example.org", {"town-b", Role::kViewer}, std::nullopt, "t");
    ApiTokenRepository(db).issue(a, "macro", "t");
    AuditLog(db).append({0, db.now(), "b@example.org", "failure", "login", "b@example.org", std::nullopt, "{}"});
    AuditLog(db).append({0, db.now(), "t", "import", "file", "records.csv", std::nullopt, R"({"added":"3"})"});
    AuditLog(db).append({0, db.now(), "t", "update", "record", "7", R"({"unit":"town-b"})", R"({"unit":"town-a"})"});
    tree = UnitTree(UnitRepository(db).all());
  }
  // "entity entity_id" of every entry concerning the subtree of `id`.
  std::vector<std::string> concerning(const std::string& id) {
    const auto scope = audit_scope(db, tree, *tree.find(id));
    std::vector<std::string> out;
    for (const auto& e : AuditLog(db).since(std::nullopt))
      if (concerns(e, scope)) out.push_back(e.entity + " " + e.entity_id);
    return out;
  }
  UnitTree tree;
};

TEST_P(AuditScopeTest, AUnitTakesItsRecordsUsersGrantsTokensAndLogins) {
  EXPECT_EQ(concerning("town-a"), (std::vector<std::string>{"unit town-a", "user a@example.org", "grant a@example.org",
                                                           "api_token 1", "record 7"}));
  // A record moved between units concerns both.
  EXPECT_EQ(concerning("town-b"), (std::vector<std::string>{"unit town-b", "user b@example.org", "grant b@example.org",
                                                           "login b@example.org", "record 7"}));
  // The county takes all but the import, which concerns no unit.
  EXPECT_EQ(concerning("county").size(), 10u);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditScopeTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::store
