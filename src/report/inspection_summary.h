#pragma once
// The inspection summary (督查通报, issue 13): how the units under a parent keep their rules as
// of a day, in the words of the county inspection report (seed 002, part 6): "截至2026年6月30日，
// 县委所属15个单位中有10个未按要求落实中心组学习…", then a paragraph per rule some unit falls
// short of, naming them and what they lack ("甲镇中心组学习仅5次…，其中扩大学习仅2次…").
//
// Choices, and why:
// - It looks one level down, as an inspection does: each direct child of the parent answers for
//   itself with its own result. A child the rule does not apply to (a township, for a branch
//   rule) answers for the units below it that it does apply to, named under it ("甲镇3个（…）"),
//   so a county's summary still shows its branches without listing every village's details. A
//   child with a result of its own is not judged again by the units below it: those are in that
//   child's own summary. The parent's own results are not in it: they are its own report's.
// - A unit falls short when its status does not keep the cadence (is_compliant): behind counts,
//   so a summary written mid-period names who has fallen behind pace, not only who has failed
//   (the seed's report is dated mid-year). Upcoming and pending ask nothing yet.
// - Each rule's paragraph opens with the requirement, as the seed's does ("中心组集中学习按照要求
//   全年不少于12次…"), and each shortfall gives the number the unit should have reached by then,
//   so the reader needs no other page.
// - "按要求完成" of rules every unit keeps means kept to date: mid-period that is on track.
// - Chinese only (see report_phrases.h); paragraphs as plain strings so a page shows them and a
//   .docx writer writes them as they are.
#include "core/check.h"

#include <string>
#include <vector>

namespace cadence::report {

struct InspectionSummary {
  // The opening sentence with the day; a paragraph per rule some unit falls short of, in rule
  // order; then, when some did and others every unit kept, the closing "…，各单位均按要求完成。".
  // With nothing short, the opening sentence says so itself and stands alone.
  std::vector<std::string> paragraphs;
};

// REQUIRES: `report` is check() of a subtree holding `parent` with `rules`, and `tree` is the
// tree it ran on.
InspectionSummary inspection_summary(const CheckReport& report, const UnitTree& tree, const std::vector<Rule>& rules,
                                     std::size_t parent);

}  // namespace cadence::report
