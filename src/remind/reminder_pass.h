#pragma once
// One pass of the reminder scheduler: decide what is due from the database (core), add the keys
// not yet in the outbox with their texts, then claim, send and mark. Every wake-up of `serve` and
// every `cadence remind` runs exactly this; nothing is kept between passes but the outbox.
#include "core/reminder_text.h"
#include "core/rule.h"
#include "core/unit_tree.h"
#include "core/work_calendar.h"
#include "mail/smtp_sender.h"
#include "store/change_counters.h"
#include "store/database.h"
#include "store/outbox.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace cadence::remind {

struct PassSettings {
  std::chrono::minutes send_time{9 * 60};  // local, in each unit's zone
  Language language = Language::zh;
  std::string public_url;
  std::chrono::seconds lease{300};  // a claim not marked by then is taken over
  int max_tries = 8;
  std::chrono::seconds first_backoff{60};  // doubled after each temporary failure
  int claim_batch = 50;
  std::size_t compose_chunk = 5000;  // reminders composed and added to the outbox at a time
};

struct PassSources {
  const std::vector<Rule>& rules;
  const WorkCalendar& calendar;
  const UnitTree& tree;
};

// Each chunk of new messages, composed (PassSettings::compose_chunk reminders at a time): a
// province's first pass composes hundreds of thousands, which held all at once took a gigabyte.
using TakeFresh = std::function<void(std::vector<store::OutboxMessage>& fresh)>;

// What is due at `now` and not yet in the outbox, with the texts the messages will carry, handed
// to `take` chunk by chunk; returns how many keys are due, old and new. Reads only:
// `cadence remind --dry-run` shows the chunks; a pass adds each to the outbox.
int decide(store::Database& db, const PassSources& sources, std::chrono::sys_seconds now, const PassSettings& settings,
           bool attach_versions, const TakeFresh& take);

// The same with the records given: `in.records` as read before `basis` (nullptr: a dry run);
// `db` is asked only for the outbox's keys and the feed items' versions.
int decide_with(store::Database& db, const ReminderInputs& in, std::chrono::sys_seconds now,
                const PassSettings& settings, const store::ChangeVersions* basis, const TakeFresh& take);

// Sends one message; `handover` as in mail::SmtpSender::send.
using Send = std::function<mail::Delivery(const mail::Message&, const std::function<bool()>& handover)>;

struct DeliveryReport {
  int sent = 0;
  int retried = 0;
  int failed = 0;
  int unconfirmed = 0;  // handed over twice without an answer: not sent a third time
};

// Claims due outbox rows batch by batch and sends them until none is left.
DeliveryReport deliver(store::Database& db, const Send& send, const mail::Mailbox& from,
                       const std::optional<mail::Mailbox>& reply_to, std::chrono::sys_seconds now,
                       const std::string& worker, const PassSettings& settings);

struct PassReport {
  int due = 0;
  int added = 0;
  int no_address = 0;  // of those added
  int failure_notices = 0;  // added for the units whose messages were given up on
  DeliveryReport delivery;
};

// decide, add what is new, deliver: what `cadence remind` and each wake-up of `serve` do.
PassReport run_pass(store::Database& db, const PassSources& sources, std::chrono::sys_seconds now,
                    const PassSettings& settings, mail::SmtpSender& sender, const mail::SmtpSettings& smtp,
                    const std::string& worker);

// A claimer's name, unique among the processes sharing a database: host, pid and a random part.
std::string worker_id();

}  // namespace cadence::remind
