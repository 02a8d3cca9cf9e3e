#pragma once
// Who changed what, when: one row per change to a unit, record, user, grant or token, and one per
// login attempt, kept forever.
#include "store/database.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cadence::store {

struct AuditEntry {
  std::int64_t id = 0;  // assigned by append()
  std::chrono::sys_seconds at{};
  std::string actor;      // who: an email, or "cli:<os user>"
  // "insert", "update", "delete", "import"; for users "disable", "enable", "password"; for
  // tokens "revoke"; for logins "success", "failure", "throttled", "logout"
  std::string action;
  // "unit", "record", "file" (an import, summarised), "user", "grant", "api_token", "login"
  std::string entity;
  // the unit id, the record id, the imported file's name, the user's email, the token's id
  std::string entity_id;
  // The entity before and after, as compact JSON ({"id":"…",…}); an insert has no `before`,
  // a delete no `after`. An import holds {"added":"…","updated":"…","unchanged":"…"} in `after`.
  std::optional<std::string> before;
  std::optional<std::string> after;
  friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

class AuditLog {
 public:
  explicit AuditLog(Database& db) : db_(db) {}

  // Writes `entry` as given (`at` too: use Database::now() for now) and returns its id.
  std::int64_t append(const AuditEntry& entry);
  // Every entry about one entity, oldest first.
  std::vector<AuditEntry> for_entity(const std::string& entity, const std::string& id);
  // Every entry from `since` on (all without it), oldest first.
  std::vector<AuditEntry> since(std::optional<std::chrono::sys_seconds> since);

 private:
  Database& db_;
};

}  // namespace cadence::store
