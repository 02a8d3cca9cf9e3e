#pragma once
// What `cadence serve` answers: /feeds/<token>.ics (GET, HEAD) and /healthz. Anything a handler
// throws is the wire layer's to turn into a 500.
#include "web/http_request.h"
#include "web/http_response.h"
#include "web/outcome.h"
#include "web/router.h"
#include "web/feed_renderer.h"
#include "web/fetch_recorder.h"
#include "web/token_directory.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cadence::web {

// What the feed handlers use, each its own part so a test can give its own.
struct FeedSite {
  TokenDirectory& tokens;
  FeedRenderer& feeds;
  FetchRecorder& fetches;
  std::string timezone;  // what "today" is
  std::size_t subtree_max_units = 2000;  // see subtree_limit.h
};

// The routes of the feed server: GET (and HEAD) /healthz and /feeds/{token}.ics.
Router feed_routes(FeedSite& site);

// Whether an Accept-Encoding value takes gzip ("gzip;q=0" refuses it).
bool accepts_gzip(std::string_view accept_encoding);
// Whether an If-None-Match value names one of `etags` (compared weakly, as RFC 9110 §13.1.2 asks).
bool etag_matches(std::string_view if_none_match, std::string_view etag, std::string_view gzip_etag);

}  // namespace cadence::web
