#include "store/api_token_repository.h"

#include "store/audit_log.h"
#include "store/digest.h"
#include "store/unit_repository.h"
#include "store/user_repository.h"
#include "store_fixture.h"

namespace cadence::store {
namespace {

using test::StoreTest;

class ApiTokenRepositoryTest : public StoreTest {
 protected:
  ApiTokenRepositoryTest() {
    UnitRepository(db).upsert({Unit{"town", "", "Town", "branch", "", {}, kDefaultTimeZone, {}, {}}}, "t");
    user = UserRepository(db).add("a@example.org", {"town", Role::kSecretary}, std::nullopt, "t").id;
  }
  ApiTokenRepository tokens{db};
  std::int64_t user = 0;
};

TEST_P(ApiTokenRepositoryTest, ATokenIsFoundByItsSecretWhichIsNeverStored) {
  const auto issued = tokens.issue(user, "platform", "cli:root");
  EXPECT_GE(issued.token.size(), 43u);  // 256 bits in base64url
  const auto match = tokens.resolve(issued.token);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->id, issued.id);
  EXPECT_EQ(match->user_id, user);
  EXPECT_EQ(tokens.resolve(issued.token + "x"), std::nullopt);
  EXPECT_EQ(text("SELECT hash FROM api_tokens"), sha256_hex(issued.token));
  const auto secret = "'%" + issued.token + "%'";
  EXPECT_EQ(count("SELECT COUNT(*) FROM api_tokens WHERE hash LIKE " + secret + " OR label LIKE " + secret), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit WHERE after LIKE " + secret), 0);
  EXPECT_NE(tokens.issue(user, "", "t").token, issued.token);
}

TEST_P(ApiTokenRepositoryTest, ARevokedTokenIsRefusedAndTheRevocationAudited) {
  const auto issued = tokens.issue(user, "platform", "cli:root");
  clock.advance(std::chrono::seconds(60));
  EXPECT_TRUE(tokens.revoke(issued.id, "cli:root"));
  EXPECT_FALSE(tokens.revoke(issued.id, "cli:root"));
  EXPECT_FALSE(tokens.revoke(999, "cli:root"));
  EXPECT_EQ(tokens.resolve(issued.token), std::nullopt);
  const auto listed = tokens.list(user);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].revoked_at, db.now());
  EXPECT_EQ(listed[0].label, "platform");
  EXPECT_EQ(listed[0].email, "a@example.org");
  const auto entries = AuditLog(db).for_entity("api_token", std::to_string(issued.id));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "insert");
  EXPECT_EQ(entries[1].action, "revoke");
  EXPECT_EQ(entries[1].after, R"({"email":"a@example.org","label":"platform","revoked_at":"2026-03-01T08:01:00Z"})");
}

TEST_P(ApiTokenRepositoryTest, UseIsNotedAtMostOnceAMinute) {
  const auto issued = tokens.issue(user, "", "t");
  const auto start = db.now();
  tokens.touch(issued.id, start);
  tokens.touch(issued.id, start + std::chrono::seconds(30));
  EXPECT_EQ(tokens.list()[0].last_used_at, start);
  tokens.touch(issued.id, start + std::chrono::seconds(90));
  EXPECT_EQ(tokens.list()[0].last_used_at, start + std::chrono::seconds(90));
}

TEST_P(ApiTokenRepositoryTest, ATokenForNoUserIsRefused) {
  EXPECT_THROW(tokens.issue(4242, "", "t"), StoreError);
  EXPECT_EQ(count("SELECT COUNT(*) FROM api_tokens"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiTokenRepositoryTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::store
