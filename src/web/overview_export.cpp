// overview_csv (overview_page.h): the rows and columns of the page, as CSV.
#include "csv/csv_writer.h"
#include "web/overview_page.h"
#include "web/page.h"

namespace cadence::web {

namespace {

using report::Language;

std::vector<std::string> header(const OverviewView& v) {
  const auto lang = v.request.language;
  std::vector<std::string> fields{std::string(pick(lang, "单位编号", "unit id")), std::string(pick(lang, "单位", "unit")),
                                  std::string(pick(lang, "类型", "type")), std::string(pick(lang, "范围", "scope"))};
  for (const auto& col : v.overview.columns) {
    const auto heading = report::display_rule_title(v.rules[col.rule], lang) + " " + report::display_period(col.period, lang);
    fields.push_back(heading + std::string(pick(lang, " 状态", " status")));
    fields.push_back(heading + std::string(pick(lang, " 情况", " detail")));
  }
  return fields;
}

std::vector<std::string> line(const OverviewView& v, const report::OverviewRow& row, std::string_view scope,
                              std::string name) {
  const auto& unit = v.tree.at(row.unit);
  std::vector<std::string> fields{unit.id, std::move(name), report::display_unit_type(unit.type, v.request.language),
                                  std::string(scope)};
  for (const auto& cell : row.cells) {
    fields.push_back(cell.status);
    fields.push_back(cell.detail);
  }
  return fields;
}

}  // namespace

std::string overview_csv(const OverviewView& v) {
  const auto lang = v.request.language;
  std::string out(csv::kUtf8Bom);
  out += csv::csv_line(header(v));
  for (const auto& row : v.overview.rows)
    out += csv::csv_line(line(v, row, row.rollup ? pick(lang, "含下级", "with its units") : pick(lang, "本级", "itself"),
                              v.tree.at(row.unit).name));
  out += csv::csv_line(line(v, v.overview.total, pick(lang, "合计", "total"),
                            v.tree.at(v.overview.root).name + std::string(pick(lang, "（全部单位）", " (every unit)"))));
  return out;
}

}  // namespace cadence::web
