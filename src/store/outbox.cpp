#include "store/outbox.h"

#include "store/columns.h"
#include "store/store_error.h"

#include <Poco/Data/Statement.h>

#include <algorithm>

namespace cadence::store {

using Poco::Data::Statement;
using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

namespace {

constexpr std::size_t kKeysPerQuery = 500;

const char* kColumns =
    "id, message_key, unit, kind, recipients, subject, text_body, html_body, calendar, message_date, zone, "
    "status, tries, unconfirmed_sends, next_attempt_at, last_reply, created_at, sent_at, reported_in";

std::string placeholders(std::size_t n) {
  std::string p;
  for (std::size_t i = 0; i < n; ++i) p += i ? ", ?" : "?";
  return p;
}

}  // namespace

std::unordered_set<std::string> Outbox::existing_keys(std::span<const std::string> keys) {
  try {
    std::unordered_set<std::string> found;
    for (std::size_t first = 0; first < keys.size(); first += kKeysPerQuery) {
      const auto chunk = keys.subspan(first, std::min(kKeysPerQuery, keys.size() - first));
      std::vector<std::string> rows;
      Statement select(db_.session());
      select << db_.dialect().sql("SELECT message_key FROM outbox WHERE message_key IN (" + placeholders(chunk.size()) + ")"),
          into(rows);
      for (const auto& k : chunk) select.addBind(bind(k));
      select.execute();
      found.insert(rows.begin(), rows.end());
    }
    return found;
  } catch (...) {
    rethrow_with_context("cannot read the outbox of '" + db_.name() + "'");
  }
}

int Outbox::add(std::span<const OutboxMessage> messages) {
  if (messages.empty()) return 0;
  try {
    // A first pass over a province adds a million rows: on SQLite, column vectors bound to one
    // prepared statement (parsing it per row would cost more than the rows); on PostgreSQL,
    // statements of a few hundred rows each (Dialect::rows_per_insert).
    std::vector<std::string> key, unit, kind, to, subject, text, html, calendar, date, zone, status, next, created;
    for (const auto& m : messages) {
      key.push_back(m.key);
      unit.push_back(m.unit);
      kind.push_back(m.kind);
      to.push_back(join_list(m.to));
      subject.push_back(m.subject);
      text.push_back(m.text);
      html.push_back(m.html);
      calendar.push_back(m.calendar);
      date.push_back(timestamp_text(m.date));
      zone.push_back(m.zone);
      status.push_back(m.to.empty() ? "no_address" : "pending");
      next.push_back(timestamp_text(m.next_attempt));
      created.push_back(timestamp_text(m.created));
    }
    const char* insert_into =
        "INSERT INTO outbox (message_key, unit, kind, recipients, subject, text_body, html_body, calendar, "
        "message_date, zone, status, tries, unconfirmed_sends, next_attempt_at, last_reply, created_at, sent_at, "
        "lease_until, claimed_by) VALUES ";
    const char* row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, '', ?, '', '', '')";
    const char* on_conflict = " ON CONFLICT (message_key) DO NOTHING";
    Transaction transaction(db_);
    std::size_t added = 0;
    const auto per_insert = db_.dialect().rows_per_insert;
    if (per_insert <= 1) {
      Statement insert(db_.session());
      insert << db_.dialect().sql(std::string(insert_into) + row + on_conflict), use(key), use(unit), use(kind),
          use(to), use(subject), use(text), use(html), use(calendar), use(date), use(zone), use(status), use(next),
          use(created);
      added = insert.execute();
    } else {
      // Multi-row statements: one round trip per `per_insert` rows, and one count for them all.
      for (std::size_t first = 0; first < key.size(); first += per_insert) {
        const auto n = std::min(per_insert, key.size() - first);
        std::string sql = insert_into;
        for (std::size_t i = 0; i < n; ++i) sql += (i ? ", " : "") + std::string(row);
        Statement insert(db_.session());
        insert << db_.dialect().sql(sql + on_conflict);
        for (std::size_t i = first; i < first + n; ++i)
          for (auto* column : {&key, &unit, &kind, &to, &subject, &text, &html, &calendar, &date, &zone, &status, &next,
                               &created})
            insert.addBind(bind((*column)[i]));
        added += insert.execute();
      }
    }
    transaction.commit();
    return static_cast<int>(added);
  } catch (...) {
    rethrow_with_context("cannot add to the outbox of '" + db_.name() + "'");
  }
}

