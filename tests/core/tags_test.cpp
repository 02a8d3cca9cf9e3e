#include "core/tags.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {

TEST(Tags, ParseDropsBlanksAndRepeatsAndSorts) {
  const auto tags = Tags::parse(" observed; expanded;;expanded ");
  EXPECT_EQ(tags.size(), 2u);
  EXPECT_EQ(tags.text(), "expanded;observed");
  EXPECT_EQ(tags, (Tags{"observed", "expanded"}));
  EXPECT_TRUE(Tags::parse("").empty());
  EXPECT_TRUE(Tags::parse(" ; ;").empty());
}

TEST(Tags, TextReadsBackAsTheSameTags) {
  for (const Tags& tags : {Tags{}, Tags{"expanded"}, Tags{"observed", "expanded", "online"}})
    EXPECT_EQ(Tags::parse(tags.text()), tags) << tags.text();
}

TEST(Tags, ForEachInSeesWhatParseKeepsInTheTextsOrder) {
  std::vector<std::string> seen;
  Tags::for_each_in("b; a;;c ", [&](std::string_view name) { seen.emplace_back(name); });
  EXPECT_EQ(seen, (std::vector<std::string>{"b", "a", "c"}));
}

TEST(Tags, InsertKeepsTheSetSortedAndContainsFindsIt) {
  Tags tags{"observed"};
  tags.insert("expanded");
  tags.insert("observed");
  tags.insert(Tags{"online", "expanded"});
  EXPECT_EQ(tags.text(), "expanded;observed;online");
  EXPECT_TRUE(tags.contains("online"));
  EXPECT_FALSE(tags.contains("expand"));
}

}  // namespace
}  // namespace cadence
