// The overview's exports (overview_page.h): the rows and columns of the page as one table of
// cells, written as CSV or as an .xlsx workbook.
#include "csv/csv_writer.h"
#include "web/overview_page.h"
#include "web/page.h"
#include "web/xlsx_file.h"

namespace cadence::web {

namespace {

using report::Language;

std::vector<SheetCell> header(const OverviewView& v) {
  const auto lang = v.request.language;
  const auto head = [](std::string_view text) { return SheetCell{std::string(text), SheetCell::Style::kHeading}; };
  std::vector<SheetCell> cells{head(pick(lang, "单位编号", "unit id")), head(pick(lang, "单位", "unit")),
                               head(pick(lang, "类型", "type")), head(pick(lang, "范围", "scope"))};
  for (const auto& col : v.overview.columns) {
    const auto heading = report::display_rule_title(v.rules[col.rule], lang) + " " + report::display_period(col.period, lang);
    cells.push_back(head(heading + std::string(pick(lang, " 状态", " status"))));
    cells.push_back(head(heading + std::string(pick(lang, " 情况", " detail"))));
  }
  return cells;
}

SheetCell::Style style_of(report::Tone tone) {
  switch (tone) {
    case report::Tone::kGood: return SheetCell::Style::kGood;
    case report::Tone::kWarning: return SheetCell::Style::kWarning;
    case report::Tone::kFailed: return SheetCell::Style::kFailed;
    case report::Tone::kIdle:
    case report::Tone::kNone: return SheetCell::Style::kPlain;
  }
  return SheetCell::Style::kPlain;
}

std::vector<SheetCell> line(const OverviewView& v, const report::OverviewRow& row, std::string_view scope, std::string name) {
  const auto& unit = v.tree.at(row.unit);
  std::vector<SheetCell> cells{{unit.id}, {std::move(name)}, {report::display_unit_type(unit.type, v.request.language)},
                               {std::string(scope)}};
  for (const auto& cell : row.cells) {
    cells.push_back({cell.status, style_of(cell.tone)});
    cells.push_back({cell.detail});
  }
  return cells;
}

}  // namespace

std::vector<std::vector<SheetCell>> overview_sheet(const OverviewView& v) {
  const auto lang = v.request.language;
  std::vector<std::vector<SheetCell>> rows{header(v)};
  for (const auto& row : v.overview.rows)
    rows.push_back(line(v, row, row.rollup ? pick(lang, "含下级", "with its units") : pick(lang, "本级", "itself"),
                        v.tree.at(row.unit).name));
  rows.push_back(line(v, v.overview.total, pick(lang, "合计", "total"),
                      v.tree.at(v.overview.root).name + std::string(pick(lang, "（全部单位）", " (every unit)"))));
  return rows;
}

std::string overview_csv(const OverviewView& v) {
  std::string out(csv::kUtf8Bom);
  for (const auto& row : overview_sheet(v)) {
    std::vector<std::string> fields;
    for (const auto& cell : row) fields.push_back(cell.text);
    out += csv::csv_line(fields);
  }
  return out;
}

std::string overview_xlsx(const OverviewView& v) {
  return xlsx_workbook(std::string(pick(v.request.language, "合规概览", "Overview")), overview_sheet(v));
}

}  // namespace cadence::web
