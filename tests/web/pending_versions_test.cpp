// Item versions that serve decides while rendering and writes later, on a real SQLite file and a real PostgreSQL database.
#include "web/pending_versions.h"

#include "store/store_fixture.h"

namespace cadence::web {
namespace {

using store::test::StoreTest;

class PendingVersionsTest : public StoreTest {
 protected:
  PendingVersionsTest() : items(2) {
    items[0].uid = "first@cadence";
    items[1].uid = "second@cadence";
  }

  std::vector<FeedItem> items;
  PendingVersions pending;
};

TEST_P(PendingVersionsTest, ChangesAreKeptInMemoryUntilFlushedAndReadTheSameBeforeAndAfter) {
  const ItemVersion created{0, db.now()};
  EXPECT_EQ(pending.versions(db, items), (std::vector<ItemVersion>{created, created}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM feed_items"), 0);

  clock.advance(std::chrono::hours{1});
  items[1].summary = "changed";
  const ItemVersion changed{1, db.now()};
  // Another feed showing the same items, rendered before and after a change, on another thread's
  // connection: the same versions, and one change is one step.
  const auto other = reopen();
  EXPECT_EQ(pending.versions(*other, items), (std::vector<ItemVersion>{created, changed}));
  clock.advance(std::chrono::hours{1});
  EXPECT_EQ(pending.versions(db, items), (std::vector<ItemVersion>{created, changed}));
  EXPECT_EQ(pending.size(), 2u);

  pending.flush(db);
  EXPECT_EQ(pending.size(), 0u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM feed_items"), 2);
  EXPECT_EQ(count("SELECT sequence FROM feed_items WHERE uid = 'second@cadence'"), 1);
  EXPECT_EQ(PendingVersions().versions(*other, items), (std::vector<ItemVersion>{created, changed}));
}

TEST_P(PendingVersionsTest, AFailedFlushKeepsEveryVersionForTheNext) {
  const auto versions = pending.versions(db, items);
  const auto writer = reopen();
  store::test::refuse_writes(*writer, true);
  EXPECT_THROW(pending.flush(*writer), std::exception);
  EXPECT_EQ(pending.size(), 2u);
  EXPECT_EQ(pending.versions(db, items), versions);

  store::test::refuse_writes(*writer, false);
  pending.flush(*writer);
  EXPECT_EQ(pending.size(), 0u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM feed_items"), 2);
  EXPECT_EQ(pending.versions(db, items), versions);
}

INSTANTIATE_TEST_SUITE_P(Backends, PendingVersionsTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::web
