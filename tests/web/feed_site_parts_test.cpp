// The parts the feed handlers use, each built on its own over a real SQLite file, no server.
#include "store/feed_token_repository.h"
#include "store/store_fixture.h"
#include "store/unit_repository.h"
#include "web/fetch_recorder.h"
#include "web/token_directory.h"

#include <thread>

namespace cadence::web {
namespace {

using store::test::StoreTest;

class FeedSitePartsTest : public StoreTest {
 protected:
  FeedSitePartsTest() {
    Unit town;
    town.id = "town-01";
    town.name = "城关镇党委";
    town.type = "committee";
    store::UnitRepository(db).upsert({town}, "test");
    issued = store::FeedTokenRepository(db).issue("town-01", "", "test");
  }

  store::IssuedToken issued;
  DatabaseSessions sessions{uri()};
};

TEST_P(FeedSitePartsTest, TokenDirectoryFindsLiveTokensAndSeesChangesOnRefresh) {
  int changes = 0;
  TokenDirectory tokens(sessions, [&] { ++changes; });
  EXPECT_EQ(changes, 1);  // the first load
  const auto match = tokens.token(issued.token);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->unit, "town-01");
  EXPECT_FALSE(tokens.token("not-a-token"));
  ASSERT_TRUE(tokens.tree());
  EXPECT_TRUE(tokens.tree()->find("town-01"));

  ASSERT_TRUE(store::FeedTokenRepository(db).revoke("town-01", issued.id, "test"));
  // Looked at again at most every 250 ms.
  for (int i = 0; i < 100 && tokens.token(issued.token); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    tokens.refresh();
  }
  EXPECT_FALSE(tokens.token(issued.token));
  EXPECT_EQ(changes, 1);  // a token changed, not what feeds show
}

TEST_P(FeedSitePartsTest, FetchRecorderWritesEachTokensFetchesInOneBatch) {
  FetchRecorder fetches;
  const auto at = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  fetches.note(issued.id, at, "Calendar/1");
  fetches.note(issued.id, at + std::chrono::seconds(5), "Calendar/2");
  EXPECT_EQ(fetches.pending(), 1u);
  fetches.flush(db);
  EXPECT_EQ(fetches.pending(), 0u);
  const auto listed = store::FeedTokenRepository(db).list("town-01");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].fetch_count, 2);
  EXPECT_EQ(listed[0].last_user_agent, "Calendar/2");
  fetches.flush(db);  // nothing noted: nothing written
  EXPECT_EQ(store::FeedTokenRepository(db).list("town-01")[0].fetch_count, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, FeedSitePartsTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::web
