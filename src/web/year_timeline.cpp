#include "web/year_timeline.h"

#include "web/error_response.h"
#include "web/page.h"

#include <date/date.h>

namespace cadence::web {

namespace {

using report::Language;

constexpr int kLabelWidth = 170;
constexpr int kDayWidth = 2;  // a year is 730 px wide
constexpr int kRowHeight = 22;
constexpr int kTop = 18;  // room for the month names

std::string num(int n) { return std::to_string(n); }

int x_of(Day day, Day jan1) { return kLabelWidth + static_cast<int>((day - jan1).count()) * kDayWidth; }

std::string month_ticks(int year, int height, Language lang) {
  std::string svg;
  for (unsigned m = 1; m <= 12; ++m) {
    const Day first{date::year{year} / date::month{m} / 1};
    const auto x = num(x_of(first, Day{date::year{year} / 1 / 1}));
    svg += "<line x1=\"" + x + "\" y1=\"" + num(kTop - 4) + "\" x2=\"" + x + "\" y2=\"" + num(height) +
           "\" class=\"tick\"/><text x=\"" + num(x_of(first, Day{date::year{year} / 1 / 1}) + 3) + "\" y=\"12\">" +
           (lang == Language::kChinese ? num(static_cast<int>(m)) + "月" : num(static_cast<int>(m))) + "</text>";
  }
  return svg;
}

std::string row_svg(const TimelineRow& row, int y, Day jan1, Language lang) {
  const auto cy = num(y + kRowHeight / 2);
  std::string svg = "<text x=\"0\" y=\"" + num(y + kRowHeight / 2 + 4) + "\">" + html_escape(row.label) + "</text>";
  for (const auto day : row.planned)
    svg += "<circle class=\"planned\" cx=\"" + num(x_of(day, jan1)) + "\" cy=\"" + cy + "\" r=\"5\"><title>" +
           std::string(pick(lang, "建议 ", "planned ")) + html_escape(report::display_date(day, lang)) + "</title></circle>";
  for (const auto& h : row.held) {
    const auto x = x_of(h.date, jan1);
    const auto title = "<title>" + html_escape(report::display_date(h.date, lang)) +
                       (h.returned ? std::string(pick(lang, "（已退回）", " (returned)")) : "") +
                       (h.note.empty() ? "" : " " + html_escape(h.note)) + "</title>";
    if (h.returned)
      svg += "<path class=\"returned\" d=\"M" + num(x - 4) + " " + num(y + 7) + "l8 8m0 -8l-8 8\">" + title + "</path>";
    else
      svg += "<circle class=\"held\" cx=\"" + num(x) + "\" cy=\"" + cy + "\" r=\"4\">" + title + "</circle>";
  }
  return svg;
}

std::string day_list(const std::vector<Day>& days, Language lang) {
  std::string text;
  for (const auto d : days) text += (text.empty() ? "" : "、") + html_escape(report::display_date(d, lang));
  return text;
}

}  // namespace

std::string year_timeline_svg(int year, const std::vector<TimelineRow>& rows, Day as_of, Language lang) {
  const Day jan1{date::year{year} / 1 / 1};
  const int height = kTop + static_cast<int>(rows.size()) * kRowHeight + 4;
  const int width = kLabelWidth + 366 * kDayWidth + 4;
  std::string svg = "<svg class=\"timeline\" role=\"img\" aria-label=\"" +
                    std::string(pick(lang, "全年计划与完成情况（表格见下）", "The year planned and held (the table below lists it)")) +
                    "\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\" width=\"" + num(width) + "\" height=\"" +
                    num(height) + "\" xmlns=\"http://www.w3.org/2000/svg\">";
  svg += month_ticks(year, height, lang);
  for (std::size_t i = 0; i < rows.size(); ++i) svg += row_svg(rows[i], kTop + static_cast<int>(i) * kRowHeight, jan1, lang);
  if (date::year_month_day{as_of}.year() == date::year{year}) {
    const auto x = num(x_of(as_of, jan1));
    svg += "<line class=\"as-of\" x1=\"" + x + "\" y1=\"" + num(kTop - 4) + "\" x2=\"" + x + "\" y2=\"" + num(height) +
           "\"><title>" + html_escape(report::display_date(as_of, lang)) + "</title></line>";
  }
  return svg + "</svg>\n";
}

std::string year_timeline_table(const std::vector<TimelineRow>& rows, Language lang) {
  std::string html = "<table class=\"timeline\"><thead><tr><th>" + std::string(pick(lang, "制度", "Rule")) + "</th><th>" +
                     std::string(pick(lang, "建议日期", "Planned")) + "</th><th>" + std::string(pick(lang, "已开展", "Held")) +
                     "</th></tr></thead><tbody>\n";
  for (const auto& row : rows) {
    std::vector<Day> held;
    for (const auto& h : row.held)
      if (!h.returned) held.push_back(h.date);
    html += "<tr><th>" + html_escape(row.label) + "</th><td>" + day_list(row.planned, lang) + "</td><td>" +
            day_list(held, lang) + "</td></tr>\n";
  }
  return html + "</tbody></table>\n";
}

}  // namespace cadence::web
