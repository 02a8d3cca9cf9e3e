#include "web/written_pages.h"

#include "calendars/local_date.h"
#include "report/compliance_report.h"
#include "report/inspection_summary.h"
#include "report/report_paragraph.h"
#include "report/report_phrases.h"
#include "web/docx_file.h"
#include "web/error_response.h"
#include "web/overview_request.h"
#include "web/page_call.h"
#include "web/request_error.h"
#include "web/unit_page.h"

namespace cadence::web {

namespace {

using report::Language;

struct Written {
  std::string title;
  std::vector<std::string> paragraphs;
};

HttpResponse docx_response(const Written& w, const std::string& file_name) {
  return attachment_response(kDocxType, file_name, docx_document(w.title, w.paragraphs));
}

// The text as paragraphs to read and, in one box, to copy; the .docx link beside it.
HttpResponse text_page(const PageCall& call, Language lang, const Written& w, const std::string& back,
                       const std::string& docx_href, const std::string& chooser) {
  std::string text;
  for (const auto& p : w.paragraphs) text += (text.empty() ? "" : "\n") + p;
  std::string body = "<nav class=\"crumbs\"><a href=\"" + html_escape(back) + "\">" +
                     std::string(pick(lang, "返回", "Back")) + "</a></nav>\n<h1>" + html_escape(w.title) + "</h1>\n" +
                     chooser + "<div class=\"written\" lang=\"zh-CN\">";
  for (const auto& p : w.paragraphs) body += "<p>" + html_escape(p) + "</p>";
  body += "</div>\n<p class=\"downloads\"><a href=\"" + html_escape(docx_href) + "\" download>" +
          std::string(pick(lang, "下载 Word 文档（.docx，WPS 可打开）", "Download as Word (.docx, opens in WPS)")) +
          "</a></p>\n<label class=\"copy\">" + std::string(pick(lang, "复制全文", "Copy the text")) +
          "<textarea readonly rows=\"8\" cols=\"80\" lang=\"zh-CN\">" + html_escape(text) + "</textarea></label>\n";
  return html_response(200, page_html(call.frame(lang, w.title), body));
}

// The half-year or year a report is written for: `period` if given, else the half containing the day.
Period report_period(const RequestContext& c, Day as_of) {
  for (const auto& [name, value] : c.request.query_parameters()) {
    if (name != "period" || value.empty()) continue;
    const auto p = parse_period(value);
    if (!p || (p->kind != PeriodKind::half && p->kind != PeriodKind::year))
      throw RequestError(400, "period", "period: '" + value + "' is not a half-year or a year such as 2026-H1, 2026");
    return *p;
  }
  return period_containing(PeriodKind::half, as_of);
}

std::string period_links(const Unit& unit, const Period& shown, Language lang) {
  const auto year = date::year_month_day{shown.start}.year();
  std::string html = "<p class=\"periods\">";
  for (const auto& p : {Period{PeriodKind::half, Day{year / 1 / 1}, Day{year / 6 / 30}},
                        Period{PeriodKind::half, Day{year / 7 / 1}, Day{year / 12 / 31}},
                        Period{PeriodKind::year, Day{year / 1 / 1}, Day{year / 12 / 31}}}) {
    const auto label = html_escape(report::display_period(p, lang));
    html += p == shown ? "<strong>" + label + "</strong> "
                       : "<a href=\"/units/" + html_escape(url_encode(unit.id)) + "/report?period=" + p.id() +
                             (lang == Language::kEnglish ? "&amp;lang=en" : "") + "\">" + label + "</a> ";
  }
  return html + "</p>\n";
}

}  // namespace

HttpResponse summary_page(DashboardSite& site, RequestContext& c, bool as_docx) {
  const auto call = open_page(site, c);
  if (!call) return see_other("/login");
  const auto& tree = *call->tree;
  const auto u = call->unit(c.params.at("id"), Action::kRead);
  const auto request = parse_overview_request(c, u, local_day(c.now, site.api.timezone).day, site.api.rules);
  const auto checked = judged(site, c, call->tree, CheckQuery{request.as_of, std::nullopt, u});
  const Written w{tree.at(u).name + "落实制度情况通报（截至" + report::written_date(request.as_of) + "）",
                  report::inspection_summary(*checked, tree, site.api.rules, u).paragraphs};
  const auto path = "/overview/" + url_encode(tree.at(u).id);
  if (as_docx) return docx_response(w, "summary-" + file_name_part(tree.at(u).id) + "-" + format_day(request.as_of) + ".docx");
  return text_page(*call, request.language, w, overview_query_url(path, request),
                   overview_query_url(path + "/summary.docx", request), "");
}

HttpResponse unit_report_page(DashboardSite& site, RequestContext& c, bool as_docx) {
  const auto call = open_page(site, c);
  if (!call) return see_other("/login");
  const auto& unit = call->tree->at(call->unit(c.params.at("id"), Action::kRead));
  const auto request = parse_overview_request(c, 0, local_day(c.now, site.api.timezone).day, site.api.rules);
  const auto period = report_period(c, request.as_of);
  const auto results = [&] {
    auto db = c.db();
    return report::unit_results_over(*db, unit, site.api.rules, period, site.api.calendar);
  }();
  const auto paragraph = report::report_paragraph(unit, site.api.rules, results, period, report::Voice::kOwn);
  const Written w{unit.name + report::display_period(period, Language::kChinese) + "工作情况（制度落实部分）",
                  paragraph.paragraphs()};
  const auto base = "/units/" + url_encode(unit.id) + "/report";
  if (as_docx) return docx_response(w, "report-" + file_name_part(unit.id) + "-" + period.id() + ".docx");
  return text_page(*call, request.language, w, unit_path(unit, request.as_of, request.language),
                   base + ".docx?period=" + period.id(), period_links(unit, period, request.language));
}

}  // namespace cadence::web
