#include "cli/check_output.h"

#include "cli/text_table.h"
#include "core/plain_text.h"
#include "report/display_text.h"

namespace cadence::cli {

namespace {

std::string coloured(Status s, bool colour) {
  const std::string text = std::string(to_string(s)) + " " + std::string(status_label(s));
  if (!colour) return text;
  const char* code = "32";  // green: keeping the cadence
  switch (s) {
    case Status::behind: case Status::made_up: case Status::late: code = "33"; break;
    case Status::missed: case Status::overdue: code = "31;1"; break;
    case Status::upcoming: code = "2"; break;
    default: break;
  }
  return "\x1b[" + std::string(code) + "m" + text + "\x1b[0m";
}

std::string progress(const Result& r, const Rule& rule) {
  if (rule.kind == RuleKind::deadline) {
    std::string text = "截止 due " + format_day(*r.due);
    if (r.submitted) text += "，报送 submitted " + format_day(*r.submitted);
    return text;
  }
  std::string text = std::to_string(r.done) + "/" + std::to_string(r.target);
  for (std::size_t i = 0; i < r.quotas.size(); ++i)
    text += "，" + rule.quotas[i].label + " " + std::to_string(r.quotas[i].done) + "/" + std::to_string(r.quotas[i].min);
  return text;
}

std::string expected(const Result& r, const Rule& rule) {
  if (rule.kind == RuleKind::deadline) return "";
  std::string text = std::to_string(r.expected);
  for (std::size_t i = 0; i < r.quotas.size(); ++i) text += "/" + std::to_string(r.quotas[i].expected);
  return text;
}

// Names come from units.csv, which is checked; printable still, as the store may be older.
std::string unit_text(const Unit& u) { return printable(u.name + " (" + u.id + ")"); }

std::string period_text(const Result& r) {
  std::string text = r.period.id();
  if (r.start != r.period.start || r.end != r.period.end)
    text += " (" + format_day(r.start) + "…" + format_day(r.end) + ")";
  return text;
}

}  // namespace

std::string_view status_label(Status s) { return report::display_status(s, report::Language::kChinese); }

void write_check_table(std::ostream& out, const CheckReport& report, const UnitTree& tree, const std::vector<Rule>& rules,
                       bool colour) {
  out << "合规检查 Compliance as of " << format_day(report.as_of) << "\n\n";
  TextTable results({"单位 Unit", "要求 Rule", "周期 Period", "完成 Done", "应完成 Expected", "状态 Status"});
  for (const auto& r : report.results) {
    const Rule& rule = rules[r.rule];
    results.add_formatted({unit_text(tree.at(r.unit)), printable(rule.title), period_text(r), printable(progress(r, rule)),
                           expected(r, rule), coloured(r.status, colour)});
  }
  if (results.empty()) out << "No rule applies to these units in this period.\n";
  else results.print(out);
  if (report.rollup.empty()) return;
  out << "\n汇总 Roll-up (the unit and all units below it)\n\n";
  TextTable rollup({"单位 Unit", "要求 Rule", "周期 Period", "适用 Units", "达标率 Rate", "分布 Statuses"});
  for (const auto& r : report.rollup) {
    std::string statuses;
    for (auto s : statuses_of(rules[r.rule].kind)) {
      const int n = r.counts[static_cast<std::size_t>(s)];
      if (n) statuses += (statuses.empty() ? "" : " · ") + coloured(s, colour) + " " + std::to_string(n);
    }
    char rate[16];
    std::snprintf(rate, sizeof rate, "%.1f%%", r.rate() * 100);
    rollup.add_formatted({unit_text(tree.at(r.unit)), printable(rules[r.rule].title), r.period.id(),
                          std::to_string(r.applicable), rate, statuses});
  }
  rollup.print(out);
}

}  // namespace cadence::cli
