#pragma once
// Rules as the default pack writes them, built in code so core tests read no files.
#include "core/record_index.h"
#include "core/rule.h"
#include "core/unit.h"

#include "test_calendar.h"

namespace cadence::testing {

inline Rule study_group() {
  Rule r;
  r.id = "study-group-session";
  r.title = "理论学习中心组集体学习";
  r.applies_to = {"committee", "party-group"};
  r.kind = RuleKind::cadence;
  r.period = PeriodKind::year;
  r.target = 12;
  r.quotas = {{"expanded", 4, "扩大学习"}, {"observed", 1, "宣传部旁听"}};
  r.plan.weekday = date::Thursday;
  return r;
}

inline Rule quarterly_analysis() {
  Rule r;
  r.id = "ideology-analysis-meeting";
  r.title = "意识形态分析研判会";
  r.applies_to = {"committee"};
  r.period = PeriodKind::quarter;
  r.target = 1;
  return r;
}

// 书记讲党课: once a year, around 七一 (the default pack's window).
inline Rule secretary_lecture() {
  Rule r;
  r.id = "secretary-party-lecture";
  r.title = "党委（党组）书记讲党课";
  r.applies_to = {"committee"};
  r.period = PeriodKind::year;
  r.target = 1;
  r.plan.weekday = date::Tuesday;
  r.plan.window = PlanWindow{date::June / 1, date::July / 31};
  return r;
}

inline Rule half_year_report() {
  Rule r;
  r.id = "half-year-report";
  r.title = "意识形态工作半年自查报告";
  r.applies_to = {"committee", "branch"};
  r.kind = RuleKind::deadline;
  r.period = PeriodKind::half;
  r.due = DueSpec{DueSpec::Anchor::end, 5, std::nullopt};
  return r;
}

inline Unit unit(std::string id, std::string type, std::string parent = "") {
  Unit u;
  u.id = std::move(id);
  u.type = std::move(type);
  u.parent = std::move(parent);
  u.name = u.id;
  return u;
}

inline Entry held(Day day, std::uint32_t tags = 0) { return Entry{day, Day::min(), tags}; }
inline Entry made_up_for(const char* period, Day day, std::uint32_t tags = 0) {
  return Entry{day, parse_period(period)->start, tags};
}

// `count` sessions on the first `count` Thursdays-or-so of 2026, the first `expanded` of
// them expanded (bit 0) and the first `observed` observed (bit 1).
inline std::vector<Entry> sessions(int count, int expanded, int observed = 0) {
  std::vector<Entry> entries;
  for (int i = 0; i < count; ++i) {
    std::uint32_t tags = 0;
    if (i < expanded) tags |= 1u;
    if (i < observed) tags |= 2u;
    entries.push_back(held(d(2026, 1, 8) + date::days{14 * i}, tags));
  }
  return entries;
}

}  // namespace cadence::testing
