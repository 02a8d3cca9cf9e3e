// Which version an item gets from what the database and the pending writes know of it.
#include "core/item_version.h"

#include <gtest/gtest.h>

namespace cadence::testing {
namespace {

const std::chrono::sys_seconds kThen{std::chrono::seconds{1'780'000'000}};
const std::chrono::sys_seconds kNow = kThen + std::chrono::hours{5};

TEST(ItemVersion, ANewItemIsVersionZeroStampedNowAndRecorded) {
  const auto next = next_version(nullptr, nullptr, "a", kNow);
  EXPECT_EQ(next.version, (ItemVersion{0, kNow}));
  EXPECT_TRUE(next.record);
}

TEST(ItemVersion, AnUnchangedItemKeepsItsVersionAndIsNotWrittenAgain) {
  const KnownVersion stored{"a", {3, kThen}};
  const auto next = next_version(&stored, nullptr, "a", kNow);
  EXPECT_EQ(next.version, (ItemVersion{3, kThen}));
  EXPECT_FALSE(next.record);
}

TEST(ItemVersion, AChangedItemIsRaisedOnceAndStampedNow) {
  const KnownVersion stored{"a", {3, kThen}};
  const auto next = next_version(&stored, nullptr, "b", kNow);
  EXPECT_EQ(next.version, (ItemVersion{4, kNow}));
  EXPECT_TRUE(next.record);
}

TEST(ItemVersion, APendingChangeWinsOverTheStoredRow) {
  const KnownVersion stored{"a", {3, kThen}};
  const KnownVersion pending{"b", {4, kThen + std::chrono::hours{1}}};
  // Rendered again before the write: the same version, nothing more to write.
  EXPECT_EQ(next_version(&stored, &pending, "b", kNow).version, pending.version);
  EXPECT_FALSE(next_version(&stored, &pending, "b", kNow).record);
  EXPECT_FALSE(next_version(nullptr, &pending, "b", kNow).record);
  // Changed back to what is stored: clients may have seen version 4, so it becomes 5.
  const auto back = next_version(&stored, &pending, "a", kNow);
  EXPECT_EQ(back.version, (ItemVersion{5, kNow}));
  EXPECT_TRUE(back.record);
}

}  // namespace
}  // namespace cadence::testing
