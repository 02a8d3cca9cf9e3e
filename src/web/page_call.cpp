#include "web/page_call.h"

#include "web/database_sessions.h"
#include "web/request_error.h"

#include <algorithm>

namespace cadence::web {

std::size_t PageCall::unit(const std::string& id, Action action) const {
  const auto u = tree->find(id);
  if (!u) throw RequestError(403, "unit", "this unit is not within your units");
  require(action, *u);
  return *u;
}

void PageCall::require(Action action, std::size_t index) const {
  if (!scope().may(action, index)) throw RequestError(403, "unit", "this unit is not within your units");
}

PageFrame PageCall::frame(report::Language language, std::string title) const {
  const bool administrator =
      std::any_of(who.grants.begin(), who.grants.end(), [](const Grant& g) { return g.role == Role::kAdministrator; });
  return {language, std::move(title), who.email, site.auth.csrf_token(c).value_or(""), "", administrator};
}

std::optional<PageCall> open_page(DashboardSite& site, RequestContext& c) {
  auto who = site.api.authenticate(c);
  if (!who) return std::nullopt;
  site.api.directory.refresh();
  auto tree = site.api.directory.tree();
  if (!tree) throw DatabaseUnavailable("the units could not be read yet");
  return PageCall{c, site, std::move(*who), std::move(tree)};
}

HttpResponse see_other(std::string location) {
  HttpResponse r;
  r.status = 303;
  r.set("Location", location);
  r.set("Cache-Control", "no-store");
  return r;
}

}  // namespace cadence::web
