#include "store/feed_token_repository.h"

#include "store/audit_log.h"
#include "store/change_counters.h"
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

std::string FeedTokenRepository::hash(std::string_view token) { return sha256_hex(token); }

IssuedToken FeedTokenRepository::issue(const std::string& unit, const std::string& label, const std::string& actor) {
  try {
    Transaction transaction(db_);
    int units = 0;
    db_.session() << db_.dialect().sql("SELECT COUNT(*) FROM units WHERE id = ?"), bind(unit), into(units), now;
    if (units == 0) throw StoreError("no unit '" + unit + "'");
    IssuedToken issued{0, random_token()};
    const auto at = timestamp_text(db_.now());
    db_.session() << db_.dialect().sql(
        "INSERT INTO feed_tokens (unit, hash, label, created_at, created_by) VALUES (?, ?, ?, ?, ?)"),
        bind(unit), bind(hash(issued.token)), bind(label), bind(at), bind(actor), now;
    db_.session() << db_.dialect().sql("SELECT id FROM feed_tokens WHERE hash = ?"), bind(hash(issued.token)),
        into(issued.id), now;
    // The audit trail names the token by id: the secret itself is nowhere but in the output.
    AuditLog(db_).append({0, db_.now(), actor, "insert", "feed_token", std::to_string(issued.id), std::nullopt,
                          json_object({{"unit", unit}, {"label", label}})});
    bump(db_, Data::tokens);
    transaction.commit();
    return issued;
  } catch (...) {
    rethrow_with_context("cannot issue a feed token in '" + db_.name() + "'");
  }
}

bool FeedTokenRepository::revoke(const std::string& unit, std::int64_t id, const std::string& actor) {
  try {
    Transaction transaction(db_);
    Statement update(db_.session());
    update << db_.dialect().sql(
        "UPDATE feed_tokens SET revoked_at = ? WHERE id = ? AND unit = ? AND revoked_at IS NULL"),
        bind(timestamp_text(db_.now())), bind(id), bind(unit);
    if (update.execute() == 0) return false;
    AuditLog(db_).append({0, db_.now(), actor, "revoke", "feed_token", std::to_string(id),
                          json_object({{"unit", unit}}), std::nullopt});
    bump(db_, Data::tokens);
    transaction.commit();
    return true;
  } catch (...) {
    rethrow_with_context("cannot revoke feed token " + std::to_string(id) + " in '" + db_.name() + "'");
  }
}

std::optional<FeedTokenRepository::Match> FeedTokenRepository::resolve(std::string_view token) {
  std::vector<std::int64_t> ids;
  std::vector<std::string> units;
  db_.session() << db_.dialect().sql("SELECT id, unit FROM feed_tokens WHERE hash = ? AND revoked_at IS NULL"),
      bind(hash(token)), into(ids), into(units), now;
  if (ids.empty()) return std::nullopt;
  return Match{ids.front(), units.front()};
}

std::vector<std::pair<std::string, FeedTokenRepository::Match>> FeedTokenRepository::live_by_hash() {
  std::vector<std::string> hashes, units;
  std::vector<std::int64_t> ids;
  db_.session() << "SELECT hash, id, unit FROM feed_tokens WHERE revoked_at IS NULL", into(hashes), into(ids),
      into(units), now;
  std::vector<std::pair<std::string, Match>> live;
  for (std::size_t i = 0; i < hashes.size(); ++i) live.push_back({hashes[i], {ids[i], units[i]}});
  return live;
}

std::vector<FeedToken> FeedTokenRepository::list(const std::string& unit) {
  std::vector<std::int64_t> ids, counts;
  std::vector<std::string> units, labels, created, creators;
  std::vector<Poco::Nullable<std::string>> revoked, fetched, agents;
  Statement select(db_.session());
  select << db_.dialect().sql(
      "SELECT id, unit, label, created_at, created_by, revoked_at, last_fetched_at, last_user_agent, fetch_count "
      "FROM feed_tokens" + std::string(unit.empty() ? "" : " WHERE unit = ?") + " ORDER BY id"),
      into(ids), into(units), into(labels), into(created), into(creators), into(revoked), into(fetched), into(agents),
      into(counts);
  if (!unit.empty()) select.addBind(bind(unit));
  select.execute();
  std::vector<FeedToken> tokens;
  for (std::size_t i = 0; i < ids.size(); ++i)
    tokens.push_back({ids[i], units[i], labels[i], timestamp_column(created[i], "feed_tokens.created_at"),
                      creators[i], optional_timestamp_column(revoked[i], "feed_tokens.revoked_at"),
                      optional_timestamp_column(fetched[i], "feed_tokens.last_fetched_at"),
                      agents[i].isNull() ? "" : agents[i].value(), counts[i]});
  return tokens;
}

void FeedTokenRepository::record_fetches(const std::vector<Fetch>& fetches) {
  if (fetches.empty()) return;
  try {
    Transaction transaction(db_);
    for (const auto& f : fetches)
      db_.session() << db_.dialect().sql(
          "UPDATE feed_tokens SET last_fetched_at = ?, last_user_agent = ?, fetch_count = fetch_count + ? "
          "WHERE id = ?"),
          bind(timestamp_text(f.at)), bind(f.user_agent), bind(f.count), bind(f.token_id), now;
    transaction.commit();
  } catch (...) {
    rethrow_with_context("cannot record feed fetches in '" + db_.name() + "'");
  }
}

}  // namespace cadence::store
