#pragma once
// The one place where what a handler throws becomes a response: bad input (RequestError) its
// 4xx with the field, a locked or unavailable store 503, anything else 500 (its message kept for
// the log, not shown). As JSON for the API (paths under /api/), as an HTML page for pages.
#include "web/http_response.h"

#include <exception>
#include <string>
#include <string_view>

namespace cadence::web {

struct ErrorAnswer {
  HttpResponse response;
  std::string note;  // for the access log
};

// REQUIRES: called with an exception in flight or a non-null `error`.
ErrorAnswer error_response(std::exception_ptr error, std::string_view path);

// Text safe to place in HTML content or a quoted attribute.
std::string html_escape(std::string_view text);

}  // namespace cadence::web
