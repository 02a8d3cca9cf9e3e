#include "web/router.h"

#include <gtest/gtest.h>

namespace cadence::web {
namespace {

using Kind = Router::Found::Kind;

Router table() {
  Router router;
  const auto named = [](std::string name) {
    return [name](RequestContext&) { return text_response(200, name); };
  };
  router.add("GET", "/healthz", named("health"));
  router.add("GET", "/feeds/{token}.ics", named("feed"));
  router.add("GET", "/api/v1/units/{id}", named("unit"));
  router.add("GET", "/api/v1/units/{id}/records", named("records"));
  router.add("POST", "/api/v1/units/{id}/records", named("add record"));
  router.add("PUT", "/api/v1/records/{rid}", named("put record"));
  router.add("DELETE", "/api/v1/records/{rid}", named("delete record"));
  return router;
}

TEST(Router, MatchesPathsAsSentAndDecodesEachParameterAfterwards) {
  const auto router = table();
  struct Case {
    std::string method, path;
    Kind kind;
    std::string pattern, param, value;
  };
  const std::vector<Case> cases = {
      {"GET", "/healthz", Kind::kMatched, "/healthz", "", ""},
      {"HEAD", "/healthz", Kind::kMatched, "/healthz", "", ""},
      {"GET", "/feeds/abc.ics", Kind::kMatched, "/feeds/{token}.ics", "token", "abc"},
      {"GET", "/feeds/a%2Db.ics", Kind::kMatched, "/feeds/{token}.ics", "token", "a-b"},
      // An escaped slash stays inside its segment.
      {"GET", "/feeds/a%2Fb.ics", Kind::kMatched, "/feeds/{token}.ics", "token", "a/b"},
      {"GET", "/feeds%2Fabc.ics", Kind::kNotFound, "", "", ""},
      {"GET", "//feeds/abc.ics", Kind::kNotFound, "", "", ""},
      {"GET", "/healthz/../feeds/abc.ics", Kind::kNotFound, "", "", ""},
      {"GET", "/feeds/.ics", Kind::kNotFound, "", "", ""},
      {"GET", "/feeds/abc.ics/", Kind::kNotFound, "", "", ""},
      {"GET", "/feeds/abc%2Eics", Kind::kNotFound, "", "", ""},
      {"GET", "/healthz/", Kind::kNotFound, "", "", ""},
      {"GET", "/HEALTHZ", Kind::kNotFound, "", "", ""},
      {"GET", "/", Kind::kNotFound, "", "", ""},
      {"GET", "*", Kind::kNotFound, "", "", ""},
      {"GET", "/feeds/a%4.ics", Kind::kBadEscape, "/feeds/{token}.ics", "", ""},
      {"GET", "/feeds/a%00.ics", Kind::kBadEscape, "/feeds/{token}.ics", "", ""},
      {"GET", "/api/v1/units/t%205/records", Kind::kMatched, "/api/v1/units/{id}/records", "id", "t 5"},
      {"POST", "/api/v1/units/t5/records", Kind::kMatched, "/api/v1/units/{id}/records", "id", "t5"},
      {"DELETE", "/api/v1/records/7", Kind::kMatched, "/api/v1/records/{rid}", "rid", "7"},
      {"POST", "/healthz", Kind::kMethodNotAllowed, "/healthz", "", ""},
      {"PUT", "/api/v1/units/t5/records", Kind::kMethodNotAllowed, "/api/v1/units/{id}/records", "", ""},
  };
  for (const auto& c : cases) {
    const auto found = router.find(c.method, c.path);
    EXPECT_EQ(found.kind, c.kind) << c.method << " " << c.path;
    EXPECT_EQ(found.pattern, c.pattern) << c.method << " " << c.path;
    if (!c.param.empty()) {
      EXPECT_EQ(found.params.at(c.param), c.value) << c.path;
    }
  }
}

TEST(Router, AllowListsTheMethodsOfEveryRouteThePathFits) {
  const auto router = table();
  EXPECT_EQ(router.find("POST", "/healthz").allow, "GET, HEAD");
  EXPECT_EQ(router.find("PUT", "/api/v1/units/t5/records").allow, "GET, HEAD, POST");
  EXPECT_EQ(router.find("GET", "/api/v1/records/7").allow, "PUT, DELETE");
  const auto refused = Router::refusal(router.find("PATCH", "/api/v1/records/7"));
  EXPECT_EQ(refused.status, 405);
  EXPECT_NE(refused.fields.find("Allow: PUT, DELETE\r\n"), std::string::npos);
  EXPECT_EQ(Router::refusal(router.find("GET", "/nothing")).status, 404);
  EXPECT_EQ(Router::refusal(router.find("GET", "/feeds/%zz.ics")).status, 400);
}

TEST(Router, DispatchNamesTheRouteNeverThePath) {
  const auto router = table();
  HttpRequest request;
  request.method = "GET";
  request.path = "/feeds/secret-token.ics";
  Outcome outcome;
  EXPECT_EQ(router.dispatch(request, {}, nullptr, outcome).text, "feed");
  EXPECT_EQ(outcome.route, "/feeds/{token}.ics");
  request.path = "//feeds/secret-token.ics";
  EXPECT_EQ(router.dispatch(request, {}, nullptr, outcome).status, 404);
  EXPECT_EQ(outcome.route, kUnmatchedRoute);
}

// The event loop asks dispatch_quick() first: a route's quick handler answers what needs no
// waiting; nullopt sends the request on to dispatch() in a worker.
TEST(Router, DispatchQuickAnswersWhatARouteCanAtOnceAndRefusesWithoutAWorker) {
  auto router = table();
  router.add_quick("GET", "/feeds/{token}.ics", [](RequestContext& c) -> std::optional<HttpResponse> {
    if (c.params.at("token") == "cached") return text_response(200, "quick feed");
    return std::nullopt;
  });
  HttpRequest request;
  request.method = "GET";
  request.path = "/feeds/cached.ics";
  Outcome outcome;
  const auto quick = router.dispatch_quick(request, {}, outcome);
  ASSERT_TRUE(quick);
  EXPECT_EQ(quick->text, "quick feed");
  EXPECT_EQ(outcome.route, "/feeds/{token}.ics");
  request.method = "HEAD";  // a GET route's quick handler answers HEAD too
  EXPECT_TRUE(router.dispatch_quick(request, {}, outcome));
  request.method = "GET";
  request.path = "/feeds/other.ics";
  EXPECT_FALSE(router.dispatch_quick(request, {}, outcome));
  EXPECT_EQ(router.dispatch(request, {}, nullptr, outcome).text, "feed");
  request.path = "/healthz";  // no quick handler: a worker's
  EXPECT_FALSE(router.dispatch_quick(request, {}, outcome));
  request.path = "//feeds/cached.ics";
  EXPECT_EQ(router.dispatch_quick(request, {}, outcome)->status, 404);
  EXPECT_EQ(outcome.route, kUnmatchedRoute);
  request.method = "POST";
  request.path = "/feeds/cached.ics";
  EXPECT_EQ(router.dispatch_quick(request, {}, outcome)->status, 405);
  EXPECT_THROW(router.add_quick("POST", "/healthz", {}), std::invalid_argument);
}

TEST(Router, RefusesMalformedPatterns) {
  Router router;
  const Router::Handler none = [](RequestContext&) { return HttpResponse{}; };
  EXPECT_THROW(router.add("GET", "feeds", none), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/a/{}", none), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/a/{x", none), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/a/{x}{y}", none), std::invalid_argument);
}

TEST(Router, EachRouteSaysHowMuchContentItReadsAndTheWireLayerAsksBeforeReading) {
  Router router;
  router.add("POST", "/small", [](RequestContext&) { return text_response(200, "small"); });
  router.add("POST", "/upload/{id}", [](RequestContext&) { return text_response(200, "upload"); }, 10 << 20);
  EXPECT_EQ(router.content_limit("POST", "/small"), kMaxContent);
  EXPECT_EQ(router.content_limit("POST", "/upload/7"), 10u << 20);
  EXPECT_EQ(router.content_limit("GET", "/upload/7"), kMaxContent);  // no such route: the default
  EXPECT_EQ(router.content_limit("POST", "/nowhere"), kMaxContent);

  const ContentLimit limit = [&](std::string_view m, std::string_view p) { return router.content_limit(m, p); };
  const std::string two_mib = "Content-Length: " + std::to_string(2 << 20) + "\r\n\r\n";
  EXPECT_TRUE(std::holds_alternative<HttpRequest>(parse_request("POST /upload/7 HTTP/1.1\r\nHost: x\r\n" + two_mib, limit)));
  const auto refused = parse_request("POST /small HTTP/1.1\r\nHost: x\r\n" + two_mib, limit);
  ASSERT_TRUE(std::holds_alternative<HttpError>(refused));
  EXPECT_EQ(std::get<HttpError>(refused).status, 413);
  EXPECT_EQ(std::get<HttpError>(refused).message, "the request content is over 1 MiB");
  const auto eleven = parse_request("POST /upload/7 HTTP/1.1\r\nHost: x\r\nContent-Length: 11534336\r\n\r\n", limit);
  EXPECT_EQ(std::get<HttpError>(eleven).message, "the request content is over 10 MiB");
  EXPECT_EQ(router.routes().size(), 2u);
  EXPECT_EQ(router.routes()[1].pattern, "/upload/{id}");
}

}  // namespace
}  // namespace cadence::web
