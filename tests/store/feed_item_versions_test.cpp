// Feed item versions in table feed_items: read many at once, decided by the database so that
// processes sharing it agree.
#include "store/feed_item_versions.h"

#include "store/change_counters.h"
#include "store_fixture.h"

#include <future>

namespace cadence::store {
namespace {

using test::StoreTest;

class FeedItemVersionsTest : public StoreTest {
 protected:
  FeedItemVersionsTest() : items(2) {
    items[0].uid = "first@cadence";
    items[1].uid = "second@cadence";
  }
  KnownVersion row(const std::string& uid) {
    const std::vector<std::string> uids{uid};
    return stored_versions(db, uids).at(uid);
  }
  std::vector<ItemVersion> settled(Database& on) {
    const auto versions = settled_versions(on, items, change_versions(on));
    EXPECT_TRUE(versions);
    return versions.value_or(std::vector<ItemVersion>{});
  }

  std::vector<FeedItem> items;
};

TEST_P(FeedItemVersionsTest, ReadsTheVersionsOfMoreUidsThanOneQueryTakes) {
  items.resize(2 * kUidsPerQuery + 1);
  std::vector<std::string> uids{"never-stored"};
  for (std::size_t i = 0; i < items.size(); ++i) uids.push_back(items[i].uid = "item-" + std::to_string(i) + "@cadence");
  settled(db);
  const auto read = stored_versions(db, uids);
  EXPECT_EQ(read.size(), items.size());
  EXPECT_EQ(read.count("never-stored"), 0u);
  EXPECT_EQ(read.at(items.back().uid), (KnownVersion{fingerprint_digest(items.back()), {0, db.now()}}));
  EXPECT_TRUE(stored_versions(db, {}).empty());
}

TEST_P(FeedItemVersionsTest, NewAndChangedItemsAreRecordedAtOnceAndKeptWhileUnchanged) {
  const ItemVersion created{0, db.now()};
  EXPECT_EQ(settled(db), (std::vector<ItemVersion>{created, created}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM feed_items"), 2);

  clock.advance(std::chrono::hours{1});
  EXPECT_EQ(settled(*reopen()), (std::vector<ItemVersion>{created, created}));
  items[1].summary = "changed";
  EXPECT_EQ(settled(db), (std::vector<ItemVersion>{created, {1, db.now()}}));
  EXPECT_EQ(row("second@cadence"), (KnownVersion{fingerprint_digest(items[1]), {1, db.now()}}));
}

// Another process (its own clock, later) reaching the same change after the first recorded it
// renders the first one's version: raised once, stamped once.
TEST_P(FeedItemVersionsTest, TwoProcessesReachingOneChangeAgreeOnItsVersion) {
  settled(db);
  const auto basis = change_versions(db);
  items[0].summary = "changed";
  const auto first = settled_versions(db, items, basis);
  clock.advance(std::chrono::seconds{30});
  const auto other = reopen();
  const auto second = settled_versions(*other, items, basis);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(*second, *first);
  EXPECT_EQ((*first)[0].sequence, 1);
}

// Several processes that reach one change at the same moment: each item is raised once, and all
// render what the winner recorded.
TEST_P(FeedItemVersionsTest, ProcessesRacingOnOneChangeRaiseEachItemOnce) {
  settled(db);
  const auto basis = change_versions(db);
  for (auto& item : items) item.summary = "changed";
  std::vector<std::unique_ptr<Database>> processes;
  for (int i = 0; i < 4; ++i) processes.push_back(reopen());
  std::vector<std::future<std::optional<std::vector<ItemVersion>>>> results;
  for (auto& p : processes)
    results.push_back(std::async(std::launch::async, [&, on = p.get()] { return settled_versions(*on, items, basis); }));
  std::optional<std::vector<ItemVersion>> first;
  for (auto& r : results) {
    const auto versions = r.get();
    ASSERT_TRUE(versions);
    if (!first) first = versions;
    EXPECT_EQ(*versions, *first);
  }
  EXPECT_EQ(row("first@cadence").version.sequence, 1);
  EXPECT_EQ(row("second@cadence").version.sequence, 1);
}

// Built from records read before another process changed them: nothing written, built again.
TEST_P(FeedItemVersionsTest, ItemsBuiltBeforeTheRecordsChangedAreNotRecorded) {
  settled(db);
  const auto basis = change_versions(db);
  {
    const auto other = reopen();
    Transaction write(*other);
    bump(*other, Data::records);
    write.commit();
  }
  items[0].summary = "from stale records";
  EXPECT_FALSE(settled_versions(db, items, basis));
  EXPECT_EQ(row("first@cadence").version.sequence, 0);
  // Unchanged items need no write, whatever the counters say.
  items[0].summary = "";
  EXPECT_TRUE(settled_versions(db, items, basis));
}

INSTANTIATE_TEST_SUITE_P(Backends, FeedItemVersionsTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::store
