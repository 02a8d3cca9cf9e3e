// Feed item versions in table feed_items: read many at once, written without ever going down.
#include "store/feed_item_versions.h"

#include "store_fixture.h"

namespace cadence::store {
namespace {

using test::StoreTest;

const std::chrono::sys_seconds kThen{std::chrono::seconds{1'780'000'000}};

class FeedItemVersionsTest : public StoreTest {
 protected:
  KnownVersion row(const std::string& uid) {
    const std::vector<std::string> uids{uid};
    return stored_versions(db, uids).at(uid);
  }
};

TEST_P(FeedItemVersionsTest, ReadsTheVersionsOfMoreUidsThanOneQueryTakes) {
  VersionsByUid written;
  std::vector<std::string> uids{"never-stored"};
  for (std::size_t i = 0; i < 2 * kUidsPerQuery + 1; ++i) {
    uids.push_back("item-" + std::to_string(i) + "@cadence");
    written[uids.back()] = {"digest-" + std::to_string(i), {static_cast<int>(i % 7), kThen + std::chrono::seconds{i}}};
  }
  write_versions(db, written);
  const auto read = stored_versions(db, uids);
  EXPECT_EQ(read, written);
  EXPECT_TRUE(stored_versions(db, {}).empty());
}

TEST_P(FeedItemVersionsTest, AWriteNeverLowersAndAnotherFingerprintAlwaysRaises) {
  write_versions(db, {{"u", {"a", {3, kThen}}}});
  // Older news, e.g. from a server that read the row before this write: kept as it is.
  write_versions(db, {{"u", {"a", {2, kThen + std::chrono::hours{1}}}}});
  EXPECT_EQ(row("u"), (KnownVersion{"a", {3, kThen}}));
  // Another change decided from the same old row: raised past what is stored.
  write_versions(db, {{"u", {"b", {3, kThen + std::chrono::hours{2}}}}});
  EXPECT_EQ(row("u"), (KnownVersion{"b", {4, kThen + std::chrono::hours{2}}}));
  // Changed and changed back before a write: the higher SEQUENCE clients saw is kept.
  write_versions(db, {{"u", {"b", {6, kThen + std::chrono::hours{3}}}}});
  EXPECT_EQ(row("u"), (KnownVersion{"b", {6, kThen + std::chrono::hours{3}}}));
}

TEST_P(FeedItemVersionsTest, TheCommandLineWritesNewAndChangedVersionsAtOnce) {
  std::vector<FeedItem> items(2);
  items[0].uid = "first@cadence";
  items[1].uid = "second@cadence";
  const ItemVersion created{0, db.now()};
  EXPECT_EQ(item_versions(db, items), (std::vector<ItemVersion>{created, created}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM feed_items"), 2);

  clock.advance(std::chrono::hours{1});
  EXPECT_EQ(item_versions(*reopen(), items), (std::vector<ItemVersion>{created, created}));
  items[1].summary = "changed";
  EXPECT_EQ(item_versions(db, items), (std::vector<ItemVersion>{created, {1, db.now()}}));
  EXPECT_EQ(row("second@cadence"), (KnownVersion{fingerprint_digest(items[1]), {1, db.now()}}));
}

INSTANTIATE_TEST_SUITE_P(Backends, FeedItemVersionsTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::store
