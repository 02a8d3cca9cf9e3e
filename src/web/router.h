#pragma once
// The route table: method + path pattern → handler. 404 and 405 (with its Allow) follow from it.
// A pattern is made of segments; each is literal or holds one parameter with an optional literal
// prefix and suffix: "/feeds/{token}.ics". Paths are matched as sent, segment by segment; only
// then is each parameter percent-decoded, so an escaped "/" (%2F) never separates segments.
#include "web/database_sessions.h"
#include "web/http_request.h"
#include "web/http_response.h"
#include "web/outcome.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cadence::web {

// A matched route's parameters, decoded.
class RouteParams {
 public:
  void add(std::string_view name, std::string value) { values_.emplace_back(name, std::move(value)); }
  // REQUIRES: the route's pattern names `name`.
  const std::string& at(std::string_view name) const;

 private:
  std::vector<std::pair<std::string_view, std::string>> values_;
};

// What a handler is given: the request, its route's parameters, the clock's reading for it, the
// database connections, and the outcome it reports for the access log.
struct RequestContext {
  const HttpRequest& request;
  const RouteParams& params;
  std::chrono::system_clock::time_point now;
  DatabaseSessions* sessions;  // null where no database is at hand (tests of routing)
  Outcome& outcome;

  // A connection lent until the lease ends. REQUIRES: sessions.
  DatabaseSessions::Lease db() const { return sessions->acquire(); }
  // A second reader beside db(), for a span too large for one. REQUIRES: sessions.
  std::unique_ptr<store::Database> reader_beside() const { return sessions->open_beside(); }
};

class Router {
 public:
  using Handler = std::function<HttpResponse(RequestContext&)>;

  // A GET route answers HEAD too. `max_content`: the largest request content the route reads
  // (larger is refused with 413 before it is read). Throws std::invalid_argument for a
  // malformed pattern.
  void add(std::string method, std::string pattern, Handler handler, std::size_t max_content = kMaxContent);

  // The max_content of the route `method` `path` matches; kMaxContent when it matches none.
  std::size_t content_limit(std::string_view method, std::string_view path) const;

  // Each route's method and pattern, in the order added (what the OpenAPI document must describe).
  struct RouteInfo {
    std::string_view method, pattern;
    std::size_t max_content;
  };
  std::vector<RouteInfo> routes() const;

  // What a route can answer without waiting (no database, no render), tried in the event loop;
  // nullopt lets a worker call the route's Handler. Its context has no database sessions.
  using QuickHandler = std::function<std::optional<HttpResponse>(RequestContext&)>;
  // REQUIRES: add() of the same method and pattern before.
  void add_quick(std::string_view method, std::string_view pattern, QuickHandler quick);

  struct Found {
    enum class Kind { kMatched, kNotFound, kMethodNotAllowed, kBadEscape } kind = Kind::kNotFound;
    const Handler* handler = nullptr;
    std::size_t max_content = kMaxContent;  // of the route matched
    const QuickHandler* quick = nullptr;  // the route's, if it has one
    std::string_view pattern;  // of the route the path matched (kept by the router); empty for none
    RouteParams params;
    std::string allow;  // for 405: the methods the path takes, as the Allow header lists them
  };
  Found find(std::string_view method, std::string_view path) const;

  // The response for what find() says, unless it matched: 404, 405 with Allow, 400.
  static HttpResponse refusal(const Found& found);

  // Finds the request's route and lets its handler answer, or refuses; names the route in
  // `outcome` (its pattern, or kUnmatchedRoute: never the path as sent).
  HttpResponse dispatch(const HttpRequest& request, std::chrono::system_clock::time_point now, DatabaseSessions* sessions,
                        Outcome& outcome) const;
  // The same without waiting: the route's QuickHandler answers, or a refusal; nullopt when
  // dispatch() must (the route has none, or it could not answer at once).
  std::optional<HttpResponse> dispatch_quick(const HttpRequest& request, std::chrono::system_clock::time_point now,
                                             Outcome& outcome) const;

 private:
  struct Segment {
    std::string prefix;  // the literal text, for a literal segment
    std::string name;    // empty for a literal segment
    std::string suffix;
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
    Handler handler;
    std::size_t max_content = kMaxContent;
    QuickHandler quick;
  };
  // Whether `path`'s segments fit `route`; its parameters (still escaped) into `raw`.
  static bool fits(const Route& route, const std::vector<std::string_view>& segments,
                   std::vector<std::string_view>& raw);

  std::vector<Route> routes_;
};

}  // namespace cadence::web
