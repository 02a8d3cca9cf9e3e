#include "store/audit_log.h"

#include "store/columns.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

namespace cadence::store {

namespace {

using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

Poco::Nullable<std::string> nullable(const std::optional<std::string>& value) {
  return value ? Poco::Nullable<std::string>(*value) : Poco::Nullable<std::string>();
}

std::optional<std::string> optional(const Poco::Nullable<std::string>& value) {
  return value.isNull() ? std::nullopt : std::optional<std::string>(value.value());
}

}  // namespace

std::int64_t AuditLog::append(const AuditEntry& entry) {
  try {
    std::int64_t id = 0;
    db_.session() << db_.dialect().sql(
        "INSERT INTO audit (at, actor, action, entity, entity_id, before, after) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        bind(timestamp_text(entry.at)), bind(entry.actor), bind(entry.action), bind(entry.entity),
        bind(entry.entity_id), bind(nullable(entry.before)), bind(nullable(entry.after)), into(id), now;
    return id;
  } catch (...) {
    rethrow_with_context("cannot write the audit log");
  }
}

std::vector<AuditEntry> AuditLog::for_entity(const std::string& entity, const std::string& id) {
  try {
    std::vector<std::int64_t> ids;
    std::vector<std::string> at, actor, action, entity_id;
    std::vector<Poco::Nullable<std::string>> before, after;
    db_.session() << db_.dialect().sql(
        "SELECT id, at, actor, action, entity_id, before, after FROM audit "
        "WHERE entity = ? AND entity_id = ? ORDER BY id"),
        bind(entity), bind(id), into(ids), into(at), into(actor), into(action), into(entity_id), into(before),
        into(after), now;
    std::vector<AuditEntry> entries;
    entries.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
      entries.push_back({ids[i], timestamp_column(at[i], "audit.at"), actor[i], action[i], entity,
                         entity_id[i], optional(before[i]), optional(after[i])});
    return entries;
  } catch (...) {
    rethrow_with_context("cannot read the audit log");
  }
}

std::vector<AuditEntry> AuditLog::since(std::optional<std::chrono::sys_seconds> since) {
  try {
    std::vector<std::int64_t> ids;
    std::vector<std::string> at, actor, action, entity, entity_id;
    std::vector<Poco::Nullable<std::string>> before, after;
    db_.session() << db_.dialect().sql(
        "SELECT id, at, actor, action, entity, entity_id, before, after FROM audit WHERE at >= ? ORDER BY id"),
        bind(since ? timestamp_text(*since) : std::string()), into(ids), into(at), into(actor), into(action),
        into(entity), into(entity_id), into(before), into(after), now;
    std::vector<AuditEntry> entries;
    entries.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
      entries.push_back({ids[i], timestamp_column(at[i], "audit.at"), actor[i], action[i], entity[i], entity_id[i],
                         optional(before[i]), optional(after[i])});
    return entries;
  } catch (...) {
    rethrow_with_context("cannot read the audit log");
  }
}

}  // namespace cadence::store
