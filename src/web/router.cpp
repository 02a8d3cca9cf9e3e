#include "web/router.h"

#include "web/error_response.h"

#include <stdexcept>

namespace cadence::web {

namespace {

// "/a/b" → {"a", "b"}; "/" → {""}. REQUIRES: starts with '/'.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  path.remove_prefix(1);
  for (;;) {
    const auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return segments;
    path.remove_prefix(slash + 1);
  }
}

bool takes(std::string_view route_method, std::string_view method) {
  return route_method == method || (method == "HEAD" && route_method == "GET");
}

}  // namespace

const std::string& RouteParams::at(std::string_view name) const {
  for (const auto& [n, v] : values_)
    if (n == name) return v;
  throw std::out_of_range("no route parameter " + std::string(name));
}

void Router::add(std::string method, std::string pattern, Handler handler, std::size_t max_content) {
  if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument("route pattern not a path: " + pattern);
  Route route{std::move(method), std::move(pattern), {}, std::move(handler), max_content, {}};
  for (const auto piece : split_path(route.pattern)) {
    const auto open = piece.find('{'), close = piece.find('}');
    if (open == std::string_view::npos && close == std::string_view::npos) {
      route.segments.push_back({std::string(piece), "", ""});
      continue;
    }
    if (open == std::string_view::npos || close == std::string_view::npos || close < open + 2 ||
        piece.find('{', open + 1) != std::string_view::npos)
      throw std::invalid_argument("malformed route segment: " + std::string(piece));
    route.segments.push_back({std::string(piece.substr(0, open)), std::string(piece.substr(open + 1, close - open - 1)),
                              std::string(piece.substr(close + 1))});
  }
  routes_.push_back(std::move(route));
}

void Router::add_quick(std::string_view method, std::string_view pattern, QuickHandler quick) {
  for (auto& route : routes_)
    if (route.method == method && route.pattern == pattern) {
      route.quick = std::move(quick);
      return;
    }
  throw std::invalid_argument("no route " + std::string(method) + " " + std::string(pattern) + " to answer quickly");
}

bool Router::fits(const Route& route, const std::vector<std::string_view>& segments, std::vector<std::string_view>& raw) {
  if (route.segments.size() != segments.size()) return false;
  raw.clear();
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto& want = route.segments[i];
    const auto got = segments[i];
    if (want.name.empty()) {
      if (got != want.prefix) return false;
      continue;
    }
    if (got.size() <= want.prefix.size() + want.suffix.size() || !got.starts_with(want.prefix) ||
        !got.ends_with(want.suffix))
      return false;
    raw.push_back(got.substr(want.prefix.size(), got.size() - want.prefix.size() - want.suffix.size()));
  }
  return true;
}

Router::Found Router::find(std::string_view method, std::string_view path) const {
  Found found;
  if (path.empty() || path.front() != '/') return found;
  const auto segments = split_path(path);
  std::vector<std::string_view> raw;
  const Route* matched = nullptr;
  for (const auto& route : routes_) {
    if (!fits(route, segments, raw)) continue;
    if (found.pattern.empty()) found.pattern = route.pattern;
    const bool get = route.method == "GET";
    if (found.allow.find(route.method) == std::string::npos)
      found.allow += (found.allow.empty() ? "" : ", ") + route.method + (get ? ", HEAD" : "");
    if (!matched && takes(route.method, method)) {
      matched = &route;
      found.pattern = route.pattern;
      std::size_t p = 0;
      for (const auto& segment : route.segments) {
        if (segment.name.empty()) continue;
        auto decoded = percent_decode(raw[p++], false);
        if (!decoded) {
          found.kind = Found::Kind::kBadEscape;
          return found;
        }
        found.params.add(segment.name, std::move(*decoded));
      }
    }
  }
  if (matched) {
    found.kind = Found::Kind::kMatched;
    found.handler = &matched->handler;
    found.max_content = matched->max_content;
    if (matched->quick) found.quick = &matched->quick;
  } else if (!found.pattern.empty()) {
    found.kind = Found::Kind::kMethodNotAllowed;
  }
  return found;
}

std::size_t Router::content_limit(std::string_view method, std::string_view path) const {
  return find(method, path).max_content;
}

std::vector<Router::RouteInfo> Router::routes() const {
  std::vector<RouteInfo> out;
  for (const auto& r : routes_) out.push_back({r.method, r.pattern, r.max_content});
  return out;
}

HttpResponse Router::refusal(const Found& found) {
  switch (found.kind) {
    case Found::Kind::kMethodNotAllowed: {
      auto response = text_response(405, "Method Not Allowed\n");
      response.set("Allow", found.allow);
      return response;
    }
    case Found::Kind::kBadEscape: return text_response(400, "a malformed %-escape in the path\n");
    default: return text_response(404, "Not Found\n");
  }
}

HttpResponse Router::dispatch(const HttpRequest& request, std::chrono::system_clock::time_point now,
                              DatabaseSessions* sessions, Outcome& outcome) const {
  auto found = find(request.method, request.path);
  outcome.route = found.pattern.empty() ? kUnmatchedRoute : found.pattern;
  if (found.kind != Found::Kind::kMatched) return refusal(found);
  RequestContext context{request, found.params, now, sessions, outcome};
  try {
    return (*found.handler)(context);
  } catch (...) {
    auto answer = error_response(std::current_exception(), request.path);
    outcome.note = std::move(answer.note);
    return std::move(answer.response);
  }
}

std::optional<HttpResponse> Router::dispatch_quick(const HttpRequest& request, std::chrono::system_clock::time_point now,
                                                   Outcome& outcome) const {
  auto found = find(request.method, request.path);
  outcome.route = found.pattern.empty() ? kUnmatchedRoute : found.pattern;
  if (found.kind != Found::Kind::kMatched) return refusal(found);
  if (!found.quick) return std::nullopt;
  RequestContext context{request, found.params, now, nullptr, outcome};
  // What it throws, dispatch() meets again in a worker and answers there.
  return (*found.quick)(context);
}

}  // namespace cadence::web
