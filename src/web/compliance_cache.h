#pragma once
// The API's compliance answers kept between requests: a county's takes a second to compute
// from the database (its ~60,000 records read and judged) and 1.5 MB to send, and an
// administrator's page or a provincial platform asks for the same one again and again. The key
// carries the change counters, so a record written anywhere, by any process, makes every answer
// computed before it unreachable.
#include "web/flight_cache.h"

#include <string>

namespace cadence::web {

struct CachedJson {
  std::string body;
  std::string etag;  // quoted, as the ETag header carries it
};

inline std::size_t cached_size(const CachedJson& json) { return json.body.size() + json.etag.size() + 128; }

using ComplianceCache = FlightCache<CachedJson>;

}  // namespace cadence::web
