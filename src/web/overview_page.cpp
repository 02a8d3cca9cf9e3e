#include "web/overview_page.h"

#include "web/error_response.h"
#include "web/page.h"
#include "web/unit_page.h"

#include <set>

namespace cadence::web {

namespace {

using report::Language;

std::string esc(std::string_view text) { return html_escape(text); }

std::string overview_path(const Unit& unit) { return "/overview/" + url_encode(unit.id); }

// The unit's ancestors the reader may see, each a link to its overview, then the unit.
std::string crumbs(const OverviewView& v) {
  std::vector<std::size_t> up;
  for (auto p = v.tree.parent(v.request.unit); p; p = v.tree.parent(*p))
    if (v.scope.may(Action::kRead, *p)) up.insert(up.begin(), *p);
  if (up.empty()) return "";
  std::string html = "<nav class=\"crumbs\">";
  for (const auto u : up)
    html += "<a href=\"" + esc(overview_query_url(overview_path(v.tree.at(u)), v.request)) + "\">" +
            esc(v.tree.at(u).name) + "</a> › ";
  return html + esc(v.tree.at(v.request.unit).name) + "</nav>\n";
}

std::string option(std::string_view value, std::string_view label, bool selected) {
  return "<option value=\"" + esc(value) + "\"" + (selected ? " selected" : "") + ">" + esc(label) + "</option>";
}

std::string select(std::string_view name, std::string_view label, const std::string& options) {
  return "<label>" + esc(label) + " <select name=\"" + std::string(name) + "\">" + options + "</select></label>\n";
}

std::string status_options(const OverviewView& v) {
  const auto lang = v.request.language;
  std::string html = option("", pick(lang, "全部", "any"), !v.request.filter.status);
  std::set<Status> seen;
  for (const auto kind : {RuleKind::cadence, RuleKind::deadline})
    for (const auto s : statuses_of(kind))
      if (seen.insert(s).second)
        html += option(to_string(s), report::display_status(s, lang), v.request.filter.status == s);
  return html;
}

std::string type_options(const OverviewView& v) {
  const auto lang = v.request.language;
  std::set<std::string> types;
  for (const auto u : v.tree.subtree(v.request.unit)) types.insert(v.tree.at(u).type);
  std::string html = option("", pick(lang, "全部", "any"), v.request.filter.unit_type.empty());
  for (const auto& t : types) html += option(t, report::display_unit_type(t, lang), v.request.filter.unit_type == t);
  return html;
}

std::string rule_options(const OverviewView& v) {
  const auto lang = v.request.language;
  std::string html = option("", pick(lang, "全部", "every rule"), v.request.filter.rule.empty());
  for (const auto& r : v.rules) html += option(r.id, report::display_rule_title(r, lang), v.request.filter.rule == r.id);
  return html;
}

std::string filter_form(const OverviewView& v) {
  const auto lang = v.request.language;
  const auto& r = v.request;
  std::string html = "<form class=\"filters\" method=\"get\" action=\"" + esc(overview_path(v.tree.at(r.unit))) + "\">\n";
  html += "<label>" + std::string(pick(lang, "截至日期", "As of")) + " <input type=\"date\" name=\"as_of\" value=\"" +
          format_day(r.as_of) + "\" required></label>\n";
  html += "<label>" + std::string(pick(lang, "期间", "Period")) + " <input type=\"text\" name=\"period\" value=\"" +
          (r.period ? esc(r.period->id()) : "") + "\" placeholder=\"2026-Q1\" size=\"9\"></label>\n";
  html += select("status", pick(lang, "状态", "Status"), status_options(v));
  html += select("type", pick(lang, "单位类型", "Unit type"), type_options(v));
  html += select("rule", pick(lang, "制度", "Rule"), rule_options(v));
  html += select("show", pick(lang, "显示", "Show"),
                 option("children", pick(lang, "下级汇总", "children, rolled up"), !r.filter.every_unit) +
                     option("all", pick(lang, "全部单位", "every unit"), r.filter.every_unit));
  if (lang == Language::kEnglish) html += "<input type=\"hidden\" name=\"lang\" value=\"en\">\n";
  return html + "<button type=\"submit\">" + std::string(pick(lang, "筛选", "Apply")) + "</button>\n</form>\n";
}

std::string counts_title(const report::OverviewCell& cell, Language lang) {
  std::string text;
  for (std::size_t s = 0; s < kStatusCount; ++s) {
    if (cell.counts[s] == 0) continue;
    if (!text.empty()) text += " · ";
    text += std::string(report::display_status(static_cast<Status>(s), lang)) + " " + std::to_string(cell.counts[s]);
  }
  return text;
}

std::string cell_html(const report::OverviewCell& cell, const Rule& rule, Language lang) {
  if (cell.tone == report::Tone::kNone) return "<td class=\"none\">—</td>";
  std::string html = "<td class=\"cell " + std::string(report::tone_name(cell.tone)) + "\" data-rule=\"" + esc(rule.id) + "\"";
  if (cell.own) html += " data-status=\"" + std::string(to_string(*cell.own)) + "\"";
  else html += " title=\"" + esc(counts_title(cell, lang)) + "\"";
  return html + "><span class=\"status\">" + esc(cell.status) + "</span><span class=\"detail\">" + esc(cell.detail) +
         "</span></td>";
}

std::string row_html(const OverviewView& v, const report::OverviewRow& row) {
  const auto lang = v.request.language;
  const auto& unit = v.tree.at(row.unit);
  std::string html = "<tr data-unit=\"" + esc(unit.id) + "\" class=\"" + (row.rollup ? "rollup" : "own") + "\"><th class=\"unit\">";
  // A roll-up drills down to the child's overview; a unit's own row opens its page.
  const auto href = row.rollup ? overview_query_url(overview_path(unit), v.request) : unit_path(unit, v.request.as_of, lang);
  const auto name = row.unit == v.request.unit ? std::string(pick(lang, "本级：", "This unit: ")) + unit.name : unit.name;
  html += "<a href=\"" + esc(href) + "\">" + esc(name) + "</a>";
  if (row.rollup) html += " <small>" + esc(std::string(pick(lang, "（含下级）", "(with its units)"))) + "</small>";
  html += "</th><td class=\"type\">" + esc(report::display_unit_type(unit.type, lang)) + "</td>";
  for (std::size_t i = 0; i < row.cells.size(); ++i)
    html += cell_html(row.cells[i], v.rules[v.overview.columns[i].rule], lang);
  return html + "</tr>\n";
}

std::string table_html(const OverviewView& v) {
  const auto lang = v.request.language;
  std::string html = "<div class=\"table-wrap\"><table class=\"overview\">\n<thead><tr><th class=\"unit\">" +
                     std::string(pick(lang, "单位", "Unit")) + "</th><th>" + std::string(pick(lang, "类型", "Type")) + "</th>";
  for (const auto& col : v.overview.columns)
    html += "<th scope=\"col\" data-rule=\"" + esc(v.rules[col.rule].id) + "\">" +
            esc(report::display_rule_title(v.rules[col.rule], lang)) + "<br><small>" +
            esc(report::display_period(col.period, lang)) + "</small></th>";
  html += "</tr></thead>\n<tbody>\n";
  for (const auto& row : v.overview.rows) html += row_html(v, row);
  html += "</tbody>\n<tfoot><tr class=\"total\"><th class=\"unit\">" +
          std::string(pick(lang, "合计（全部单位）", "Total (every unit)")) + "</th><td></td>";
  for (std::size_t i = 0; i < v.overview.total.cells.size(); ++i)
    html += cell_html(v.overview.total.cells[i], v.rules[v.overview.columns[i].rule], lang);
  return html + "</tr></tfoot>\n</table></div>\n";
}

}  // namespace

std::string overview_title(const OverviewView& v) {
  return v.tree.at(v.request.unit).name + " · " + std::string(pick(v.request.language, "合规概览", "Compliance overview"));
}

std::string overview_body(const OverviewView& v) {
  const auto lang = v.request.language;
  const auto& unit = v.tree.at(v.request.unit);
  std::string html = crumbs(v);
  html += "<h1>" + esc(overview_title(v)) + "</h1>\n<p class=\"as-of\">" + std::string(pick(lang, "截至 ", "As of ")) +
          esc(report::display_date(v.request.as_of, lang)) + "</p>\n";
  html += filter_form(v);
  html += "<p class=\"downloads\"><a href=\"" +
          esc(overview_query_url(overview_path(unit) + "/export.csv", v.request)) + "\" download>" +
          std::string(pick(lang, "导出 CSV（Excel、WPS）", "Export CSV (Excel, WPS)")) + "</a> · <a href=\"" +
          esc(overview_query_url(overview_path(unit) + "/export.xlsx", v.request)) + "\" download>" +
          std::string(pick(lang, "导出 Excel（.xlsx）", "Export .xlsx")) + "</a> · <a href=\"" +
          esc(overview_query_url(overview_path(unit) + "/summary", v.request)) + "\">" +
          std::string(pick(lang, "督查通报（文字）", "Inspection summary (text)")) + "</a></p>\n";
  if (v.overview.rows.empty() || v.overview.columns.empty())
    return html + "<p class=\"empty\">" + std::string(pick(lang, "没有符合筛选条件的单位。", "No unit matches the filters.")) +
           "</p>\n";
  return html + table_html(v);
}

}  // namespace cadence::web
