#include "store/session_repository.h"

#include "store/digest.h"
#include "store/unit_repository.h"
#include "store/user_repository.h"
#include "store_fixture.h"

namespace cadence::store {
namespace {

using test::StoreTest;

class SessionRepositoryTest : public StoreTest {
 protected:
  SessionRepositoryTest() {
    UnitRepository(db).upsert({Unit{"town", "", "Town", "branch", "", {}, kDefaultTimeZone, {}, {}}}, "t");
    user = UserRepository(db).add("a@example.org", {"town", Role::kViewer}, std::nullopt, "t").id;
  }
  SessionRepository sessions{db};
  std::int64_t user = 0;
};

TEST_P(SessionRepositoryTest, ASessionIsFoundByItsSecretWhichIsNeverStored) {
  const auto issued = sessions.start(user);
  EXPECT_GE(issued.token.size(), 43u);
  const auto open = sessions.resolve(issued.token);
  ASSERT_TRUE(open);
  EXPECT_EQ(open->id, issued.id);
  EXPECT_EQ(open->user_id, user);
  EXPECT_EQ(open->created_at, db.now());
  EXPECT_EQ(open->last_seen_at, db.now());
  EXPECT_EQ(text("SELECT hash FROM sessions"), sha256_hex(issued.token));
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions WHERE hash LIKE '%" + issued.token + "%'"), 0);
  EXPECT_NE(sessions.start(user).token, issued.token);
}

TEST_P(SessionRepositoryTest, TouchMovesLastSeenAndEndIsFinal) {
  const auto issued = sessions.start(user);
  sessions.touch(issued.id, db.now() + std::chrono::minutes(5));
  EXPECT_EQ(sessions.resolve(issued.token)->last_seen_at, db.now() + std::chrono::minutes(5));
  EXPECT_TRUE(sessions.end(issued.id, "logout"));
  EXPECT_FALSE(sessions.end(issued.id, "logout"));
  EXPECT_EQ(sessions.resolve(issued.token), std::nullopt);
  EXPECT_EQ(text("SELECT end_reason FROM sessions"), "logout");
}

TEST_P(SessionRepositoryTest, TheCsrfTokenIsDerivedFromTheSecretAndRevealsNothingOfIt) {
  const auto a = sessions.start(user);
  const auto b = sessions.start(user);
  EXPECT_EQ(SessionRepository::csrf_token(a.token), SessionRepository::csrf_token(a.token));
  EXPECT_NE(SessionRepository::csrf_token(a.token), SessionRepository::csrf_token(b.token));
  EXPECT_NE(SessionRepository::csrf_token(a.token), sha256_hex(a.token));
  EXPECT_EQ(SessionRepository::csrf_token(a.token).find(a.token), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, SessionRepositoryTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::store
