#pragma once
// The phrases the written reports (inspection_summary, report_paragraph) build their sentences
// from, worded as the seed reports word them: "中心组学习仅5次", "尚未召开…", Arabic numerals,
// 、 between the items of a list, no weekday in a date. Chinese only: these texts are pasted
// into Chinese documents, and an English reader has the dashboard.
#include "core/compliance.h"
#include "core/rule.h"
#include "core/unit.h"

#include <string>
#include <string_view>
#include <vector>

namespace cadence::report {

// "2026年6月30日". With `context`, the year is left out when it is context's year ("7月20日"),
// as a report written in that year does.
std::string written_date(Day day);
std::string written_date(Day day, Day context);

// A period as a report of its own year names it: 上半年, 第二季度, 3月, 第7周; a year is 全年.
std::string period_in_year(const Period& period);

// The verb the seeds put before an activity: 召开 for meetings (…会, …会议), 组织 for study
// sessions (…学习), 开展 for the rest. Rules carry no verb, and a wrong one reads worse than
// the neutral 开展.
std::string_view activity_verb(const Rule& rule);

// "5次": the seeds write every count in Arabic digits.
std::string times(int n);

// The quota's label ("扩大学习"), or its tag when it has none.
std::string quota_label(const Rule& rule, std::string_view tag);

// 甲镇、乙镇、丙镇.
std::string join(const std::vector<std::string>& items, std::string_view separator = "、");

// The unit's name as reports write it; its id when it has none.
const std::string& unit_name(const Unit& unit);

// The rule's number as a requirement: "全年不少于12次，其中扩大学习不少于4次、宣传部旁听不少于1次".
// REQUIRES: rule.kind == cadence.
std::string cadence_requirement(const Rule& rule);

// What a cadence result falls short of, with the number it should have reached: by the period's
// pace while it runs ("中心组学习仅5次（按进度应不少于6次），其中扩大学习仅1次（按进度应不少于2次）"),
// the whole target once it is over; "尚未组织中心组学习（…）" when nothing was held; only the
// quotas when the count itself is enough ("…已组织6次，但尚无宣传部旁听（应不少于1次）").
// REQUIRES: rule.kind == cadence, !is_compliant(result.status).
std::string cadence_shortfall(const Result& result, const Rule& rule);

}  // namespace cadence::report
