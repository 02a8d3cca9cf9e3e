#pragma once
// Dates, periods and statuses as the dashboard's readers write them: Chinese by default
// (2026年5月14日 周四, 2026年第一季度, 上半年), English when asked. Poco's date names are
// English only, and a period id such as 2026-Q1 is for programs, not for a report.
#include "core/compliance.h"
#include "core/day.h"
#include "core/period.h"
#include "core/rule.h"

#include <optional>
#include <string>
#include <string_view>

namespace cadence::report {

enum class Language { kChinese, kEnglish };

// "zh" (or "zh-CN") and "en"; nullopt for anything else.
std::optional<Language> parse_language(std::string_view code);
std::string_view language_code(Language language);  // "zh-CN", "en"

// 2026年5月14日 周四 · Thu 14 May 2026.
std::string display_date(Day day, Language language);
// 2026年 · 2026年上半年 · 2026年第一季度 · 2026年3月 · 2026年第7周; 2026 · H1 2026 · Q1 2026 ·
// March 2026 · week 7 of 2026.
std::string display_period(const Period& period, Language language);
// 达标, 落后, 已逾期… · met, behind, overdue…
std::string_view display_status(Status status, Language language);
// The rule's short title, or its English title when there is one and English is asked.
std::string display_rule_title(const Rule& rule, Language language);
// The unit types of the rule pack in words (党委, 党支部…; committee, branch…); another type as is.
std::string display_unit_type(std::string_view type, Language language);

}  // namespace cadence::report
