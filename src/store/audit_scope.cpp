#include "store/audit_scope.h"

#include "store/user_repository.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <optional>
#include <vector>

namespace cadence::store {

namespace {

// A string field of an audit row's JSON, "" if it has none.
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
  const auto grants = json_field(json, "grants");
  for (std::size_t start = 0; start < grants.size();) {
    const auto end = std::min(grants.find(';', start), grants.size());
    const auto grant = grants.substr(start, end - start);
    if (const auto at = grant.find('@'); at != std::string::npos) units.push_back(grant.substr(at + 1));
    start = end + 1;
  }
  return units;
}

}  // namespace

AuditScope audit_scope(Database& db, const UnitTree& tree, std::size_t root) {
  AuditScope scope;
  for (const auto i : tree.subtree(root)) scope.units.insert(tree.at(i).id);
  for (const auto& user : UserRepository(db).all())
    for (const auto& grant : user.grants)
      if (scope.units.count(grant.unit)) scope.emails.insert(user.email);
  return scope;
}

bool concerns(const AuditEntry& e, const AuditScope& scope) {
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

}  // namespace cadence::store
