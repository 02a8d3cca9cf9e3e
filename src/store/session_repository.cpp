#include "store/session_repository.h"

#include "store/columns.h"
#include "store/digest.h"
#include "store/secret_token.h"
#include "store/store_error.h"

#include <Poco/Data/Statement.h>

#include <vector>

namespace cadence::store {

namespace {

using Poco::Data::Statement;
using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

}  // namespace

std::string SessionRepository::csrf_token(std::string_view token) {
  return sha256_hex("cadence csrf token\n" + std::string(token));
}

IssuedSession SessionRepository::start(std::int64_t user_id) {
  try {
    IssuedSession issued{0, random_token()};
    const auto at = timestamp_text(db_.now());
    db_.session() << db_.dialect().sql(
        "INSERT INTO sessions (user_id, hash, created_at, last_seen_at) VALUES (?, ?, ?, ?) RETURNING id"),
        bind(user_id), bind(sha256_hex(issued.token)), bind(at), bind(at), into(issued.id), now;
    return issued;
  } catch (...) {
    rethrow_with_context("cannot start a session in '" + db_.name() + "'");
  }
}

std::optional<OpenSession> SessionRepository::resolve(std::string_view token) {
  std::vector<std::int64_t> ids, users;
  std::vector<std::string> created, seen;
  db_.session() << db_.dialect().sql(
      "SELECT id, user_id, created_at, last_seen_at FROM sessions WHERE hash = ? AND ended_at IS NULL"),
      bind(sha256_hex(token)), into(ids), into(users), into(created), into(seen), now;
  if (ids.empty()) return std::nullopt;
  return OpenSession{ids.front(), users.front(), timestamp_column(created.front(), "sessions.created_at"),
                     timestamp_column(seen.front(), "sessions.last_seen_at")};
}

void SessionRepository::touch(std::int64_t id, std::chrono::sys_seconds at) {
  try {
    db_.session() << db_.dialect().sql(
        "UPDATE sessions SET last_seen_at = ? WHERE id = ? AND ended_at IS NULL AND last_seen_at < ?"),
        bind(timestamp_text(at)), bind(id), bind(timestamp_text(at)), now;
  } catch (...) {
    rethrow_with_context("cannot note the use of session " + std::to_string(id) + " in '" + db_.name() + "'");
  }
}

bool SessionRepository::end(std::int64_t id, std::string_view reason) {
  try {
    Statement update(db_.session());
    update << db_.dialect().sql("UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL"),
        bind(timestamp_text(db_.now())), bind(std::string(reason)), bind(id);
    return update.execute() > 0;
  } catch (...) {
    rethrow_with_context("cannot end session " + std::to_string(id) + " in '" + db_.name() + "'");
  }
}

}  // namespace cadence::store
