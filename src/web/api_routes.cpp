#include "web/api_routes.h"

#include "json/json_writer.h"
#include "web/database_sessions.h"

#include <algorithm>
#include <cctype>

#include <sstream>

namespace cadence::web {

namespace {

using json::JsonWriter;

const std::vector<ApiParameter> kComplianceQuery = {
    {"as_of", "the as-of date, YYYY-MM-DD (default: today in the server's zone)"},
    {"period", "a period such as 2026-Q1: only rules of that kind, in that period"}};

std::vector<ApiRoute> make_table() {
  return {
      {"GET", "/api/v1/openapi.json", "This document", {}, {}, {200}},
      {"GET", "/api/v1/rules", "The rules in force", get_rules, {}, {200}},
      {"GET", "/api/v1/units/{id}", "A unit and its children", get_unit, {}, {200, 403}},
      {"GET", "/api/v1/units/{id}/tree", "A unit's subtree, each unit after its parent", get_unit_tree, {}, {200, 403}},
      {"GET", "/api/v1/units/{id}/records", "A unit's records, returned ones too", list_records,
       {{"from", "first date, YYYY-MM-DD"}, {"to", "last date, YYYY-MM-DD"}}, {200, 400, 403}},
      {"POST", "/api/v1/units/{id}/records", "Record what the unit held", create_record, {},
       {201, 400, 403, 409, 415, 422}},
      {"GET", "/api/v1/units/{id}/compliance", "Exactly the JSON of `cadence check --unit`", get_compliance,
       kComplianceQuery, {200, 400, 403}},
      {"GET", "/api/v1/units/{id}/plan", "The JSON of `cadence plan`", get_plan,
       {{"year", "the year, YYYY", true}}, {200, 400, 403}},
      {"GET", "/api/v1/records/{rid}", "A record with its evidence", get_record, {}, {200, 403}},
      {"PUT", "/api/v1/records/{rid}", "Correct a record (resubmits a returned one); If-Match required", put_record, {},
       {200, 400, 403, 409, 412, 415, 422, 428}},
      {"DELETE", "/api/v1/records/{rid}", "Delete a record; If-Match required", delete_record, {}, {204, 403, 412, 428}},
      {"POST", "/api/v1/records/{rid}/return", "Return a record to its unit (退回), with a reason", return_record, {},
       {200, 400, 403, 409, 415, 422}},
      {"POST", "/api/v1/records/{rid}/evidence", "Attach a file (multipart: kind, file) or a link (JSON: kind, link)",
       add_evidence, {}, {201, 400, 403, 413, 415, 422}, kMaxEvidenceContent},
      {"GET", "/api/v1/records/{rid}/evidence/{eid}", "An evidence file's bytes (a link: its description)",
       get_evidence, {}, {200, 403}},
      {"GET", "/api/v1/audit", "Who changed what in a unit's subtree (administrators)", get_audit,
       {{"unit", "the unit", true}, {"since", "from this day on (UTC), YYYY-MM-DD"}}, {200, 400, 403}},
  };
}

HttpResponse unauthenticated() {
  auto response = json_response(401, "{\"error\":{\"status\":401,\"message\":\"sign in, or send Authorization: Bearer "
                                     "with an API token (cadence user token)\"}}\n");
  response.set("WWW-Authenticate", "Bearer realm=\"cadence\"");
  return response;
}

bool changes_state(std::string_view method) { return method != "GET" && method != "HEAD"; }

// The parameters a pattern names: /a/{id}/b/{rid} → id, rid.
std::vector<std::string> path_parameters(const std::string& pattern) {
  std::vector<std::string> out;
  for (auto open = pattern.find('{'); open != std::string::npos; open = pattern.find('{', open + 1))
    out.push_back(pattern.substr(open + 1, pattern.find('}', open) - open - 1));
  return out;
}

void write_parameters(JsonWriter& json, const ApiRoute& route) {
  json.key("parameters").begin_array();
  for (const auto& name : path_parameters(route.pattern))
    json.begin_object().field("name", name).field("in", "path").field("required", true)
        .key("schema").begin_object().field("type", "string").end_object().end_object();
  for (const auto& q : route.query)
    json.begin_object().field("name", q.name).field("in", "query").field("required", q.required)
        .field("description", q.description).key("schema").begin_object().field("type", "string").end_object()
        .end_object();
  json.end_array();
}

void write_operation(JsonWriter& json, const ApiRoute& route) {
  std::string method;
  for (char c : route.method) method += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  json.key(method).begin_object().field("summary", route.summary);
  if (!route.handler) json.key("security").begin_array().end_array();
  write_parameters(json, route);
  if (route.method == "POST" || route.method == "PUT") {
    json.key("requestBody").begin_object().field("required", true).key("content").begin_object();
    json.key("application/json").begin_object().key("schema").begin_object().field("type", "object").end_object().end_object();
    if (route.max_content > kMaxContent)
      json.key("multipart/form-data").begin_object().key("schema").begin_object().field("type", "object").end_object().end_object();
    json.end_object().end_object();
  }
  json.key("responses").begin_object();
  auto statuses = route.statuses;
  if (route.handler) statuses.push_back(401);
  for (const int status : statuses)
    json.key(std::to_string(status)).begin_object().field("description", reason_phrase(status)).end_object();
  json.end_object().end_object();
}

}  // namespace

const std::vector<ApiRoute>& api_route_table() {
  static const std::vector<ApiRoute> table = make_table();
  return table;
}

std::string openapi_document(const std::vector<ApiRoute>& routes) {
  std::ostringstream out;
  {
    JsonWriter json(out);
    json.begin_object().field("openapi", "3.0.3").key("info").begin_object().field("title", "Cadence")
        .field("version", "1").end_object();
    json.key("components").begin_object().key("securitySchemes").begin_object().key("bearer").begin_object()
        .field("type", "http").field("scheme", "bearer").end_object().end_object().end_object();
    json.key("security").begin_array().begin_object().key("bearer").begin_array().end_array().end_object().end_array();
    json.key("paths").begin_object();
    // Operations grouped under their path, paths in the table's order of first mention.
    std::vector<std::string> paths;
    for (const auto& r : routes)
      if (std::find(paths.begin(), paths.end(), r.pattern) == paths.end()) paths.push_back(r.pattern);
    for (const auto& path : paths) {
      json.key(path).begin_object();
      for (const auto& r : routes)
        if (r.pattern == path) write_operation(json, r);
      json.end_object();
    }
    json.end_object().end_object();
  }
  return out.str() + "\n";
}

void add_api_routes(Router& router, ApiSite& site) {
  for (const auto& route : api_route_table()) {
    if (!route.handler) {
      router.add(route.method, route.pattern, [](RequestContext& c) {
        return json_get(c, openapi_document(api_route_table()));
      }, route.max_content);
      continue;
    }
    router.add(route.method, route.pattern, [&site, &route](RequestContext& c) {
      const auto who = site.authenticate(c);
      if (!who) return unauthenticated();
      if (changes_state(c.request.method)) site.check_csrf(c, *who);
      site.directory.refresh();
      auto tree = site.directory.tree();
      if (!tree) throw DatabaseUnavailable("the units could not be read yet");
      ApiCall call{c, *who, site, std::move(tree)};
      return route.handler(call);
    }, route.max_content);
  }
}

}  // namespace cadence::web
