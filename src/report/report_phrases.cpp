#include "report/report_phrases.h"

#include "report/display_text.h"

namespace cadence::report {

namespace {

std::string month_day(const date::year_month_day& ymd) {
  return std::to_string(static_cast<unsigned>(ymd.month())) + "月" + std::to_string(static_cast<unsigned>(ymd.day())) +
         "日";
}

std::string every(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::year: return "全年";
    case PeriodKind::half: return "每半年";
    case PeriodKind::quarter: return "每季度";
    case PeriodKind::month: return "每月";
    case PeriodKind::week: return "每周";
  }
  return "";
}

// While the period runs the unit is judged by its pace, after it by the whole target.
bool by_pace(const Result& result) { return result.status == Status::behind; }

std::string should_be(const Result& result, int n) {
  return std::string("（") + (by_pace(result) ? "按进度" : "") + "应不少于" + times(n) + "）";
}

std::vector<std::string> quota_shortfalls(const Result& result, const Rule& rule) {
  std::vector<std::string> out;
  for (const auto& q : result.quotas) {
    const int needed = by_pace(result) ? q.expected : q.min;
    if (q.done >= needed) continue;
    const auto label = quota_label(rule, q.tag);
    // "仅0次" reads as a slip of the pen; the seeds say what is missing instead.
    out.push_back((q.done == 0 ? "尚无" + label : label + "仅" + times(q.done)) + should_be(result, needed));
  }
  return out;
}

}  // namespace

std::string times(int n) { return std::to_string(n) + "次"; }

std::string quota_label(const Rule& rule, std::string_view tag) {
  const auto* quota = rule.quota(tag);
  return quota && !quota->label.empty() ? quota->label : std::string(tag);
}

std::string written_date(Day day) {
  const date::year_month_day ymd{day};
  return std::to_string(static_cast<int>(ymd.year())) + "年" + month_day(ymd);
}

std::string written_date(Day day, Day context) {
  const date::year_month_day ymd{day};
  return ymd.year() == date::year_month_day{context}.year() ? month_day(ymd) : written_date(day);
}

std::string period_in_year(const Period& period) {
  if (period.kind == PeriodKind::year) return "全年";
  // The dashboard's words without the leading "2026年" the report is already about.
  const auto text = display_period(period, Language::kChinese);
  const auto year_end = text.find("年");
  return year_end == std::string::npos ? text : text.substr(year_end + std::string_view("年").size());
}

std::string_view activity_verb(const Rule& rule) {
  const std::string_view title = rule.display_title();
  if (title.ends_with("会") || title.ends_with("会议")) return "召开";
  if (title.ends_with("学习")) return "组织";
  return "开展";
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

const std::string& unit_name(const Unit& unit) { return unit.name.empty() ? unit.id : unit.name; }

std::string cadence_requirement(const Rule& rule) {
  std::vector<std::string> quotas;
  for (const auto& q : rule.quotas) quotas.push_back(quota_label(rule, q.tag) + "不少于" + times(q.min));
  return every(rule.period) + "不少于" + times(rule.target) + (quotas.empty() ? "" : "，其中" + join(quotas));
}

std::string cadence_shortfall(const Result& result, const Rule& rule) {
  const auto& title = rule.display_title();
  if (result.status == Status::made_up) return title + "为逾期补开";
  const int needed = by_pace(result) ? result.expected : result.target;
  const auto quotas = quota_shortfalls(result, rule);
  if (result.done == 0 && needed > 0)
    return "尚未" + std::string(activity_verb(rule)) + title + should_be(result, needed);
  if (result.done < needed)
    return title + "仅" + times(result.done) + should_be(result, needed) +
           (quotas.empty() ? "" : "，其中" + join(quotas, "，"));
  if (!quotas.empty())
    return title + "已" + std::string(activity_verb(rule)) + times(result.done) + "，但" + join(quotas, "，");
  return title + "未达到要求";
}

}  // namespace cadence::report
