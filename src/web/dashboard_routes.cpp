#include "web/dashboard_routes.h"

#include "calendars/local_date.h"
#include "core/access_scope.h"
#include "web/judge.h"
#include "web/api_handlers.h"
#include "web/feed_pages.h"
#include "web/overview_page.h"
#include "web/page.h"
#include "web/page_call.h"
#include "web/record_pages.h"
#include "web/user_pages.h"
#include "web/written_pages.h"

#include <limits>

namespace cadence::web {

namespace {

std::size_t depth(const UnitTree& tree, std::size_t u) {
  std::size_t d = 0;
  for (auto p = tree.parent(u); p; p = tree.parent(*p)) ++d;
  return d;
}

// The highest unit among the reader's grants (the first of them at that height).
std::optional<std::size_t> home_unit(const PageCall& call) {
  std::optional<std::size_t> best;
  auto best_depth = std::numeric_limits<std::size_t>::max();
  for (const auto& grant : call.who.grants)
    if (const auto u = call.tree->find(grant.unit); u && depth(*call.tree, *u) < best_depth) {
      best = u;
      best_depth = depth(*call.tree, *u);
    }
  return best;
}

HttpResponse home(DashboardSite& site, RequestContext& c) {
  const auto call = open_page(site, c);
  if (!call) return see_other("/login");
  // A branch has nothing to drill into: its home is its own page, where its secretary records.
  if (const auto u = home_unit(*call))
    return see_other((call->tree->children(*u).empty() ? "/units/" : "/overview/") + url_encode(call->tree->at(*u).id));
  const auto frame = call->frame(report::Language::kChinese, "Cadence");
  return html_response(200, page_html(frame, "<p>你的账号还没有任何单位的权限，请联系管理员。"
                                             " Your account has no unit yet: ask an administrator.</p>\n"));
}

enum class Shown { kPage, kCsv, kXlsx };

HttpResponse overview(DashboardSite& site, RequestContext& c, Shown shown) {
  const auto call = open_page(site, c);
  if (!call) return see_other("/login");
  const auto& tree = *call->tree;
  const auto unit = call->unit(c.params.at("id"), Action::kRead);
  const auto request = parse_overview_request(c, unit, local_day(c.now, site.api.timezone).day, site.api.rules);
  const auto checked = judged(site, c, call->tree, CheckQuery{request.as_of, request.period, unit});
  const auto table = report::build_overview(*checked, tree, site.api.rules, unit, request.filter, request.language);
  const auto scope = call->scope();
  const OverviewView view{request, table, tree, site.api.rules, scope};
  const auto file = "overview-" + file_name_part(tree.at(unit).id) + "-" + format_day(request.as_of);
  if (shown == Shown::kCsv) return attachment_response("text/csv; charset=utf-8", file + ".csv", overview_csv(view));
  if (shown == Shown::kXlsx) return attachment_response(kXlsxType, file + ".xlsx", overview_xlsx(view));
  auto frame = call->frame(request.language, overview_title(view));
  const auto other = request.language == report::Language::kChinese ? report::Language::kEnglish : report::Language::kChinese;
  frame.other_language_url = overview_query_url("/overview/" + url_encode(tree.at(unit).id), request, other);
  return html_response(200, page_html(frame, overview_body(view)));
}

}  // namespace

std::shared_ptr<const CheckReport> judged(DashboardSite& site, RequestContext& c,
                                          const std::shared_ptr<const UnitTree>& tree, const CheckQuery& query) {
  const auto key = report_key(*c.db(), *tree, query);
  return site.reports.get(key, [&] { return std::make_shared<const CheckReport>(judge(site.api, c, tree, query)); });
}

void add_dashboard_routes(Router& router, DashboardSite& site) {
  router.add("GET", "/", [&site](RequestContext& c) { return home(site, c); });
  router.add("GET", "/static/cadence.css", [](RequestContext&) { return stylesheet_response(); });
  router.add("GET", "/overview/{id}", [&site](RequestContext& c) { return overview(site, c, Shown::kPage); });
  router.add("GET", "/overview/{id}/export.csv", [&site](RequestContext& c) { return overview(site, c, Shown::kCsv); });
  router.add("GET", "/overview/{id}/export.xlsx", [&site](RequestContext& c) { return overview(site, c, Shown::kXlsx); });
  const auto page = [&site](HttpResponse (*handler)(DashboardSite&, RequestContext&)) {
    return [&site, handler](RequestContext& c) { return handler(site, c); };
  };
  router.add("GET", "/overview/{id}/summary", [&site](RequestContext& c) { return summary_page(site, c, false); });
  router.add("GET", "/overview/{id}/summary.docx", [&site](RequestContext& c) { return summary_page(site, c, true); });
  router.add("GET", "/users", page(users_page));
  router.add("POST", "/users/{uid}/password", page(reset_password_page));
  router.add("GET", "/units/{id}", page(unit_page));
  router.add("GET", "/units/{id}/feed", page(feed_page));
  router.add("POST", "/units/{id}/feed", page(issue_feed_page));
  router.add("GET", "/units/{id}/report", [&site](RequestContext& c) { return unit_report_page(site, c, false); });
  router.add("GET", "/units/{id}/report.docx", [&site](RequestContext& c) { return unit_report_page(site, c, true); });
  router.add("POST", "/units/{id}/records", page(add_record_page));
  router.add("GET", "/records/{rid}/edit", page(edit_record_page));
  router.add("POST", "/records/{rid}", page(correct_record_page));
  router.add("POST", "/records/{rid}/delete", page(delete_record_page));
  router.add("POST", "/records/{rid}/evidence", page(add_evidence_page), kMaxEvidenceContent);
  router.add("POST", "/records/{rid}/return", page(return_record_page));
}

}  // namespace cadence::web
