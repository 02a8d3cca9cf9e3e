// GET /api/v1/audit?unit=ID[&since=YYYY-MM-DD]: who changed what of a unit's subtree, for its
// administrators.
#include "json/json_writer.h"
#include "store/audit_log.h"
#include "store/audit_scope.h"

#include <algorithm>
#include "web/api_handlers.h"

#include <sstream>

namespace cadence::web {

namespace {

constexpr std::size_t kMaxEntries = 1000;

}  // namespace

HttpResponse get_audit(ApiCall& call) {
  const auto unit_id = query_value(call.c, "unit");
  if (!unit_id) throw RequestError(400, "unit", "unit: name the unit whose audit trail you want (?unit=ID)");
  const auto u = call.unit(*unit_id, Action::kReadAudit);
  std::optional<std::chrono::sys_seconds> since;
  if (const auto text = query_value(call.c, "since")) {
    const auto day = parse_day(*text);
    if (!day) throw RequestError(400, "since", "since: '" + *text + "' is not a date (YYYY-MM-DD)");
    // The audit's stamps are UTC: `since` is that day's start in UTC.
    since = std::chrono::sys_seconds{date::sys_days{day->time_since_epoch()}};
  }
  const auto db = call.c.db();
  // What `cadence audit --unit` shows: the units, their records (deleted ones too), evidence,
  // users and tokens of the subtree; here newest first.
  const auto scope = store::audit_scope(*db, *call.tree, u);
  std::vector<store::AuditEntry> entries;
  for (auto& e : store::AuditLog(*db).since(since))
    if (store::concerns(e, scope)) entries.push_back(std::move(e));
  std::reverse(entries.begin(), entries.end());
  const bool truncated = entries.size() > kMaxEntries;
  if (truncated) entries.resize(kMaxEntries);
  std::ostringstream out;
  {
    json::JsonWriter json(out);
    json.begin_object().field("unit", *unit_id).key("entries").begin_array();
    for (const auto& e : entries) {
      json.begin_object().field("id", static_cast<long long>(e.id)).field("at", date::format("%FT%TZ", e.at))
          .field("actor", e.actor).field("action", e.action).field("entity", e.entity).field("entity_id", e.entity_id);
      // before and after are the compact JSON objects the store wrote: passed on as text.
      if (e.before) json.field("before", *e.before);
      if (e.after) json.field("after", *e.after);
      json.end_object();
    }
    json.end_array().field("truncated", truncated).end_object();
  }
  return json_get(call.c, out.str() + "\n");
}

}  // namespace cadence::web
