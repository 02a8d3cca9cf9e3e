#pragma once
// What the JSON API's handlers use, each its own part so that server.cpp wires the real ones
// (the Authentication of web/authentication.h, the token directory's unit tree) and a test may
// give its own.
#include "core/principal.h"
#include "core/rule.h"
#include "core/work_calendar.h"
#include "report/kept_records.h"
#include "web/compliance_cache.h"
#include "web/router.h"
#include "web/token_directory.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cadence::web {

struct ApiSite {
  TokenDirectory& directory;  // the unit tree, reloaded when the database says units changed
  const std::vector<Rule>& rules;
  const WorkCalendar& calendar;
  std::string timezone;  // what "today" is, for a compliance query without as_of
  ComplianceCache& compliance;
  report::KeptRecords& records;  // what compliance is judged from (web/judge.h)
  // Who the request speaks for (a Bearer API token or a session cookie); nullopt: 401.
  std::function<std::optional<Principal>(RequestContext&)> authenticate;
  // For a request that changes state: throws RequestError 403 unless a session's CSRF token and
  // Origin pass; nothing for an API token.
  std::function<void(RequestContext&, const Principal&)> check_csrf;
};

}  // namespace cadence::web
