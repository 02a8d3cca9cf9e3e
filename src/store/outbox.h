#pragma once
// The outbox: one row per reminder key, written by the pass that decided it, then claimed under a
// lease, sent and marked. A claim is a conditional update (FOR UPDATE SKIP LOCKED on PostgreSQL),
// so two processes never hold one row, and a row whose holder died is taken over once its lease
// expires: the only way a key goes out twice is that holder dying after the SMTP server may have
// accepted the message, which design.md allows (same Message-ID).
#include "store/database.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

namespace cadence::store {

// pending: to be sent at next_attempt; sending: claimed, lease running; sent; failed: given up
// (permanent refusal or too many tries); unconfirmed: handed to the server twice without an answer
// (the one resend design.md allows is spent, so it is not sent a third time); no_address: nobody
// to send it to (a unit without a secretary address), kept so that it is listed rather than
// silently skipped.
inline constexpr const char* kOutboxStatuses[] = {"pending", "sending", "sent", "failed", "unconfirmed", "no_address"};

struct OutboxMessage {
  std::int64_t id = 0;
  std::string key;
  std::string unit;
  std::string kind;
  std::vector<std::string> to;  // addresses; display names are the composer's
  std::string subject;
  std::string text;
  std::string html;
  std::string calendar;  // empty: none
  std::chrono::sys_seconds date{};  // the Date header: when the pass decided it
  std::string zone;
  std::string status = "pending";
  int tries = 0;
  // Deliveries that may have reached the server, whose answer was never read (the process died
  // or the connection dropped after the message's bytes went out): one is resent, two are enough.
  int unconfirmed_sends = 0;
  std::chrono::sys_seconds next_attempt{};
  std::string last_reply;
  std::chrono::sys_seconds created{};
  std::optional<std::chrono::sys_seconds> sent_at;
  std::string reported_in;  // failed or unconfirmed: the failure notice that listed it ('' none yet)
};

class Outbox {
 public:
  explicit Outbox(Database& db) : db_(db) {}

  // Which of `keys` have a row already (chunked IN lists: a pass asks about many).
  std::unordered_set<std::string> existing_keys(std::span<const std::string> keys);
  // Adds the messages whose key has no row yet, in one transaction; returns how many were new.
  int add(std::span<const OutboxMessage> messages);
  // Claims up to `limit` rows that are due (pending, next attempt at or before `due_by`, by
  // default `now`) or whose holder's lease expired by `now`, for `worker` until now + lease;
  // each claim counts as a try.
  std::vector<OutboxMessage> claim(const std::string& worker, int limit, std::chrono::sys_seconds now,
                                   std::chrono::seconds lease, std::optional<std::chrono::sys_seconds> due_by = {});
  // Just before the message's bytes go out, in its own committed statement: from here on the
  // server may have it. False (send nothing) when `worker` no longer holds the row.
  bool note_handover(std::int64_t id, const std::string& worker);
  // The marks apply only to a row `worker` still holds. `answered`: the server replied to a
  // handover noted in this try, whose outcome is therefore known (the count goes back down).
  void mark_sent(std::int64_t id, const std::string& worker, const std::string& reply, std::chrono::sys_seconds now,
                 bool answered);
  void mark_retry(std::int64_t id, const std::string& worker, const std::string& reply,
                  std::chrono::sys_seconds next_attempt, bool answered);
  void mark_failed(std::int64_t id, const std::string& worker, const std::string& reply, bool answered);
  void mark_unconfirmed(std::int64_t id, const std::string& worker, const std::string& reply);

  // Failed and unconfirmed rows no failure notice has listed yet (notices themselves excepted).
  std::vector<OutboxMessage> unreported_failures();
  // Adds the failure notice `notice` and marks `listed` as reported in it, in one transaction;
  // false, marking nothing, when a notice with its key exists already (one per unit and day).
  bool add_failure_notice(const OutboxMessage& notice, std::span<const std::int64_t> listed);

  std::vector<OutboxMessage> list(const std::optional<std::string>& status);
  // The newest `limit` emails about `unit` (its key's UNIT), newest first.
  std::vector<OutboxMessage> of_unit(const std::string& unit, std::size_t limit);
  std::optional<OutboxMessage> find(std::int64_t id);
  // A failed or unconfirmed row back to pending with its tries reset; false when there is none `id`.
  bool retry(std::int64_t id, std::chrono::sys_seconds now);

 private:
  std::vector<OutboxMessage> select(const std::string& where, const std::vector<std::string>& values);

  Database& db_;
};

// Digests turned off per unit (design: digests can be, mandatory reminders cannot).
class DigestOptouts {
 public:
  explicit DigestOptouts(Database& db) : db_(db) {}
  std::unordered_set<std::string> units();
  // Returns whether anything changed.
  bool set(const std::string& unit, bool digests_on, const std::string& actor);

 private:
  Database& db_;
};

}  // namespace cadence::store
