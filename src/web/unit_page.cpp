#include "web/unit_page.h"

#include "report/overview.h"
#include "web/error_response.h"
#include "web/overview_request.h"
#include "web/page.h"
#include "web/unit_emails.h"
#include "web/year_timeline.h"

#include <date/date.h>

namespace cadence::web {

namespace {

using report::Language;

std::string esc(std::string_view text) { return html_escape(text); }

std::string hidden(std::string_view name, std::string_view value) {
  return "<input type=\"hidden\" name=\"" + std::string(name) + "\" value=\"" + esc(value) + "\">";
}

// Where the unit stands: its own row of the overview, a line per rule.
std::string standing_html(const UnitView& v) {
  const auto lang = v.language;
  const auto table = report::build_overview(v.report, v.tree, v.rules, v.unit, {}, lang);
  const auto own = std::find_if(table.rows.begin(), table.rows.end(),
                                [&](const report::OverviewRow& r) { return r.unit == v.unit && !r.rollup; });
  if (own == table.rows.end()) return "<p class=\"empty\">" + std::string(pick(lang, "没有适用于本单位的制度。", "No rule applies to this unit.")) + "</p>\n";
  std::string html = "<table class=\"standing\"><thead><tr><th>" + std::string(pick(lang, "制度", "Rule")) + "</th><th>" +
                     std::string(pick(lang, "期间", "Period")) + "</th><th>" + std::string(pick(lang, "状态", "Status")) +
                     "</th></tr></thead><tbody>\n";
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const auto& cell = own->cells[i];
    if (cell.tone == report::Tone::kNone) continue;
    const auto& rule = v.rules[table.columns[i].rule];
    html += "<tr><th>" + esc(report::display_rule_title(rule, lang)) + "</th><td>" +
            esc(report::display_period(table.columns[i].period, lang)) + "</td><td class=\"cell " +
            std::string(report::tone_name(cell.tone)) + "\" data-rule=\"" + esc(rule.id) + "\" data-status=\"" +
            std::string(to_string(*cell.own)) + "\"><span class=\"status\">" + esc(cell.status) +
            "</span><span class=\"detail\">" + esc(cell.detail) + "</span></td></tr>\n";
  }
  return html + "</tbody></table>\n";
}

const Rule* rule_of(const UnitView& v, const std::string& id) {
  for (const auto& r : v.rules)
    if (r.id == id) return &r;
  return nullptr;
}

std::string tags_text(const UnitView& v, const Record& r) {
  std::string text;
  const auto* rule = rule_of(v, r.rule);
  for (const auto& t : r.tags) {
    const auto* quota = rule ? rule->quota(t) : nullptr;
    text += (text.empty() ? "" : "、") + (quota && !quota->label.empty() ? quota->label : t);
  }
  return text;
}

std::string attendance_text(const store::Attendance& a) {
  if (!a.expected && !a.present) return "";
  return (a.present ? std::to_string(*a.present) : "?") + "/" + (a.expected ? std::to_string(*a.expected) : "?");
}

std::string state_html(const UnitView& v, const store::ReviewedRecord& r) {
  if (!r.returned) return std::string(pick(v.language, "已提交", "submitted"));
  return "<strong>" + std::string(pick(v.language, "已退回", "returned")) + "</strong>：" + esc(r.returned->reason) +
         " <small>(" + esc(r.returned->by) + ", " + date::format("%F", r.returned->at) + ")</small>";
}

// Each item of evidence by its kind, a link to the file (the API's, under the same session) or
// to the address given.
std::string evidence_html(const UnitView& v, const store::ReviewedRecord& r) {
  std::string html;
  for (const auto& e : v.evidence.at(r.record.id)) {
    const auto href = e.link.empty() ? "/api/v1/records/" + std::to_string(r.record.id) + "/evidence/" + std::to_string(e.id)
                                     : e.link;
    html += (html.empty() ? "" : " ") + std::string("<a href=\"") + esc(href) + "\" rel=\"noreferrer\">" + esc(e.kind) + "</a>";
  }
  return html;
}

std::string actions_html(const UnitView& v, const store::ReviewedRecord& r) {
  const auto lang = v.language;
  const auto id = std::to_string(r.record.id);
  const auto& version = v.versions.at(r.record.id);
  // What the page it returns to keeps: the day judged at, the language, the session's token.
  const auto kept = hidden("csrf_token", v.csrf_token) + hidden("as_of", format_day(v.as_of)) +
                    (lang == Language::kEnglish ? hidden("lang", "en") : "");
  std::string html;
  if (v.scope.may(Action::kRecord, v.unit)) {
    html += "<a href=\"/records/" + id + "/edit?as_of=" + format_day(v.as_of) + (lang == Language::kEnglish ? "&amp;lang=en" : "") + "\">" +
            std::string(pick(lang, "修改", "Correct")) + "</a> ";
    html += "<form class=\"inline\" method=\"post\" action=\"/records/" + id + "/delete\">" + kept +
            hidden("version", version) + "<button type=\"submit\">" + std::string(pick(lang, "删除", "Delete")) +
            "</button></form> ";
  }
  if (v.scope.may(Action::kReturn, v.unit) && !r.returned)
    html += "<form class=\"inline return\" method=\"post\" action=\"/records/" + id + "/return\">" + kept +
            "<input type=\"text\" name=\"reason\" required placeholder=\"" +
            std::string(pick(lang, "退回原因", "why it goes back")) + "\"><button type=\"submit\">" +
            std::string(pick(lang, "退回", "Return")) + "</button></form>";
  return html;
}

std::string records_html(const UnitView& v) {
  const auto lang = v.language;
  if (v.records.empty()) return "<p class=\"empty\">" + std::string(pick(lang, "今年尚无记录。", "No record this year.")) + "</p>\n";
  std::string html = "<table class=\"records\"><thead><tr>";
  for (const auto h : {pick(lang, "日期", "Date"), pick(lang, "制度", "Rule"), pick(lang, "标记", "Tags"),
                       pick(lang, "期间", "Period"), pick(lang, "实到/应到", "Present/expected"), pick(lang, "备注", "Note"),
                       pick(lang, "佐证", "Evidence"), pick(lang, "状态", "State"), pick(lang, "录入", "Entered by"),
                       std::string_view()})
    html += "<th>" + std::string(h) + "</th>";
  html += "</tr></thead><tbody>\n";
  for (const auto& r : v.records) {
    const auto* rule = rule_of(v, r.record.rule);
    html += "<tr data-record=\"" + std::to_string(r.record.id) + "\"" + (r.returned ? " class=\"returned\"" : "") + "><td>" +
            esc(report::display_date(r.record.date, lang)) + "</td><td>" +
            esc(rule ? report::display_rule_title(*rule, lang) : r.record.rule) + "</td><td>" + esc(tags_text(v, r.record)) +
            "</td><td>" + (r.record.period ? esc(report::display_period(*r.record.period, lang)) : "") + "</td><td>" +
            attendance_text(r.attendance) + "</td><td>" + esc(r.record.note) + "</td><td>" + evidence_html(v, r) + "</td><td>" +
            state_html(v, r) + "</td><td>" +
            esc(r.created_by) + (r.updated_by != r.created_by ? " / " + esc(r.updated_by) : "") + "</td><td>" +
            actions_html(v, r) + "</td></tr>\n";
  }
  return html + "</tbody></table>\n";
}

// A line per rule that applies to the unit and has a date planned or held this year.
std::vector<TimelineRow> timeline_rows(const UnitView& v) {
  const auto& unit = v.tree.at(v.unit);
  std::vector<TimelineRow> rows;
  for (std::size_t r = 0; r < v.rules.size(); ++r) {
    const auto& rule = v.rules[r];
    if (!rule.applies_to_type(unit.type)) continue;
    TimelineRow row{report::display_rule_title(rule, v.language), {}, {}};
    for (const auto& slot : v.slots)
      if (slot.rule == r) row.planned.push_back(slot.date);
    for (const auto& rec : v.records)
      if (rec.record.rule == rule.id) row.held.push_back({rec.record.date, rec.returned.has_value(), rec.record.note});
    if (!row.planned.empty() || !row.held.empty()) rows.push_back(std::move(row));
  }
  return rows;
}

std::string timeline_html(const UnitView& v) {
  const auto rows = timeline_rows(v);
  if (rows.empty()) return "";
  const int year = static_cast<int>(date::year_month_day{v.as_of}.year());
  return "<h2>" + std::string(pick(v.language, "全年计划与完成", "The year, planned and held")) +
         "</h2>\n<p class=\"legend\">" +
         std::string(pick(v.language, "○ 建议日期　● 已开展　× 已退回　| 截至日", "○ planned  ● held  × returned  | as of")) +
         "</p>\n<div class=\"table-wrap\">" + year_timeline_svg(year, rows, v.as_of, v.language) + "</div>\n<details><summary>" +
         std::string(pick(v.language, "日期列表", "The dates as a table")) + "</summary>" +
         year_timeline_table(rows, v.language) + "</details>\n";
}

}  // namespace

