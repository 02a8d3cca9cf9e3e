#include "web/handlers.h"

#include "calendars/local_date.h"
#include "web/http_date.h"
#include "web/http_text.h"
#include "web/subtree_limit.h"

#include <cctype>

namespace cadence::web {

namespace {

constexpr std::string_view kFeedRoute = "/feeds/{token}.ics";

bool token_shaped(std::string_view token) {
  if (token.empty() || token.size() > 128) return false;
  for (char c : token)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  return true;
}

HttpResponse not_found() { return text_response(404, "Not Found\n"); }

// "Today" for the feeds: worked out once a day per thread, not on every request.
Day today(std::chrono::system_clock::time_point now, const std::string& zone) {
  thread_local std::optional<LocalDay> known;
  thread_local std::string known_zone;
  const auto second = std::chrono::floor<std::chrono::seconds>(now);
  if (!known || known_zone != zone || second < known->begins || second >= known->ends) {
    known = local_day(now, zone);
    known_zone = zone;
  }
  return known->day;
}

HttpResponse health(RequestContext& c) {
  try {
    store::change_versions(*c.db());
  } catch (const std::exception& e) {
    c.outcome.note = e.what();
    auto response = text_response(503, "database unavailable\n");
    response.set("Retry-After", "1");
    return response;
  }
  return text_response(200, "ok\n");
}

FeedRequest feed_request_of(const HttpRequest& request, std::chrono::system_clock::time_point now,
                            const std::string& zone) {
  FeedRequest feed_request;
  for (const auto& [name, value] : request.query_parameters()) {
    if (name == "holidays") feed_request.holidays = value == "1" || value == "true" || value == "yes";
    else if (name == "scope") feed_request.subtree = value == "subtree";
  }
  feed_request.today = today(now, zone);
  return feed_request;
}

// Whether the client's copy, named by If-None-Match or else If-Modified-Since, is current.
bool not_modified(const HttpRequest& request, const CachedFeed& cached) {
  if (const auto tags = request.header("If-None-Match")) return etag_matches(*tags, cached.etag, cached.gzip_etag);
  const auto since_text = request.header("If-Modified-Since");
  if (!since_text || !cached.last_modified) return false;
  const auto since = parse_http_date(std::string(*since_text));
  return since && *cached.last_modified <= *since;
}

// The response for a feed at hand: `plain` holds its plain bytes unless it goes out gzipped or
// as a 304.
HttpResponse feed_response(const HttpRequest& request, std::shared_ptr<const CachedFeed> cached, bool gzip,
                           bool unchanged, std::shared_ptr<const std::string> plain) {
  HttpResponse response;
  response.set("ETag", gzip ? cached->gzip_etag : cached->etag);
  if (cached->last_modified) response.set("Last-Modified", cached->last_modified_text);
  response.set("Vary", "Accept-Encoding");
  // A feed URL is a secret: shared caches must not keep it.
  response.set("Cache-Control", "private, max-age=300");
  if (unchanged) {
    response.status = 304;
    return response;
  }
  response.set("Content-Type", "text/calendar; charset=utf-8");
  response.set("Content-Disposition", "inline; filename=\"cadence.ics\"");
  if (gzip) {
    response.set("Content-Encoding", "gzip");
    response.shared = &cached->gzip;
    response.owner = std::move(cached);
  } else {
    response.shared = plain.get();
    response.owner = std::move(plain);
  }
  response.head_only = request.method == "HEAD";
  return response;
}

// The feed `token` opens. Unless `may_wait`, nullopt when that needs waiting: the tokens are due
// for a look at the database, the feed is not cached, or its plain bytes are not kept for a
// client without gzip. Its fetch is noted only when it is answered.
std::optional<HttpResponse> feed(const HttpRequest& request, std::string_view token, FeedSite& site,
                                 std::chrono::system_clock::time_point now, Outcome& outcome, bool may_wait) {
  if (may_wait) site.tokens.refresh();
  else if (site.tokens.refresh_due()) return std::nullopt;
  const auto match = site.tokens.token(token);
  const auto units = site.tokens.units();
  const auto& tree = units.tree;
  const auto unit = match && tree ? tree->find(match->unit) : std::nullopt;
  // Unknown, revoked, or of a unit gone: the same plain 404, nothing to tell them apart.
  if (!unit) return not_found();
  outcome.token_id = match->id;

  const FeedRequest feed_request = feed_request_of(request, now, site.timezone);
  if (feed_request.subtree)
    if (const auto refusal = subtree_feed_refusal(*tree, *unit, site.subtree_max_units))
      return text_response(422, *refusal + "\n");
  auto cached = may_wait ? site.feeds.feed(units, *unit, feed_request) : site.feeds.cached(units, *unit, feed_request);
  if (!cached) return std::nullopt;
  const auto accept_encoding = request.header("Accept-Encoding");
  const bool gzip = accept_encoding && accepts_gzip(*accept_encoding);
  const bool unchanged = not_modified(request, *cached);
  std::shared_ptr<const std::string> plain;
  if (!gzip && !unchanged) {
    plain = may_wait ? site.feeds.plain(*cached) : site.feeds.kept_plain(*cached);
    if (!plain) return std::nullopt;
  }
  const auto user_agent = request.header("User-Agent");
  site.fetches.note(match->id, std::chrono::floor<std::chrono::seconds>(now), std::string(user_agent.value_or("")));
  return feed_response(request, std::move(cached), gzip, unchanged, std::move(plain));
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
  return any_list_element(accept_encoding, [](std::string_view part) {
    const auto semicolon = part.find(';');
    const auto coding = trim_ows(part.substr(0, semicolon));
    if (!iequals(coding, "gzip") && !iequals(coding, "x-gzip")) return false;
    if (semicolon == std::string_view::npos) return true;
    auto q = part.substr(semicolon + 1);
    const auto at = q.find("q=");
    if (at == std::string_view::npos) return true;
    q = trim_ows(q.substr(at + 2));
    // A qvalue is 0 to 1 with up to three decimals; anything but zero accepts.
    return q.find_first_not_of("0.") != std::string_view::npos;
  });
}

bool etag_matches(std::string_view if_none_match, std::string_view etag, std::string_view gzip_etag) {
  if (trim_ows(if_none_match) == "*") return true;
  return any_list_element(if_none_match, [&](std::string_view tag) {
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    return tag == etag || tag == gzip_etag;
  });
}

Router feed_routes(FeedSite& site) {
  Router router;
  router.add("GET", "/healthz", health);
  const auto answer = [&site](RequestContext& c, bool may_wait) -> std::optional<HttpResponse> {
    const auto& token = c.params.at("token");
    // Unknown and malformed alike: the same plain 404.
    if (!token_shaped(token)) return not_found();
    return feed(c.request, token, site, c.now, c.outcome, may_wait);
  };
  router.add("GET", std::string(kFeedRoute), [answer](RequestContext& c) { return *answer(c, true); });
  // Most fetches find their feed cached: answered where the request was read.
  router.add_quick("GET", kFeedRoute, [answer](RequestContext& c) { return answer(c, false); });
  return router;
}

}  // namespace cadence::web
