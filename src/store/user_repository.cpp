#include "store/user_repository.h"

#include "store/audit_log.h"
#include "store/columns.h"
#include "store/json_text.h"
#include "store/store_error.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include <algorithm>

namespace cadence::store {

namespace {

using Poco::Data::Statement;
using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

Role role_column(const std::string& text) {
  const auto role = parse_role(text);
  if (!role) throw StoreError("user_grants.role holds '" + text + "', which is no role");
  return *role;
}

// What the audit trail shows of a user: never its password hash.
std::string user_json(const User& user) {
  std::string grants;
  for (const auto& g : user.grants) grants += (grants.empty() ? "" : ";") + std::string(role_name(g.role)) + "@" + g.unit;
  return json_object({{"email", user.email},
                      {"grants", grants},
                      {"password", user.has_password ? "set" : "none"},
                      {"disabled_at", user.disabled_at ? timestamp_text(*user.disabled_at) : ""}});
}

std::string grant_json(std::string_view email, const Grant& grant) {
  return json_object({{"email", email}, {"unit", grant.unit}, {"role", role_name(grant.role)}});
}

}  // namespace

std::string UserRepository::normalise_email(std::string_view email) {
  std::string out(email);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c); });
  return out;
}

template <typename Value>
std::vector<User> UserRepository::select(const std::string& condition, const Value& value) {
  std::vector<std::int64_t> ids;
  std::vector<std::string> emails, created;
  std::vector<Poco::Nullable<std::string>> hashes, disabled;
  Statement s(db_.session());
  s << db_.dialect().sql("SELECT id, email, password_hash, created_at, disabled_at FROM users u" +
                         (condition.empty() ? "" : " WHERE " + condition) + " ORDER BY email"),
      into(ids), into(emails), into(hashes), into(created), into(disabled);
  if (!condition.empty()) s.addBind(bind(value));
  s.execute();
  std::vector<User> users;
  for (std::size_t i = 0; i < ids.size(); ++i)
    users.push_back({ids[i], emails[i], grants_of(ids[i]), !hashes[i].isNull() && !hashes[i].value().empty(),
                     timestamp_column(created[i], "users.created_at"), optional_timestamp_column(disabled[i], "users.disabled_at")});
  return users;
}

std::vector<Grant> UserRepository::grants_of(std::int64_t id) {
  std::vector<std::string> units, roles;
  db_.session() << db_.dialect().sql("SELECT unit, role FROM user_grants WHERE user_id = ? ORDER BY unit, role"),
      bind(id), into(units), into(roles), now;
  std::vector<Grant> grants;
  for (std::size_t i = 0; i < units.size(); ++i) grants.push_back({units[i], role_column(roles[i])});
  return grants;
}

std::optional<User> UserRepository::find(std::string_view email) {
  auto users = select("u.email = ?", normalise_email(email));
  if (users.empty()) return std::nullopt;
  return users.front();
}

std::optional<User> UserRepository::find(std::int64_t id) {
  auto users = select("u.id = ?", id);
  if (users.empty()) return std::nullopt;
  return users.front();
}

std::vector<User> UserRepository::all() { return select("", 0); }

UserRepository::Added UserRepository::add(std::string_view email_text, const Grant& grant,
                                          const std::optional<std::string>& password_hash, const std::string& actor) {
  const auto email = normalise_email(email_text);
  try {
    Transaction transaction(db_);
    int units = 0;
    db_.session() << db_.dialect().sql("SELECT COUNT(*) FROM units WHERE id = ?"), bind(grant.unit), into(units), now;
    if (units == 0) throw StoreError("no unit '" + grant.unit + "'");
    const auto at = timestamp_text(db_.now());
    Added added;
    auto existing = find(email);
    if (existing && password_hash)
      throw StoreError("user '" + email + "' exists: its password changes with `cadence user passwd`");
    if (!existing) {
      db_.session() << db_.dialect().sql(
          "INSERT INTO users (email, unit, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
          "RETURNING id"),
          bind(email), bind(grant.unit), bind(std::string(role_name(grant.role))),
          bind(password_hash ? Poco::Nullable<std::string>(*password_hash) : Poco::Nullable<std::string>()), bind(at),
          bind(at), into(added.id), now;
      added.new_user = true;
    } else {
      added.id = existing->id;
      if (std::find(existing->grants.begin(), existing->grants.end(), grant) != existing->grants.end()) return added;
    }
    db_.session() << db_.dialect().sql(
        "INSERT INTO user_grants (user_id, unit, role, created_at, created_by) VALUES (?, ?, ?, ?, ?)"),
        bind(added.id), bind(grant.unit), bind(std::string(role_name(grant.role))), bind(at), bind(actor), now;
    added.new_grant = true;
    AuditLog audit(db_);
    if (added.new_user)
      audit.append({0, db_.now(), actor, "insert", "user", email, std::nullopt, user_json(*find(added.id))});
    audit.append({0, db_.now(), actor, "insert", "grant", email, std::nullopt, grant_json(email, grant)});
    transaction.commit();
    return added;
  } catch (...) {
    rethrow_with_context("cannot add user '" + email + "' to '" + db_.name() + "'");
  }
}

