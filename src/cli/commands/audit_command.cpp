// cadence audit [--unit ID] [--since YYYY-MM-DD] [--format table|json]
#include "cli/commands/commands.h"
#include "cli/text_table.h"
#include "cli/workspace.h"
#include "json/json_writer.h"
#include "store/audit_log.h"
#include "store/audit_scope.h"

#include <date/date.h>
#include <date/tz.h>

namespace cadence::cli {

namespace {

std::optional<std::chrono::sys_seconds> since_option(const Invocation& inv) {
  const auto text = inv.args.option("since");
  if (!text) return std::nullopt;
  const auto day = parse_day(*text);
  if (!day) throw UsageError("--since '" + *text + "' is not a date (YYYY-MM-DD)");
  return day_begins(*day, *date::locate_zone(inv.settings.timezone));
}

std::string time_text(std::chrono::sys_seconds t) { return date::format("%Y-%m-%d %H:%M:%SZ", t); }

void print_json(const Invocation& inv, const std::vector<store::AuditEntry>& entries) {
  json::JsonWriter json(inv.out);
  json.begin_array();
  for (const auto& e : entries) {
    json.begin_object().field("id", static_cast<long long>(e.id)).field("at", time_text(e.at)).field("actor", e.actor)
        .field("action", e.action).field("entity", e.entity).field("entity_id", e.entity_id);
    json.key("before");
    e.before ? json.raw(*e.before) : json.null();
    json.key("after");
    e.after ? json.raw(*e.after) : json.null();
    json.end_object();
  }
  json.end_array();
  json.flush();
  inv.out << '\n';
}

}  // namespace

int run_audit(const Invocation& inv) {
  inv.args.allow({"unit", "since", "format"});
  inv.args.expect_positionals(1, "cadence audit [--unit ID] [--since YYYY-MM-DD] [--format table|json]");
  const auto format = format_option(inv);
  const auto since = since_option(inv);
  auto db = open_database(inv, store::Access::read_only);
  auto entries = store::AuditLog(*db).since(since);
  if (const auto unit = inv.args.option("unit")) {
    const auto tree = load_unit_tree(*db);
    const auto scope = store::audit_scope(*db, tree, unit_index(tree, *unit));
    std::erase_if(entries, [&scope](const store::AuditEntry& e) { return !store::concerns(e, scope); });
  }
  if (format == "json") {
    print_json(inv, entries);
    return 0;
  }
  TextTable table({"id", "at", "actor", "action", "entity", "id", "before", "after"});
  for (const auto& e : entries)
    table.add({std::to_string(e.id), time_text(e.at), e.actor, e.action, e.entity, e.entity_id, e.before.value_or(""),
               e.after.value_or("")});
  if (table.empty()) inv.out << "No audit entries.\n";
  else table.print(inv.out);
  return 0;
}

}  // namespace cadence::cli
