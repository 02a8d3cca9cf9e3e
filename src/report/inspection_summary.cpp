#include "report/inspection_summary.h"

#include "report/display_text.h"
#include "report/report_phrases.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <utility>

namespace cadence::report {

namespace {

bool falls_short(const Result* result) { return !is_compliant(result->status); }

std::vector<const Result*> failing(const std::vector<const Result*>& results) {
  std::vector<const Result*> out;
  std::copy_if(results.begin(), results.end(), std::back_inserter(out), falls_short);
  return out;
}

// One direct child of the parent and the results that judge it for one rule.
struct Judged {
  std::size_t child = 0;
  const Result* own = nullptr;
  std::vector<const Result*> below;  // its descendants', which judge it only when it has no result of its own

  std::vector<const Result*> results() const { return own ? std::vector<const Result*>{own} : below; }
  bool applies() const { return own || !below.empty(); }
  bool short_of_rule() const { return !failing(results()).empty(); }
};

using ByRule = std::vector<std::vector<Judged>>;  // [rule][position among the parent's children]

// The direct child of `parent` that `unit` is or lies under; nullopt for the parent and outside it.
std::optional<std::size_t> top_child(const UnitTree& tree, std::size_t parent, std::size_t unit) {
  for (auto u = unit;;) {
    const auto p = tree.parent(u);
    if (!p) return std::nullopt;
    if (*p == parent) return u;
    u = *p;
  }
}

ByRule judged_by_rule(const CheckReport& report, const UnitTree& tree, std::size_t rule_count, std::size_t parent) {
  const auto& children = tree.children(parent);
  std::unordered_map<std::size_t, std::size_t> position;
  std::vector<Judged> blank(children.size());
  for (std::size_t i = 0; i < children.size(); ++i) {
    position[children[i]] = i;
    blank[i].child = children[i];
  }
  ByRule by_rule(rule_count, blank);
  for (const auto& r : report.results) {
    const auto child = top_child(tree, parent, r.unit);
    if (!child) continue;
    auto& judged = by_rule[r.rule][position.at(*child)];
    if (r.unit == *child)
      judged.own = &r;
    else
      judged.below.push_back(&r);
  }
  return by_rule;
}

// Over all rules: how many children are judged and fall short, and which rules some fall short of.
struct Overall {
  int units = 0;
  int short_units = 0;
  std::vector<std::string> short_rules, kept_rules;
};

Overall overall(const ByRule& by_rule, const std::vector<Rule>& rules) {
  Overall o;
  const auto n = by_rule.empty() ? 0 : by_rule.front().size();
  std::vector<bool> judged(n), fell(n);
  for (std::size_t r = 0; r < rules.size(); ++r) {
    bool applies = false, fell_short = false;
    for (std::size_t i = 0; i < n; ++i) {
      if (!by_rule[r][i].applies()) continue;
      applies = true;
      judged[i] = true;
      if (!by_rule[r][i].short_of_rule()) continue;
      fell_short = true;
      fell[i] = true;
    }
    if (applies) (fell_short ? o.short_rules : o.kept_rules).push_back(rules[r].display_title());
  }
  o.units = static_cast<int>(std::count(judged.begin(), judged.end(), true));
  o.short_units = static_cast<int>(std::count(fell.begin(), fell.end(), true));
  return o;
}

// "15个党委中有10个", or "3个党委均" when it is all of them (and of one, just "1个党委").
std::string how_many(std::size_t of, std::size_t n, const std::string& noun) {
  const auto whole = std::to_string(of) + "个" + noun;
  if (n < of) return whole + "中有" + std::to_string(n) + "个";
  return of == 1 ? whole : whole + "均";
}

std::string opening(const Overall& o, const Unit& parent, Day as_of) {
  const auto head = "截至" + written_date(as_of) + "，" + unit_name(parent) + "所属";
  if (o.units == 0) return head + "单位暂无需检查的事项。";
  const auto units = static_cast<std::size_t>(o.units);
  if (o.short_rules.empty())
    return head + std::to_string(units) + "个单位的" + join(o.kept_rules) + "，各单位均按要求完成。";
  return head + how_many(units, static_cast<std::size_t>(o.short_units), "单位") + "未按要求落实" +
         join(o.short_rules) + "。";
}

// The type the judged units share in words ("党支部"), or 单位 when they differ or it has none.
std::string unit_noun(const std::vector<const Result*>& results, const UnitTree& tree) {
  const auto& type = tree.at(results.front()->unit).type;
  for (const auto* r : results)
    if (tree.at(r->unit).type != type) return "单位";
  auto word = display_unit_type(type, Language::kChinese);
  return word == type ? "单位" : word;
}

std::string requirement_sentence(const Rule& rule, const Result& sample, Day as_of) {
  if (rule.kind == RuleKind::cadence) return rule.display_title() + "按要求" + cadence_requirement(rule) + "。";
  if (!sample.due) return {};
  return display_period(sample.period, Language::kChinese) + rule.display_title() + "应于" +
         written_date(*sample.due, as_of) + "前报送。";
}

std::string_view shortfall_word(const Rule& rule, const std::vector<const Result*>& failing) {
  if (rule.kind == RuleKind::deadline) return "未按时报送";
  const bool behind =
      std::any_of(failing.begin(), failing.end(), [](const Result* r) { return r->status == Status::behind; });
  return behind ? "进度滞后" : "未按要求完成";
}

std::string own_shortfall(const Result& result, const Rule& rule, Day as_of) {
  if (rule.kind == RuleKind::cadence) return cadence_shortfall(result, rule);
  if (result.status == Status::late && result.submitted)
    return "于" + written_date(*result.submitted, as_of) + "逾期报送";
  return "尚未报送";
}

// Children with the same shortfall share one phrase, as the seed lists them: "乙镇、丙镇尚未报送".
std::vector<std::string> own_phrases(const std::vector<Judged>& judged, const Rule& rule, const UnitTree& tree,
                                     Day as_of) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const auto& j : judged) {
    if (!j.own || !falls_short(j.own)) continue;
    auto phrase = own_shortfall(*j.own, rule, as_of);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == phrase; });
    if (it == groups.end()) it = groups.insert(groups.end(), {std::move(phrase), {}});
    it->second.push_back(unit_name(tree.at(j.child)));
  }
  std::vector<std::string> out;
  for (const auto& [phrase, names] : groups) out.push_back(join(names) + phrase);
  return out;
}