std::string unit_path(const Unit& unit, Day as_of, Language language) {
  return "/units/" + url_encode(unit.id) + "?as_of=" + format_day(as_of) + (language == Language::kEnglish ? "&lang=en" : "");
}

std::string unit_title(const UnitView& v) { return v.tree.at(v.unit).name; }

std::string unit_body(const UnitView& v) {
  const auto lang = v.language;
  const auto& unit = v.tree.at(v.unit);
  std::string html = "<nav class=\"crumbs\">";
  if (const auto p = v.tree.parent(v.unit); p && v.scope.may(Action::kRead, *p))
    html += "<a href=\"/overview/" + esc(url_encode(v.tree.at(*p).id)) + "?as_of=" + format_day(v.as_of) + "\">" +
            esc(v.tree.at(*p).name) + "</a> › ";
  html += esc(unit.name) + "</nav>\n<h1>" + esc(unit.name) + " <small>" + esc(report::display_unit_type(unit.type, lang)) +
          "</small></h1>\n<p class=\"as-of\">" + std::string(pick(lang, "截至 ", "As of ")) +
          esc(report::display_date(v.as_of, lang)) + "</p>\n";
  html += "<p class=\"downloads\"><a href=\"/units/" + esc(url_encode(unit.id)) + "/report?as_of=" + format_day(v.as_of) +
          (lang == Language::kEnglish ? "&amp;lang=en" : "") + "\">" +
          std::string(pick(lang, "半年/年终报告段落", "Paragraph for the half-year or year-end report")) + "</a> · <a href=\"/units/" +
          esc(url_encode(unit.id)) + "/feed" + (lang == Language::kEnglish ? "?lang=en" : "") + "\">" +
          std::string(pick(lang, "日历订阅（手机扫码）", "Calendar feed (scan with a phone)")) + "</a></p>\n";
  if (!v.notice.empty()) html += "<p class=\"notice\" role=\"status\">" + esc(v.notice) + "</p>\n";
  html += "<h2>" + std::string(pick(lang, "完成情况", "Where it stands")) + "</h2>\n" + standing_html(v);
  html += timeline_html(v);
  if (v.form)
    html += "<h2 id=\"record\">" + std::string(pick(lang, "录入记录", "Record what was held")) + "</h2>\n" +
            record_form_html(*v.form);
  html += "<h2 id=\"records\">" + std::string(pick(lang, "本年记录", "This year's records")) + "</h2>\n" + records_html(v);
  html += "<h2 id=\"emails\">" + std::string(pick(lang, "提醒邮件", "Reminder emails")) + "</h2>\n<h3>" +
          std::string(pick(lang, "即将发送（按目前记录，14天内）", "To come (as the records stand, next 14 days)")) + "</h3>\n" +
          reminders_ahead_html(v.ahead, v.reminder_send_time, v.rules, v.tree, lang) +
          (v.ahead_digests || !v.reminder_send_time
               ? ""
               : "<p class=\"note\">" + std::string(pick(lang, "下属单位较多，月度和每周汇总邮件未列出。",
                                                         "The monthly and weekly digests are not listed: too many units below.")) +
                     "</p>\n") +
          "<h3>" +
          std::string(pick(lang, "已决定的邮件", "Decided")) + "</h3>\n" + unit_emails_html(v.emails, unit.timezone, lang);
  return html;
}

}  // namespace cadence::web