std::optional<std::string> UserRepository::password_hash(std::int64_t id) {
  std::vector<Poco::Nullable<std::string>> hashes;
  db_.session() << db_.dialect().sql("SELECT password_hash FROM users WHERE id = ?"), bind(id), into(hashes), now;
  if (hashes.empty() || hashes.front().isNull() || hashes.front().value().empty()) return std::nullopt;
  return hashes.front().value();
}

bool UserRepository::set_password_hash(std::string_view email, const std::string& hash, const std::string& actor) {
  return change_password(email, hash, actor, false);
}

bool UserRepository::reset_password(std::string_view email, const std::string& hash, const std::string& actor) {
  return change_password(email, hash, actor, true);
}

bool UserRepository::change_password(std::string_view email_text, const std::string& hash, const std::string& actor,
                                     bool reset) {
  const auto email = normalise_email(email_text);
  try {
    Transaction transaction(db_);
    const auto before = find(email);
    if (!before) return false;
    const auto at = timestamp_text(db_.now());
    db_.session() << db_.dialect().sql("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?"), bind(hash),
        bind(at), bind(before->id), now;
    if (reset)
      db_.session() << db_.dialect().sql(
          "UPDATE sessions SET ended_at = ?, end_reason = 'password reset' WHERE user_id = ? AND ended_at IS NULL"),
          bind(at), bind(before->id), now;
    // The audit row says that the password changed, never what to.
    AuditLog(db_).append({0, db_.now(), actor, reset ? "password reset" : "password", "user", email, user_json(*before),
                          user_json(*find(email))});
    transaction.commit();
    return true;
  } catch (...) {
    rethrow_with_context("cannot set the password of '" + email + "' in '" + db_.name() + "'");
  }
}

bool UserRepository::disable(std::string_view email_text, const std::string& actor) {
  const auto email = normalise_email(email_text);
  try {
    Transaction transaction(db_);
    const auto before = find(email);
    if (!before || before->disabled_at) return false;
    const auto at = timestamp_text(db_.now());
    db_.session() << db_.dialect().sql("UPDATE users SET disabled_at = ?, updated_at = ? WHERE id = ?"), bind(at),
        bind(at), bind(before->id), now;
    db_.session() << db_.dialect().sql(
        "UPDATE sessions SET ended_at = ?, end_reason = 'disabled' WHERE user_id = ? AND ended_at IS NULL"),
        bind(at), bind(before->id), now;
    AuditLog(db_).append({0, db_.now(), actor, "disable", "user", email, user_json(*before), user_json(*find(email))});
    transaction.commit();
    return true;
  } catch (...) {
    rethrow_with_context("cannot disable user '" + email + "' in '" + db_.name() + "'");
  }
}

bool UserRepository::enable(std::string_view email_text, const std::string& actor) {
  const auto email = normalise_email(email_text);
  try {
    Transaction transaction(db_);
    const auto before = find(email);
    if (!before || !before->disabled_at) return false;
    db_.session() << db_.dialect().sql("UPDATE users SET disabled_at = NULL, updated_at = ? WHERE id = ?"),
        bind(timestamp_text(db_.now())), bind(before->id), now;
    AuditLog(db_).append({0, db_.now(), actor, "enable", "user", email, user_json(*before), user_json(*find(email))});
    transaction.commit();
    return true;
  } catch (...) {
    rethrow_with_context("cannot enable user '" + email + "' in '" + db_.name() + "'");
  }
}

std::optional<Principal> UserRepository::principal(std::int64_t id) {
  const auto user = find(id);
  if (!user || user->disabled_at) return std::nullopt;
  Principal p;
  p.user_id = user->id;
  p.email = user->email;
  p.grants = user->grants;
  return p;
}

}  // namespace cadence::store
