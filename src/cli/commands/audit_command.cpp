// cadence audit [--unit ID] [--since YYYY-MM-DD] [--format table|json]
#include "cli/commands/commands.h"
#include "cli/text_table.h"
#include "cli/workspace.h"
#include "json/json_writer.h"
#include "store/audit_log.h"
#include "store/user_repository.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <date/date.h>
#include <date/tz.h>

#include <set>

namespace cadence::cli {

namespace {

// A field of an audit row's JSON, "" if it has none.
std::string json_field(const std::optional<std::string>& json, const std::string& name) {
  if (!json) return "";
  try {
    const auto object = Poco::JSON::Parser().parse(*json).extract<Poco::JSON::Object::Ptr>();
    return object->has(name) ? object->getValue<std::string>(name) : "";
  } catch (const std::exception&) {
    return "";
  }
}

// The units of a user's "grants" field ("secretary@town;viewer@county").
std::vector<std::string> granted_units(const std::optional<std::string>& json) {
  std::vector<std::string> units;
  if (!json) return units;
  try {
    const auto object = Poco::JSON::Parser().parse(*json).extract<Poco::JSON::Object::Ptr>();
    if (!object->has("grants")) return units;
    const auto grants = object->getValue<std::string>("grants");
    for (std::size_t start = 0; start < grants.size();) {
      const auto end = std::min(grants.find(';', start), grants.size());
      const auto grant = grants.substr(start, end - start);
      if (const auto at = grant.find('@'); at != std::string::npos) units.push_back(grant.substr(at + 1));
      start = end + 1;
    }
  } catch (const std::exception&) {
  }
  return units;
}

// What an audit filter for a subtree matches: its units, and the emails of the users holding a
// role in it (their tokens and logins).
struct Scope {
  std::set<std::string> units;
  std::set<std::string> emails;
};

// Whether the entry is about the scope: a unit itself, a record, grant or user of one, or a
// token or login of such a user.
bool concerns(const store::AuditEntry& e, const Scope& scope) {
  const auto& units = scope.units;
  if (e.entity == "unit") return units.count(e.entity_id) > 0;
  if (e.entity == "login") return scope.emails.count(e.entity_id) > 0;
  if (e.entity == "api_token") return scope.emails.count(json_field(e.after ? e.after : e.before, "email")) > 0;
  for (const auto* json : {&e.before, &e.after}) {
    if (units.count(json_field(*json, "unit"))) return true;
    for (const auto& unit : granted_units(*json))
      if (units.count(unit)) return true;
  }
  return false;
}

Scope scope_of(store::Database& db, const std::string& id) {
  const auto tree = load_unit_tree(db);
  Scope scope;
  for (const auto i : tree.subtree(unit_index(tree, id))) scope.units.insert(tree.at(i).id);
  for (const auto& user : store::UserRepository(db).all())
    for (const auto& grant : user.grants)
      if (scope.units.count(grant.unit)) scope.emails.insert(user.email);
  return scope;
}

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
    const auto scope = scope_of(*db, *unit);
    std::erase_if(entries, [&scope](const store::AuditEntry& e) { return !concerns(e, scope); });
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
