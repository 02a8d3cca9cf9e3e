#include "web/overview_request.h"

#include "web/request_error.h"

#include <Poco/URI.h>

#include <algorithm>

namespace cadence::web {

namespace {

std::optional<Status> parse_status(std::string_view text) {
  for (std::size_t s = 0; s < kStatusCount; ++s)
    if (to_string(static_cast<Status>(s)) == text) return static_cast<Status>(s);
  return std::nullopt;
}

// Applies one query parameter to the request; one the overview does not take is ignored, as a
// browser form may send more.
void apply(OverviewRequest& r, const std::string& name, const std::string& value, const std::vector<Rule>& rules) {
  if (value.empty()) return;
  const auto refuse = [&](std::string_view expected) {
    throw RequestError(400, name, name + ": '" + value + "' is not " + std::string(expected));
  };
  if (name == "as_of") {
    const auto day = parse_day(value);
    if (!day) refuse("a date (YYYY-MM-DD)");
    r.as_of = *day;
  } else if (name == "period") {
    r.period = parse_period(value);
    if (!r.period) refuse("a period such as 2026, 2026-H1, 2026-Q1, 2026-03, 2026-W07");
  } else if (name == "status") {
    r.filter.status = parse_status(value);
    if (!r.filter.status) refuse("a status such as met, behind, missed, overdue");
  } else if (name == "rule") {
    if (std::none_of(rules.begin(), rules.end(), [&](const Rule& rule) { return rule.id == value; }))
      refuse("a rule in force");
    r.filter.rule = value;
  } else if (name == "type") {
    r.filter.unit_type = value;
  } else if (name == "show") {
    if (value != "children" && value != "all") refuse("children or all");
    r.filter.every_unit = value == "all";
  } else if (name == "lang") {
    const auto language = report::parse_language(value);
    if (!language) refuse("zh or en");
    r.language = *language;
  }
}

void append(std::string& query, std::string_view name, std::string_view value) {
  if (value.empty()) return;
  query += query.empty() ? '?' : '&';
  query += name;
  query += '=';
  query += url_encode(value);
}

}  // namespace

OverviewRequest parse_overview_request(const RequestContext& c, std::size_t unit, Day today,
                                       const std::vector<Rule>& rules) {
  OverviewRequest r;
  r.unit = unit;
  r.as_of = today;
  for (const auto& [name, value] : c.request.query_parameters()) apply(r, name, value, rules);
  return r;
}

std::string overview_query_url(std::string_view base, const OverviewRequest& r, std::optional<report::Language> lang) {
  std::string query;
  append(query, "as_of", format_day(r.as_of));
  if (r.period) append(query, "period", r.period->id());
  if (r.filter.status) append(query, "status", to_string(*r.filter.status));
  append(query, "type", r.filter.unit_type);
  append(query, "rule", r.filter.rule);
  if (r.filter.every_unit) append(query, "show", "all");
  if (lang.value_or(r.language) == report::Language::kEnglish) append(query, "lang", "en");
  return std::string(base) + query;
}

std::string url_encode(std::string_view text) {
  std::string out;
  Poco::URI::encode(std::string(text), "!#$&'()*+,/:;=?@[]%", out);
  return out;
}

}  // namespace cadence::web