std::vector<OutboxMessage> Outbox::claim(const std::string& worker, int limit, std::chrono::sys_seconds at,
                                         std::chrono::seconds lease, std::optional<std::chrono::sys_seconds> due_by) {
  try {
    const auto now_text = timestamp_text(at);
    const auto due_text = timestamp_text(due_by.value_or(at));
    const auto until = timestamp_text(at + lease);
    // PostgreSQL: rows another claimer has locked are skipped, not waited for. SQLite has one
    // writer at a time, so the conditional update alone decides.
    const std::string lock = db_.dialect().backend == Backend::postgresql ? " FOR UPDATE SKIP LOCKED" : "";
    Transaction transaction(db_);
    std::vector<std::int64_t> ids;
    db_.session() << db_.dialect().sql(
        "UPDATE outbox SET status = 'sending', claimed_by = ?, lease_until = ?, tries = tries + 1 "
        "WHERE id IN (SELECT id FROM outbox WHERE (status = 'pending' AND next_attempt_at <= ?) "
        "OR (status = 'sending' AND lease_until < ?) ORDER BY id LIMIT ?" + lock + ") RETURNING id"),
        bind(worker), bind(until), bind(due_text), bind(now_text), bind(limit), into(ids), now;
    // The ids are the database's own integers: written into the statement, they need no binding.
    std::string list;
    for (const auto id : ids) list += (list.empty() ? "" : ", ") + std::to_string(id);
    auto claimed = ids.empty() ? std::vector<OutboxMessage>{} : select("id IN (" + list + ")", {});
    transaction.commit();
    return claimed;
  } catch (...) {
    rethrow_with_context("cannot claim messages in the outbox of '" + db_.name() + "'");
  }
}

bool Outbox::note_handover(std::int64_t id, const std::string& worker) {
  try {
    Statement update(db_.session());
    update << db_.dialect().sql(
        "UPDATE outbox SET unconfirmed_sends = unconfirmed_sends + 1 "
        "WHERE id = ? AND claimed_by = ? AND status = 'sending'"),
        bind(id), bind(worker);
    return update.execute() > 0;
  } catch (...) {
    rethrow_with_context("cannot note the handover of outbox message " + std::to_string(id));
  }
}

void Outbox::mark_sent(std::int64_t id, const std::string& worker, const std::string& reply,
                       std::chrono::sys_seconds at, bool answered) {
  try {
    db_.session() << db_.dialect().sql(
        "UPDATE outbox SET status = 'sent', sent_at = ?, last_reply = ?, lease_until = '', "
        "unconfirmed_sends = unconfirmed_sends - ? WHERE id = ? AND claimed_by = ? AND status = 'sending'"),
        bind(timestamp_text(at)), bind(reply), bind(answered ? 1 : 0), bind(id), bind(worker), now;
  } catch (...) {
    rethrow_with_context("cannot mark outbox message " + std::to_string(id) + " sent");
  }
}

void Outbox::mark_retry(std::int64_t id, const std::string& worker, const std::string& reply,
                        std::chrono::sys_seconds next_attempt, bool answered) {
  try {
    db_.session() << db_.dialect().sql(
        "UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_reply = ?, lease_until = '', "
        "unconfirmed_sends = unconfirmed_sends - ? WHERE id = ? AND claimed_by = ? AND status = 'sending'"),
        bind(timestamp_text(next_attempt)), bind(reply), bind(answered ? 1 : 0), bind(id), bind(worker), now;
  } catch (...) {
    rethrow_with_context("cannot reschedule outbox message " + std::to_string(id));
  }
}

void Outbox::mark_failed(std::int64_t id, const std::string& worker, const std::string& reply, bool answered) {
  try {
    db_.session() << db_.dialect().sql(
        "UPDATE outbox SET status = 'failed', last_reply = ?, lease_until = '', "
        "unconfirmed_sends = unconfirmed_sends - ? WHERE id = ? AND claimed_by = ? AND status = 'sending'"),
        bind(reply), bind(answered ? 1 : 0), bind(id), bind(worker), now;
  } catch (...) {
    rethrow_with_context("cannot mark outbox message " + std::to_string(id) + " failed");
  }
}

void Outbox::mark_unconfirmed(std::int64_t id, const std::string& worker, const std::string& reply) {
  try {
    db_.session() << db_.dialect().sql(
        "UPDATE outbox SET status = 'unconfirmed', last_reply = ?, lease_until = '' "
        "WHERE id = ? AND claimed_by = ? AND status = 'sending'"),
        bind(reply), bind(id), bind(worker), now;
  } catch (...) {
    rethrow_with_context("cannot mark outbox message " + std::to_string(id) + " unconfirmed");
  }
}

std::vector<OutboxMessage> Outbox::unreported_failures() {
  try {
    return select("reported_in = '' AND status IN ('failed', 'unconfirmed') AND kind <> 'failures'", {});
  } catch (...) {
    rethrow_with_context("cannot read the outbox of '" + db_.name() + "'");
  }
}

