#pragma once
// The JSON API under /api/v1/: one table of routes, from which both the router's entries and
// the OpenAPI 3 document (GET /api/v1/openapi.json) are made. Every route but the document
// itself answers 401 (with WWW-Authenticate: Bearer) without valid credentials, and a request
// that changes state under a session passes the CSRF check first.
#include "web/api_handlers.h"
#include "web/api_site.h"
#include "web/router.h"

#include <functional>
#include <string>
#include <vector>

namespace cadence::web {

struct ApiParameter {
  std::string name;
  std::string description;
  bool required = false;
};

struct ApiRoute {
  std::string method;
  std::string pattern;  // as Router::add takes it: /api/v1/units/{id}
  std::string summary;
  std::function<HttpResponse(ApiCall&)> handler;  // empty: the OpenAPI document, which needs no credentials
  std::vector<ApiParameter> query;
  std::vector<int> statuses;  // the answers beside 401, as the document lists them
  std::size_t max_content = kMaxContent;
};

const std::vector<ApiRoute>& api_route_table();

void add_api_routes(Router& router, ApiSite& site);

// The OpenAPI 3.0 document of `routes`.
std::string openapi_document(const std::vector<ApiRoute>& routes);

}  // namespace cadence::web
