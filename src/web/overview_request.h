#pragma once
// What an overview page (or its export) was asked for, read from its query string, and the
// links that keep it: drill-down, the language switch and the export carry the same filters.
#include "core/check.h"
#include "report/overview.h"
#include "web/router.h"

#include <optional>
#include <string>

namespace cadence::web {

struct OverviewRequest {
  std::size_t unit = 0;
  Day as_of;
  std::optional<Period> period;  // only rules of that kind, in that period
  report::OverviewFilter filter;
  report::Language language = report::Language::kChinese;
};

// Query parameters: as_of (YYYY-MM-DD; default `today`), period (2026-Q1…), status (met…),
// type, rule, show (children | all), lang (zh | en). Empty values mean "any". Throws
// RequestError 400 naming the parameter for a value that is none of its kind.
OverviewRequest parse_overview_request(const RequestContext& c, std::size_t unit, Day today,
                                       const std::vector<Rule>& rules);

// The path `base` (such as /overview/town-07) with the request's query, changed by `lang` when set.
std::string overview_query_url(std::string_view base, const OverviewRequest& request,
                               std::optional<report::Language> lang = std::nullopt);

// A path segment or query value percent-encoded.
std::string url_encode(std::string_view text);

}  // namespace cadence::web