bool Outbox::add_failure_notice(const OutboxMessage& notice, std::span<const std::int64_t> listed) {
  try {
    Transaction transaction(db_);
    // On PostgreSQL a second process adding the same key waits here for the first to commit, then
    // adds nothing and marks nothing: what only it saw waits for the next day's notice.
    if (add(std::span(&notice, 1)) == 0) return false;
    std::string ids;
    for (const auto id : listed) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
    if (!ids.empty())
      db_.session() << db_.dialect().sql("UPDATE outbox SET reported_in = ? WHERE reported_in = '' AND id IN (" + ids + ")"),
          bind(notice.key), now;
    transaction.commit();
    return true;
  } catch (...) {
    rethrow_with_context("cannot add a failure notice to the outbox of '" + db_.name() + "'");
  }
}

std::vector<OutboxMessage> Outbox::list(const std::optional<std::string>& status) {
  try {
    return status ? select("status = ?", {*status}) : select("1 = 1", {});
  } catch (...) {
    rethrow_with_context("cannot read the outbox of '" + db_.name() + "'");
  }
}

std::vector<OutboxMessage> Outbox::of_unit(const std::string& unit, std::size_t limit) {
  try {
    auto rows = select("id IN (SELECT id FROM outbox WHERE unit = ? ORDER BY id DESC LIMIT " + std::to_string(limit) + ")",
                       {unit});
    std::reverse(rows.begin(), rows.end());
    return rows;
  } catch (...) {
    rethrow_with_context("cannot read the outbox of '" + db_.name() + "'");
  }
}

std::optional<OutboxMessage> Outbox::find(std::int64_t id) {
  try {
    auto rows = select("id = " + std::to_string(id), {});
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  } catch (...) {
    rethrow_with_context("cannot read the outbox of '" + db_.name() + "'");
  }
}

bool Outbox::retry(std::int64_t id, std::chrono::sys_seconds at) {
  try {
    Statement update(db_.session());
    update << db_.dialect().sql(
        "UPDATE outbox SET status = 'pending', tries = 0, unconfirmed_sends = 0, reported_in = '', "
        "next_attempt_at = ?, claimed_by = '' WHERE id = ? AND status IN ('failed', 'unconfirmed')"),
        bind(timestamp_text(at)), bind(id);
    const auto changed = update.execute();
    return changed > 0;
  } catch (...) {
    rethrow_with_context("cannot retry outbox message " + std::to_string(id));
  }
}

std::vector<OutboxMessage> Outbox::select(const std::string& where, const std::vector<std::string>& values) {
  std::vector<std::int64_t> id;
  std::vector<int> tries, unconfirmed;
  std::vector<std::string> key, unit, kind, to, subject, text, html, calendar, date, zone, status, next, reply, created,
      sent, reported;
  Statement s(db_.session());
  s << db_.dialect().sql(std::string("SELECT ") + kColumns + " FROM outbox WHERE " + where + " ORDER BY id"), into(id),
      into(key), into(unit), into(kind), into(to), into(subject), into(text), into(html), into(calendar), into(date),
      into(zone), into(status), into(tries), into(unconfirmed), into(next), into(reply), into(created), into(sent),
      into(reported);
  for (const auto& v : values) s.addBind(bind(v));
  s.execute();
  std::vector<OutboxMessage> out(id.size());
  for (std::size_t i = 0; i < id.size(); ++i) {
    auto& m = out[i];
    m.id = id[i];
    m.key = key[i];
    m.unit = unit[i];
    m.kind = kind[i];
    m.to = split_list(to[i]);
    m.subject = subject[i];
    m.text = text[i];
    m.html = html[i];
    m.calendar = calendar[i];
    m.date = timestamp_column(date[i], "outbox.message_date");
    m.zone = zone[i];
    m.status = status[i];
    m.tries = tries[i];
    m.unconfirmed_sends = unconfirmed[i];
    m.next_attempt = timestamp_column(next[i], "outbox.next_attempt_at");
    m.last_reply = reply[i];
    m.created = timestamp_column(created[i], "outbox.created_at");
    if (!sent[i].empty()) m.sent_at = timestamp_column(sent[i], "outbox.sent_at");
    m.reported_in = reported[i];
  }
  return out;
}

std::unordered_set<std::string> DigestOptouts::units() {
  try {
    std::vector<std::string> rows;
    db_.session() << "SELECT unit FROM digest_optouts", into(rows), now;
    return {rows.begin(), rows.end()};
  } catch (...) {
    rethrow_with_context("cannot read the digest settings of '" + db_.name() + "'");
  }
}

bool DigestOptouts::set(const std::string& unit, bool digests_on, const std::string& actor) {
  try {
    Statement s(db_.session());
    if (digests_on)
      s << db_.dialect().sql("DELETE FROM digest_optouts WHERE unit = ?"), bind(unit);
    else
      s << db_.dialect().sql("INSERT INTO digest_optouts (unit, changed_at, changed_by) VALUES (?, ?, ?) "
                             "ON CONFLICT (unit) DO NOTHING"),
          bind(unit), bind(timestamp_text(db_.now())), bind(actor);
    return s.execute() > 0;
  } catch (...) {
    rethrow_with_context("cannot change the digest settings of unit '" + unit + "'");
  }
}

}  // namespace cadence::store
