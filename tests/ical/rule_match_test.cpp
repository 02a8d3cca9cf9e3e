#include "ical/rule_match.h"

#include <gtest/gtest.h>

namespace cadence::ical {
namespace {

Rule rule(std::string id, std::string title, std::string title_en = "") {
  Rule r;
  r.id = std::move(id);
  r.title = std::move(title);
  r.title_en = std::move(title_en);
  r.applies_to = {"committee"};
  return r;
}

EventWords words(std::string summary, std::vector<std::string> categories = {}, std::optional<std::string> tags = {}) {
  EventWords w;
  w.summary = std::move(summary);
  w.categories = std::move(categories);
  w.tags = std::move(tags);
  return w;
}

class RuleMatchTest : public ::testing::Test {
 protected:
  Rule lecture = rule("lecture", "党课", "Party lecture");
  Rule committee = rule("committee-meeting", "支部委员会会议", "Branch committee meeting");
  Rule analysis = rule("analysis", "研判会", "Analysis");
  std::vector<const Rule*> rules{&lecture, &committee, &analysis};

  std::string matched(const EventWords& w) {
    const auto m = match_rule(w, rules);
    return m.rule ? m.rule->id : m.problem;
  }
};

TEST_F(RuleMatchTest, EnglishTitlesMatchWithoutCase) {
  EXPECT_EQ(matched(words("monthly BRANCH COMMITTEE MEETING")), "committee-meeting");
  EXPECT_EQ(matched(words("", {"  party LECTURE "})), "lecture");
  EXPECT_EQ(matched(words("", {"LECTURE"})), "lecture");
}

TEST_F(RuleMatchTest, LengthIsCountedInCharactersNotBytes) {
  // "研判会" is 3 characters (9 bytes); "Analysis" is 8 characters and must win.
  EXPECT_EQ(matched(words("研判会 Analysis")), "analysis");
  // "Party lecture" (13) outweighs "研判会" (3) although it has fewer bytes than, say, ten
  // Chinese characters would.
  EXPECT_EQ(matched(words("研判会 party lecture")), "lecture");
}

TEST_F(RuleMatchTest, TwoCategoriesNamingTwoRulesAreAmbiguous) {
  EXPECT_EQ(matched(words("", {"lecture", "analysis"})), "ambiguous: CATEGORIES matches lecture, analysis");
}

TEST_F(RuleMatchTest, NothingMatches) {
  EXPECT_EQ(matched(words("Lunch")), "matches no rule for this unit");
  EXPECT_EQ(matched(words("")), "matches no rule for this unit");
}

TEST_F(RuleMatchTest, ListedTagsAreSplitTrimmedAndSorted) {
  Rule study = rule("study", "学习");
  study.quotas = {{"expanded", 4, "扩大学习"}, {"observed", 1, "旁听"}};
  EXPECT_EQ(match_tags(words("", {}, " observed,,expanded ,observed"), study), (std::vector<std::string>{"expanded", "observed"}));
  EXPECT_EQ(match_tags(words("扩大学习", {}, ""), study), std::vector<std::string>{});
  EXPECT_EQ(match_tags(words("学习", {"宣传部旁听"}), study), std::vector<std::string>{"observed"});
  EXPECT_EQ(match_tags(words("学习 (Expanded)"), study), std::vector<std::string>{"expanded"});
}

}  // namespace
}  // namespace cadence::ical
