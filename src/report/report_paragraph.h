#pragma once
// The paragraph of one unit's half-year or year-end report (半年/年终报告) on what the rules ask
// of it, worded as the seed reports word it: "上半年，共组织中心组学习6次，其中扩大学习2次、
// 宣传部旁听1次；召开意识形态分析研判会2次；按时报送中心组年度学习计划。"
//
// Choices, and why:
// - Two texts, not one: a report states what was done under its 工作开展情况 and what falls short
//   under 存在的问题, and a secretary pastes each into its own part. Leaving the shortfalls out
//   is the writer's choice; the tool does not hide them in the first text's wording.
// - Counts are what was held (Result::done, QuotaProgress::done), summed over the rule's results
//   within the report's period: a yearly rule judged as of 30 June counts the first half, and a
//   quarterly rule checked for Q1 and Q2 counts both. Quotas held 0 times and rules not held at
//   all are left out of the first text (a report does not say "召开…0次"); the second names them.
// - A deliverable belongs to the period it is due in, as filing it is work done then: the
//   first half's report says "按时报送2025年下半年意识形态工作专题汇报" (named with its period
//   when that is not the report's own). On time it is in the first text; late or missing only in
//   the shortfalls, with its date. Pending ones (the report being written now) are in neither.
// - The period is named within its year (上半年, 全年), as the seeds do: the report's own title
//   carries the year.
// - Chinese only (see report_phrases.h).
#include "core/compliance.h"
#include "core/rule.h"
#include "core/unit.h"

#include <span>
#include <string>
#include <vector>

namespace cadence::report {

// Who writes: the unit in its own report ("上半年，共组织…"), or a superior quoting it
// ("甲镇上半年共组织…", as the seed's part 6 praises "xx镇截至目前已完成…").
enum class Voice { kOwn, kSuperior };

struct ReportParagraph {
  std::string held;        // what was held and filed on time; empty when nothing was
  std::string shortfalls;  // "对照要求，…。": what falls short of the rules; empty when nothing does
  // The non-empty ones, held first.
  std::vector<std::string> paragraphs() const;
};

// REQUIRES: `results` are all `unit`'s, from check() with `rules` as of `period`'s last day
// (later, a yearly rule would count the next months too), at most one per rule and period;
// several checks' results together where one check judges a rule in only part of `period`.
ReportParagraph report_paragraph(const Unit& unit, const std::vector<Rule>& rules, std::span<const Result> results,
                                 const Period& period, Voice voice);

}  // namespace cadence::report