// The units below a child that fall short, by name only: "甲镇2个（甲村党支部、乙村党支部）".
std::string below_phrase(const Judged& judged, const UnitTree& tree) {
  std::vector<std::string> names;
  for (const auto* r : failing(judged.below)) names.push_back(unit_name(tree.at(r->unit)));
  return unit_name(tree.at(judged.child)) + std::to_string(names.size()) + "个（" + join(names) + "）";
}

std::optional<std::string> rule_paragraph(const Rule& rule, const std::vector<Judged>& judged, const UnitTree& tree,
                                          Day as_of) {
  std::vector<const Result*> all;
  for (const auto& j : judged)
    for (const auto* r : j.results()) all.push_back(r);
  const auto short_of = failing(all);
  if (short_of.empty()) return std::nullopt;
  auto phrases = own_phrases(judged, rule, tree, as_of);
  for (const auto& j : judged)
    if (!j.own && j.short_of_rule()) phrases.push_back(below_phrase(j, tree));
  return requirement_sentence(rule, *short_of.front(), as_of) +
         how_many(all.size(), short_of.size(), unit_noun(all, tree)) + std::string(shortfall_word(rule, short_of)) +
         "：" + join(phrases, "；") + "。";
}

}  // namespace

InspectionSummary inspection_summary(const CheckReport& report, const UnitTree& tree, const std::vector<Rule>& rules,
                                     std::size_t parent) {
  const auto by_rule = judged_by_rule(report, tree, rules.size(), parent);
  const auto o = overall(by_rule, rules);
  InspectionSummary summary;
  summary.paragraphs.push_back(opening(o, tree.at(parent), report.as_of));
  for (std::size_t r = 0; r < rules.size(); ++r)
    if (auto paragraph = rule_paragraph(rules[r], by_rule[r], tree, report.as_of))
      summary.paragraphs.push_back(*paragraph);
  if (!o.short_rules.empty() && !o.kept_rules.empty())
    summary.paragraphs.push_back(join(o.kept_rules) + "，各单位均按要求完成。");
  return summary;
}

}  // namespace cadence::report
