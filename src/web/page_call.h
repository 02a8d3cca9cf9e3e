#pragma once
// What every dashboard page handler starts from: who reads (a session, or an API token), the
// unit tree as the request found it, and the frame of the page it answers with.
#include "core/access_scope.h"
#include "web/dashboard_routes.h"
#include "web/page.h"

#include <memory>
#include <optional>

namespace cadence::web {

struct PageCall {
  RequestContext& c;
  DashboardSite& site;
  Principal who;
  std::shared_ptr<const UnitTree> tree;

  AccessScope scope() const { return AccessScope(who, *tree); }
  // The unit `id` if the reader may do `action` with it; RequestError 403 otherwise, for an id
  // that exists nowhere too, so that the pages are no oracle of which units exist.
  std::size_t unit(const std::string& id, Action action) const;
  // 403 unless the reader may do `action` with the unit at `index`.
  void require(Action action, std::size_t index) const;
  PageFrame frame(report::Language language, std::string title) const;
  // For a form's POST: the session's CSRF token and Origin (nothing for an API token).
  void check_csrf() const { site.api.check_csrf(c, who); }
};

// nullopt when nobody is signed in: the caller sends the visitor to /login.
std::optional<PageCall> open_page(DashboardSite& site, RequestContext& c);

// 303 to `location`, not cached.
HttpResponse see_other(std::string location);

}  // namespace cadence::web
