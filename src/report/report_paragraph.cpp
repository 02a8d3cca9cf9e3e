#include "report/report_paragraph.h"

#include "report/display_text.h"
#include "report/report_phrases.h"

#include <algorithm>
#include <optional>

namespace cadence::report {

namespace {

bool overlaps(const Period& a, const Period& b) { return a.start <= b.end && b.start <= a.end; }

// One rule's results within the report's period, with what was held summed over them.
struct Tally {
  const Rule* rule = nullptr;
  std::vector<const Result*> results;
  int done = 0;
  std::vector<std::pair<std::string_view, int>> quotas;  // tag and done, in the order the results give them
};

void add(Tally& tally, const Result& result) {
  tally.results.push_back(&result);
  tally.done += result.done;
  for (const auto& q : result.quotas) {
    auto it = std::find_if(tally.quotas.begin(), tally.quotas.end(), [&](const auto& t) { return t.first == q.tag; });
    if (it == tally.quotas.end())
      tally.quotas.emplace_back(q.tag, q.done);
    else
      it->second += q.done;
  }
}

// A cadence counts what was held in the report's period; a deadline belongs to the period it
// is due in, when it is filed (the year-end report of last year is filed in this first half).
bool in_report(const Result& result, const Rule& rule, const Period& period) {
  if (rule.kind == RuleKind::deadline) return result.due && period.contains(*result.due);
  return overlaps(result.period, period);
}

std::vector<Tally> tallies(const std::vector<Rule>& rules, std::span<const Result> results, const Period& period) {
  std::vector<Tally> by_rule(rules.size());
  for (std::size_t r = 0; r < rules.size(); ++r) by_rule[r].rule = &rules[r];
  for (const auto& result : results)
    if (in_report(result, rules[result.rule], period)) add(by_rule[result.rule], result);
  std::erase_if(by_rule, [](const Tally& t) { return t.results.empty(); });
  return by_rule;
}

// "中心组年度学习计划", or "2025年下半年意识形态工作专题汇报" for another period's deliverable.
std::string deliverable(const Result& result, const Rule& rule, const Period& period) {
  const bool of_this_period = result.period.start <= period.start && period.end <= result.period.end;
  return (of_this_period ? std::string() : display_period(result.period, Language::kChinese)) + rule.display_title();
}

// "组织中心组学习6次，其中扩大学习2次、宣传部旁听1次".
std::string held_clause(const Tally& tally) {
  const Rule& rule = *tally.rule;
  std::vector<std::string> quotas;
  for (const auto& [tag, done] : tally.quotas)
    if (done > 0) quotas.push_back(quota_label(rule, tag) + times(done));
  return std::string(activity_verb(rule)) + rule.display_title() + times(tally.done) +
         (quotas.empty() ? "" : "，其中" + join(quotas));
}

std::string held_text(const std::vector<Tally>& tallies, const Period& period, const std::string& subject) {
  std::vector<std::string> clauses, on_time;
  for (const auto& t : tallies) {
    if (t.rule->kind == RuleKind::cadence && t.done > 0) clauses.push_back(held_clause(t));
    for (const auto* r : t.results)
      if (r->status == Status::done) on_time.push_back(deliverable(*r, *t.rule, period));
  }
  if (!clauses.empty()) clauses.front() = "共" + clauses.front();
  if (!on_time.empty()) clauses.push_back("按时报送" + join(on_time));
  return clauses.empty() ? std::string() : subject + join(clauses, "；") + "。";
}

std::string deadline_shortfall(const Result& result, const Rule& rule, const Period& period) {
  const auto name = deliverable(result, rule, period);
  if (result.status == Status::late && result.submitted)
    return name + "于" + written_date(*result.submitted, period.start) + "逾期报送";
  return "尚未报送" + name;
}

// A single result with its numbers; of several (the months of a half), the ones that fell
// short by name: "支部委员会会议3月、5月未按期召开".
std::optional<std::string> cadence_shortfalls(const Tally& tally) {
  std::vector<const Result*> short_of;
  std::copy_if(tally.results.begin(), tally.results.end(), std::back_inserter(short_of),
               [](const Result* r) { return !is_compliant(r->status); });
  if (short_of.empty()) return std::nullopt;
  const Rule& rule = *tally.rule;
  if (tally.results.size() == 1) return cadence_shortfall(*short_of.front(), rule);
  std::vector<std::string> periods;
  for (const auto* r : short_of) periods.push_back(period_in_year(r->period));
  return rule.display_title() + join(periods) + "未按期" + std::string(activity_verb(rule));
}

std::string shortfalls_text(const std::vector<Tally>& tallies, const Period& period, const std::string& subject) {
  std::vector<std::string> phrases;
  for (const auto& t : tallies) {
    if (t.rule->kind == RuleKind::cadence) {
      if (auto phrase = cadence_shortfalls(t)) phrases.push_back(std::move(*phrase));
      continue;
    }
    for (const auto* r : t.results)
      if (!is_compliant(r->status)) phrases.push_back(deadline_shortfall(*r, *t.rule, period));
  }
  return phrases.empty() ? std::string() : "对照要求，" + subject + join(phrases, "；") + "。";
}

}  // namespace

std::vector<std::string> ReportParagraph::paragraphs() const {
  std::vector<std::string> out;
  for (const auto* text : {&held, &shortfalls})
    if (!text->empty()) out.push_back(*text);
  return out;
}

ReportParagraph report_paragraph(const Unit& unit, const std::vector<Rule>& rules, std::span<const Result> results,
                                 const Period& period, Voice voice) {
  const auto by_rule = tallies(rules, results, period);
  const auto when = period_in_year(period);
  const bool own = voice == Voice::kOwn;
  return {held_text(by_rule, period, own ? when + "，" : unit_name(unit) + when),
          shortfalls_text(by_rule, period, own ? std::string() : unit_name(unit))};
}

}  // namespace cadence::report
