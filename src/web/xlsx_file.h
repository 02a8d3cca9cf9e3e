#pragma once
// A workbook of one sheet (.xlsx, Office Open XML SpreadsheetML) that Excel and WPS open: what
// the overview is exported as beside its CSV, with the status cells coloured as on the page and
// the heading row frozen. Text cells only (inline strings): every value shown is text.
#include <string>
#include <vector>

namespace cadence::web {

struct SheetCell {
  std::string text;
  enum class Style { kPlain, kHeading, kGood, kWarning, kFailed } style = Style::kPlain;
};

// `name`: the sheet's name (at most 31 characters of it, without []:*?/\).
std::string xlsx_workbook(const std::string& name, const std::vector<std::vector<SheetCell>>& rows);

}  // namespace cadence::web
