#include "store/api_token_repository.h"

#include "store/audit_log.h"
#include "store/columns.h"
#include "store/digest.h"
#include "store/json_text.h"
#include "store/secret_token.h"
#include "store/store_error.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

namespace cadence::store {

namespace {

using Poco::Data::Statement;
using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

}  // namespace

IssuedApiToken ApiTokenRepository::issue(std::int64_t user_id, const std::string& label, const std::string& actor) {
  try {
    Transaction transaction(db_);
    std::vector<std::string> emails;
    db_.session() << db_.dialect().sql("SELECT email FROM users WHERE id = ?"), bind(user_id), into(emails), now;
    if (emails.empty()) throw StoreError("no user " + std::to_string(user_id));
    IssuedApiToken issued{0, random_token()};
    db_.session() << db_.dialect().sql(
        "INSERT INTO api_tokens (user_id, hash, label, created_at, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id"),
        bind(user_id), bind(sha256_hex(issued.token)), bind(label), bind(timestamp_text(db_.now())), bind(actor),
        into(issued.id), now;
    // The audit trail names the token by id: the secret itself is nowhere but in the output.
    AuditLog(db_).append({0, db_.now(), actor, "insert", "api_token", std::to_string(issued.id), std::nullopt,
                          json_object({{"email", emails.front()}, {"label", label}})});
    transaction.commit();
    return issued;
  } catch (...) {
    rethrow_with_context("cannot issue an API token in '" + db_.name() + "'");
  }
}

bool ApiTokenRepository::revoke(std::int64_t id, const std::string& actor) {
  try {
    Transaction transaction(db_);
    std::vector<std::string> emails, labels;
    db_.session() << db_.dialect().sql(
        "SELECT u.email, t.label FROM api_tokens t JOIN users u ON u.id = t.user_id "
        "WHERE t.id = ? AND t.revoked_at IS NULL"),
        bind(id), into(emails), into(labels), now;
    if (emails.empty()) return false;
    const auto at = timestamp_text(db_.now());
    db_.session() << db_.dialect().sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ?"), bind(at), bind(id), now;
    AuditLog(db_).append({0, db_.now(), actor, "revoke", "api_token", std::to_string(id),
                          json_object({{"email", emails.front()}, {"label", labels.front()}}),
                          json_object({{"email", emails.front()}, {"label", labels.front()}, {"revoked_at", at}})});
    transaction.commit();
    return true;
  } catch (...) {
    rethrow_with_context("cannot revoke API token " + std::to_string(id) + " in '" + db_.name() + "'");
  }
}

std::optional<ApiTokenRepository::Match> ApiTokenRepository::resolve(std::string_view token) {
  std::vector<std::int64_t> ids, users;
  db_.session() << db_.dialect().sql("SELECT id, user_id FROM api_tokens WHERE hash = ? AND revoked_at IS NULL"),
      bind(sha256_hex(token)), into(ids), into(users), now;
  if (ids.empty()) return std::nullopt;
  return Match{ids.front(), users.front()};
}

void ApiTokenRepository::touch(std::int64_t id, std::chrono::sys_seconds at) {
  try {
    db_.session() << db_.dialect().sql(
        "UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)"),
        bind(timestamp_text(at)), bind(id), bind(timestamp_text(at - std::chrono::minutes(1))), now;
  } catch (...) {
    rethrow_with_context("cannot note the use of API token " + std::to_string(id) + " in '" + db_.name() + "'");
  }
}

std::vector<ApiToken> ApiTokenRepository::list(std::int64_t user_id) {
  std::vector<std::int64_t> ids, users;
  std::vector<std::string> emails, labels, created, creators;
  std::vector<Poco::Nullable<std::string>> revoked, used;
  Statement select(db_.session());
  select << db_.dialect().sql(
      "SELECT t.id, t.user_id, u.email, t.label, t.created_at, t.created_by, t.revoked_at, t.last_used_at "
      "FROM api_tokens t JOIN users u ON u.id = t.user_id" + std::string(user_id ? " WHERE t.user_id = ?" : "") +
      " ORDER BY t.id"),
      into(ids), into(users), into(emails), into(labels), into(created), into(creators), into(revoked), into(used);
  if (user_id) select.addBind(bind(user_id));
  select.execute();
  std::vector<ApiToken> tokens;
  for (std::size_t i = 0; i < ids.size(); ++i)
    tokens.push_back({ids[i], users[i], emails[i], labels[i], timestamp_column(created[i], "api_tokens.created_at"),
                      creators[i], optional_timestamp_column(revoked[i], "api_tokens.revoked_at"),
                      optional_timestamp_column(used[i], "api_tokens.last_used_at")});
  return tokens;
}

}  // namespace cadence::store
