#include "rules/rule_loader.h"

#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace cadence {
namespace {
using testing::TempDir;

std::string only_message(const RuleSet& set) {
  EXPECT_EQ(set.diagnostics.size(), 1u);
  return set.diagnostics.empty() ? "" : set.diagnostics[0].to_string();
}

TEST(RuleLoaderTest, TheDefaultPackLoadsAndCitesItsSources) {
  const auto set = load_rules(CADENCE_SOURCE_DIR "/rules");
  for (const auto& d : set.diagnostics) ADD_FAILURE() << d.to_string();
  ASSERT_FALSE(set.rules.empty());
  std::set<std::string> ids;
  for (const auto& r : set.rules) {
    ids.insert(r.id);
    EXPECT_FALSE(r.source.empty()) << r.id << " cites no source";
    EXPECT_TRUE(r.authority == "central" || r.authority == "local") << r.id;
  }
  for (const char* id : {"study-group-session", "ideology-special-review", "ideology-analysis-meeting", "half-year-report"})
    EXPECT_TRUE(ids.count(id)) << id;
  const auto study = std::find_if(set.rules.begin(), set.rules.end(), [](const Rule& r) { return r.id == "study-group-session"; });
  EXPECT_EQ(study->target, 12);
  ASSERT_NE(study->quota("expanded"), nullptr);
  EXPECT_EQ(study->quota("expanded")->min, 4);
  EXPECT_NE(study->source.find("002_89d6aed285bfb3d4.txt"), std::string::npos);
}

// The annual rules a source dates are planned and judged in a window; every other rule has none.
TEST(RuleLoaderTest, TheDefaultPackWindowsTheAnnualRulesASourceDates) {
  const auto set = load_rules(CADENCE_SOURCE_DIR "/rules");
  ASSERT_TRUE(set.ok());
  const PlanWindow q4{date::October / 1, date::December / 31};
  const std::map<std::string, PlanWindow> expected{{"organisation-life-meeting", q4},
                                                   {"member-appraisal", q4},
                                                   {"democratic-life-meeting", q4},
                                                   {"secretary-party-lecture", {date::June / 1, date::July / 31}}};
  std::map<std::string, PlanWindow> found;
  for (const auto& r : set.rules)
    if (r.plan.window) found.emplace(r.id, *r.plan.window);
  EXPECT_EQ(found, expected);
  EXPECT_EQ(set.windows.size(), expected.size());
}

TEST(RuleLoaderTest, ReadsEveryField) {
  TempDir dir;
  dir.write("a.toml", R"([[rule]]
id = "study"
title = "学习"
applies_to = ["committee"]
kind = "cadence"
period = "year"
target = 12
quotas = [{ tag = "expanded", min = 4, label = "扩大学习" }]
source = "seed"
authority = "local"
effective_from = 2025-01-01
[rule.plan]
weekday = "thu"
time = "14:30"
duration = "PT2H"
window = ["06-01", "07-31"]
[rule.remind]
before = ["P7D", "P1D"]
escalate_after_workdays = 10

[[rule]]
id = "report"
title = "报告"
applies_to = ["branch"]
kind = "deadline"
period = "half"
due = { from = "end", workdays = 5 }
)");
  const auto set = load_rules(dir.path().string());
  ASSERT_TRUE(set.ok()) << set.diagnostics[0].to_string();
  ASSERT_EQ(set.rules.size(), 2u);
  const auto& s = set.rules[0];
  EXPECT_EQ(s.plan.weekday, date::Thursday);
  EXPECT_EQ(s.plan.time, std::chrono::minutes{14 * 60 + 30});
  EXPECT_EQ(s.plan.window, (PlanWindow{date::June / 1, date::July / 31}));
  ASSERT_EQ(set.windows.size(), 1u);
  EXPECT_EQ(set.windows[0].first, 0u);
  EXPECT_EQ(set.windows[0].second.line, 16);
  EXPECT_EQ(set.windows[0].second.column, 10);
  EXPECT_FALSE(set.rules[1].plan.window);
  EXPECT_EQ(s.remind.before.size(), 2u);
  EXPECT_EQ(s.remind.before[0].days, 7);
  EXPECT_EQ(s.remind.escalate_after_workdays, 10);
  EXPECT_EQ(s.effective_from, Day{date::year{2025} / 1 / 1});
  EXPECT_EQ(set.rules[1].due->workdays, 5);
  EXPECT_EQ(set.rules[1].due->from, DueSpec::Anchor::end);
}

struct BadRule {
  const char* body;
  const char* expected;  // file:line:column and message fragment
};

class RuleLoaderErrors : public ::testing::TestWithParam<BadRule> {};

TEST_P(RuleLoaderErrors, NameFileLineAndColumn) {
  TempDir dir;
  const auto path = dir.write("r.toml", GetParam().body);
  const auto message = only_message(load_rules(dir.path().string()));
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_NE(message.find(GetParam().expected), std::string::npos) << message;
}

constexpr const char* kHead = "[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\n";

INSTANTIATE_TEST_SUITE_P(
    Cases, RuleLoaderErrors,
    ::testing::Values(
        BadRule{"[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"cadence\"\nperiod = \"year\"\ntarget = 2\ncolour = 1\n",
                ":8:1: error: unknown key 'colour'"},
        BadRule{"[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"cadence\"\nperiod = \"year\"\ntarget = \"12\"\n",
                ":7:10: error: 'target' must be an integer"},
        BadRule{"[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"cadence\"\nperiod = \"year\"\ntarget = 2\nquotas = [{ tag = \"e\", min = 3 }]\n",
                ":8:30: error: quota: quota 'e' min 3 is above the rule's target 2"},
        BadRule{"[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"cadence\"\nperiod = \"year\"\ntarget = 2\n[rule.remind]\nbefore = [\"7 days\"]\n",
                ":9:10: error: remind: '7 days' in 'before' is not an ISO 8601 duration"},
        BadRule{"[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"cadence\"\nperiod = \"fortnight\"\ntarget = 2\n",
                ":6:10: error: 'period' must be one of year, half, quarter, month, week"},
        BadRule{"[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"deadline\"\nperiod = \"half\"\ndue = { from = \"end\", workdays = 5, days = 3 }\n",
                ":7:7: error: 'due' needs exactly one of 'workdays' or 'days'"},
        BadRule{"[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"cadence\"\nperiod = \"year\"\n",
                "missing required key 'target'"},
        BadRule{"[[rule]]\nid = \"Bad_Id\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"cadence\"\nperiod = \"year\"\ntarget = 1\n",
                ":2:6: error: rule id 'Bad_Id' must be lower-case"},
        BadRule{"[[rule]]\nid = \"x\"\ntitle = \"t\nkind = 1\n", ":3:"},
        BadRule{"[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"cadence\"\nperiod = \"year\"\ntarget = 1\n[rule.plan]\ntime = \"2pm\"\n",
                ":9:8: error: plan: 'time' must be HH:MM"},
        BadRule{"[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"cadence\"\nperiod = \"year\"\ntarget = 1\n[rule.plan]\nwindow = [\"06-01\", \"7-31\"]\n",
                ":9:20: error: plan: \"7-31\" in 'window' is not a month-day MM-DD, such as [\"06-01\", \"07-31\"]"},
        BadRule{"[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"cadence\"\nperiod = \"year\"\ntarget = 1\n[rule.plan]\nwindow = [\"06-31\", \"07-31\"]\n",
                ":9:11: error: plan: \"06-31\" in 'window' is not a month-day"},
        BadRule{"[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"cadence\"\nperiod = \"year\"\ntarget = 1\n[rule.plan]\nwindow = [\"02-01\", \"02-29\"]\n",
                ":9:20: error: plan: \"02-29\" in 'window' is not a month-day MM-DD, such as [\"06-01\", \"07-31\"] (02-29 is not in every year"},
        BadRule{"[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"cadence\"\nperiod = \"year\"\ntarget = 1\n[rule.plan]\nwindow = [\"12-01\", \"01-31\"]\n",
                ":9:20: error: plan: 'window' ends before it starts"},
        BadRule{"[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"cadence\"\nperiod = \"year\"\ntarget = 1\n[rule.plan]\nwindow = [\"06-01\"]\n",
                ":9:10: error: plan: 'window' must be two month-days"},
        BadRule{"[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"cadence\"\nperiod = \"quarter\"\ntarget = 1\n[rule.plan]\nwindow = [\"01-01\", \"01-31\"]\n",
                ":9:10: error: plan: 'window' is a time of the year and lies outside most quarter periods; only a period = \"year\" rule takes one"},
        BadRule{"[[rule]]\nid = \"x\"\ntitle = \"t\"\napplies_to = [\"branch\"]\nkind = \"deadline\"\nperiod = \"year\"\ndue = { from = \"end\", days = 1 }\n[rule.plan]\nwindow = [\"01-01\", \"01-31\"]\n",
                ":9:10: error: plan: 'window' plans the sessions of a cadence rule"}),
    [](const ::testing::TestParamInfo<BadRule>& info) { return "case" + std::to_string(info.index); });

TEST(RuleLoaderTest, DuplicateIdsAcrossFiles) {
  TempDir dir;
  const std::string rule = std::string(kHead) + "kind = \"cadence\"\nperiod = \"year\"\ntarget = 1\n";
  dir.write("a.toml", rule);
  const auto second = dir.write("b.toml", rule);
  const auto message = only_message(load_rules(dir.path().string()));
  EXPECT_NE(message.find(second + ":2:6: error: duplicate rule id 'x'"), std::string::npos) << message;
}

TEST(RuleLoaderTest, MissingFolderIsAnError) {
  EXPECT_THROW(load_rules_or_throw("/nonexistent/rules"), InputError);
}

}  // namespace
}  // namespace cadence
