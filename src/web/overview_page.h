#pragma once
// The overview page's content and its CSV export, both written from one report::Overview so the
// export holds exactly the rows and columns the page shows.
#include "core/access_scope.h"
#include "report/overview.h"
#include "web/overview_request.h"
#include "web/xlsx_file.h"

#include <string>

namespace cadence::web {

struct OverviewView {
  const OverviewRequest& request;
  const report::Overview& overview;
  const UnitTree& tree;
  const std::vector<Rule>& rules;
  const AccessScope& scope;  // which ancestors the breadcrumbs may link to
};

// The page's <main> content: breadcrumbs, filters, downloads, the table.
std::string overview_body(const OverviewView& view);

// The page's title: the unit's name and what the page is.
std::string overview_title(const OverviewView& view);

// The table as the exports hold it: a heading row, a row per row shown, the total last; two
// cells (status, detail) per rule, the status coloured by its tone.
std::vector<std::vector<SheetCell>> overview_sheet(const OverviewView& view);
// As CSV: a UTF-8 byte-order mark, then a line per row.
std::string overview_csv(const OverviewView& view);
// As an .xlsx workbook of one sheet.
std::string overview_xlsx(const OverviewView& view);

}  // namespace cadence::web
