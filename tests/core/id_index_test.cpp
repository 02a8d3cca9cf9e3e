#include "core/id_index.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cadence {
namespace {

TEST(IdIndex, FindsEveryIdAtItsPositionAndNothingElse) {
  std::vector<std::string> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back("c" + std::to_string(i % 50) + "-t" + std::to_string(i));
  ids.push_back("");
  ids.push_back("杨柳镇");
  const IdIndex index(std::vector<std::string_view>(ids.begin(), ids.end()));
  EXPECT_EQ(index.size(), ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) ASSERT_EQ(index.find(ids[i]), i) << ids[i];
  EXPECT_EQ(index.find("c0-t5000"), std::nullopt);
  EXPECT_EQ(index.find("c0-t"), std::nullopt);
  EXPECT_EQ(index.find("杨柳"), std::nullopt);
}

TEST(IdIndex, TheFirstOfARepeatedIdCounts) {
  const IdIndex index({"a", "b", "a"});
  EXPECT_EQ(index.find("a"), 0u);
  EXPECT_EQ(index.find("b"), 1u);
}

TEST(IdIndex, AnEmptyIndexFindsNothing) {
  EXPECT_EQ(IdIndex().find("a"), std::nullopt);
  EXPECT_EQ(IdIndex(std::vector<std::string_view>{}).find(""), std::nullopt);
}

}  // namespace
}  // namespace cadence
