#pragma once
// What every JSON API handler does alike: find the unit or record asked for within the caller's
// scope (403 otherwise: an id that exists elsewhere and one that exists nowhere answer the same,
// so the API is no oracle of what exists), answer JSON with an ETag (304 to If-None-Match),
// demand If-Match before a change (428 without it, 412 when stale), and read a JSON body.
#include "core/access_scope.h"
#include "core/principal.h"
#include "web/api_site.h"
#include "web/compliance_cache.h"
#include "web/request_error.h"
#include "web/router.h"

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace cadence::web {

// One API request: who asks, and the unit tree as it stood when it came.
struct ApiCall {
  RequestContext& c;
  const Principal& who;
  ApiSite& site;
  std::shared_ptr<const UnitTree> tree;

  AccessScope scope() const { return AccessScope(who, *tree); }
  // The unit `id`, when the caller may do `action` with it; else RequestError 403.
  std::size_t unit(const std::string& id, Action action) const;
  // 403 unless the caller may do `action` with the unit at `index`.
  void require(Action action, std::size_t index) const;
};

// The 403 of every unit or record outside the caller's scope, and of every one that does not exist.
[[noreturn]] void refuse_outside_scope();

// A route parameter that must be a positive integer id; 403 otherwise (no oracle either).
std::int64_t id_parameter(const RequestContext& c, std::string_view name);

// A strong ETag of `body`: the same bytes have the same tag on every instance.
std::string etag_of(std::string_view body);

// 200 with `body` (JSON), its ETag and Cache-Control; 304 when If-None-Match names that ETag.
HttpResponse json_get(const RequestContext& c, std::string body);
// The same for a kept answer: its bytes are sent from where they are kept, not copied.
HttpResponse json_get(const RequestContext& c, std::shared_ptr<const CachedJson> kept);
// `status` with `body` (JSON) and, when given, its ETag.
HttpResponse json_response(int status, std::string body, const std::string& etag = "");

// Before a PUT or DELETE of a resource whose representation now has `current_etag`:
// RequestError 428 without If-Match, 412 when it names another.
void require_if_match(const RequestContext& c, const std::string& current_etag);

// The request's content as a JSON object: 415 for another media type, 400 when malformed, 422
// when it is JSON but no object.
Poco::JSON::Object::Ptr json_object_body(const RequestContext& c);

// A query parameter's value, if given.
std::optional<std::string> query_value(const RequestContext& c, std::string_view name);

}  // namespace cadence::web
