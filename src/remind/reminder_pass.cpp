#include "remind/reminder_pass.h"

#include "core/record_index.h"
#include "core/reminder_schedule.h"
#include "remind/failure_notices.h"
#include "remind/reminder_attachment.h"
#include "store/record_repository.h"

#include <date/tz.h>

#include <chrono>
#include <random>
#include <unistd.h>
#include <unordered_map>

namespace cadence::remind {

namespace {

// Records from the start of the previous year (the earliest period a pass judges) to today.
RecordIndex load_records(store::Database& db, const PassSources& s, Day from, Day to) {
  std::unordered_map<std::string_view, std::size_t> rule_index;
  for (std::size_t r = 0; r < s.rules.size(); ++r) rule_index.emplace(s.rules[r].id, r);
  std::unordered_map<std::string, std::optional<Day>> period_starts;
  RecordIndex index(s.tree.size(), s.rules.size());
  store::RecordRepository(db).scan(from, to, [&](std::string_view unit, std::string_view rule, Day date,
                                                 std::string_view tags, std::string_view period) {
    const auto u = s.tree.find(unit);
    const auto r = rule_index.find(rule);
    if (!u || r == rule_index.end()) return;
    std::optional<Day> names;
    if (!period.empty()) {
      auto [it, fresh] = period_starts.try_emplace(std::string(period));
      if (fresh) {
        const auto p = parse_period(period);
        it->second = p ? std::optional<Day>(p->start) : std::nullopt;
      }
      names = it->second;
    }
    index.add(*u, r->second, to_entry(s.rules[r->second], date, tags, names));
  });
  index.seal();
  return index;
}

std::vector<std::string> recipients(const Reminder& r, const UnitTree& tree) {
  const Unit& unit = tree.at(r.unit);
  const auto parent = tree.parent(r.unit);
  const std::vector<std::string> none;
  const auto& parent_admins = parent ? tree.at(*parent).admin_emails : none;
  std::vector<std::string> to;
  switch (audience_of(r.kind)) {
    case Audience::secretary:
      if (!unit.secretary_email.empty()) to.push_back(unit.secretary_email);
      break;
    case Audience::parent_admins: to = parent_admins; break;
    case Audience::own_admins: to = unit.admin_emails; break;
    case Audience::secretary_and_parent_admins:
      if (!unit.secretary_email.empty()) to.push_back(unit.secretary_email);
      to.insert(to.end(), parent_admins.begin(), parent_admins.end());
      break;
  }
  return to;
}

// The local moment in each zone, asked of the time-zone database once per zone.
class Moments {
 public:
  Moments(std::chrono::sys_seconds now, std::chrono::minutes send_time) : now_(now), send_time_(send_time) {}
  const ReminderMoment& of(const std::string& zone) {
    auto it = cache_.find(zone);
    if (it != cache_.end()) return it->second;
    const auto local = date::locate_zone(zone)->to_local(now_);
    const auto day = date::floor<date::days>(local);
    ReminderMoment m{Day{day.time_since_epoch()}, std::chrono::duration_cast<std::chrono::minutes>(local - day),
                     send_time_};
    return cache_.emplace(zone, m).first->second;
  }

 private:
  std::chrono::sys_seconds now_;
  std::chrono::minutes send_time_;
  std::unordered_map<std::string, ReminderMoment> cache_;
};

}  // namespace

namespace {

// The reminders of `due` with no outbox row yet, composed.
std::vector<store::OutboxMessage> compose_new(store::Database& db, const ReminderInputs& in,
                                              const std::vector<Reminder>& due, Moments& moments,
                                              std::chrono::sys_seconds now, const PassSettings& settings,
                                              const store::ChangeVersions* basis) {
  std::vector<std::string> keys;
  keys.reserve(due.size());
  for (const auto& r : due) keys.push_back(r.key);
  const auto existing = store::Outbox(db).existing_keys(keys);
  std::vector<store::OutboxMessage> fresh;
  for (const auto& r : due) {
    if (existing.contains(r.key)) continue;
    const Unit& unit = in.tree.at(r.unit);
    const TextContext context{in.rules, in.tree, settings.language, moments.of(unit.timezone).today, settings.public_url};
    auto text = reminder_text(r, context);
    store::OutboxMessage m;
    m.key = r.key;
    m.unit = unit.id;
    m.kind = std::string(to_string(r.kind));
    m.to = recipients(r, in.tree);
    m.subject = std::move(text.subject);
    m.text = std::move(text.text);
    m.html = std::move(text.html);
    m.calendar = attachment(db, in, r, context.today, basis);
    m.date = now;
    m.zone = unit.timezone;
    m.next_attempt = now;
    m.created = now;
    fresh.push_back(std::move(m));
  }
  return fresh;
}

}  // namespace

int decide_with(store::Database& db, const ReminderInputs& in, std::chrono::sys_seconds now,
                const PassSettings& settings, const store::ChangeVersions* basis, const TakeFresh& take) {
  Moments moments(now, settings.send_time);
  SlotPlans plans;
  std::vector<Reminder> due;
  int count = 0;
  const auto flush = [&] {
    auto fresh = compose_new(db, in, due, moments, now, settings, basis);
    due.clear();
    if (!fresh.empty()) take(fresh);
  };
  for (std::size_t u = 0; u < in.tree.size(); ++u) {
    auto found = reminders_due(in, u, moments.of(in.tree.at(u).timezone), plans);
    count += static_cast<int>(found.size());
    std::move(found.begin(), found.end(), std::back_inserter(due));
    if (due.size() >= settings.compose_chunk) flush();
  }
  flush();
  return count;
}

int decide(store::Database& db, const PassSources& s, std::chrono::sys_seconds now, const PassSettings& settings,
           bool attach_versions, const TakeFresh& take) {
  const date::year_month_day today{date::floor<date::days>(now)};
  // A day of slack either side: zones are at most a day off UTC.
  const Day from{(today.year() - date::years{1}) / 1 / 1};
  const Day to = Day{date::sys_days{today}.time_since_epoch()} + date::days{1};
  // Before the records are read: an attachment's version is settled only if they are still current.
  const auto basis = store::change_versions(db);
  const auto records = load_records(db, s, from, to);
  const EntriesOf entries = [&](std::size_t u, std::size_t r) { return records.of(u, r); };
  ReminderInputs in{s.rules, s.tree, entries, s.calendar};
  in.no_digests.assign(s.tree.size(), false);
  for (const auto& id : store::DigestOptouts(db).units())
    if (const auto u = s.tree.find(id)) in.no_digests[*u] = true;
  return decide_with(db, in, now, settings, attach_versions ? &basis : nullptr, take);
}

namespace {

mail::Message to_message(const store::OutboxMessage& row, const mail::Mailbox& from,
                         const std::optional<mail::Mailbox>& reply_to) {
  mail::Message m;
  m.key = row.key;
  m.from = from;
  m.reply_to = reply_to;
  for (const auto& address : row.to) m.to.push_back({"", address});
  m.subject = row.subject;
  m.text = row.text;
  m.html = row.html;
  if (!row.calendar.empty()) m.calendar = row.calendar;
  m.date = row.date;
  m.zone = date::locate_zone(row.zone);
  return m;
}

std::chrono::seconds backoff(const PassSettings& settings, int tries) {
  auto wait = settings.first_backoff;
  for (int i = 1; i < tries && wait < std::chrono::hours{24}; ++i) wait *= 2;
  return wait;
}

// The one resend design.md allows after an unknown outcome is spent once two handovers went
// unanswered: a third copy would break the promise, and the server most likely has the message.
// The row is kept as unconfirmed, listed by `cadence outbox list` and in the unit's failure notice.
constexpr int kMaxUnconfirmedSends = 2;

struct Attempt {
  const store::OutboxMessage& row;
  mail::Delivery delivery;
  bool handed_over = false;  // the bytes went out in this try (noted in the outbox first)
};

void settle(store::Outbox& outbox, const Attempt& a, std::chrono::sys_seconds now, const std::string& worker,
            const PassSettings& settings, DeliveryReport& report) {
  using mail::DeliveryResult;
  const auto& row = a.row;
  const auto& d = a.delivery;
  // Any reply from the server settles a handover; only an unknown outcome leaves it counted.
  const bool answered = a.handed_over && d.result != DeliveryResult::unknown;
  switch (d.result) {
    case DeliveryResult::sent: outbox.mark_sent(row.id, worker, d.reply, now, answered); ++report.sent; return;
    case DeliveryResult::permanent_failure:
      outbox.mark_failed(row.id, worker, d.reply, answered);
      ++report.failed;
      return;
    case DeliveryResult::unknown:
      // The server may have it: one resend with the same Message-ID, and no more.
      if (row.unconfirmed_sends + 1 >= kMaxUnconfirmedSends) {
        outbox.mark_unconfirmed(row.id, worker, "no answer after the message, twice: " + d.reply);
        ++report.unconfirmed;
      } else {
        outbox.mark_retry(row.id, worker, d.reply, now, false);
        ++report.retried;
      }
      return;
    case DeliveryResult::temporary_failure:
      if (row.tries >= settings.max_tries) {
        outbox.mark_failed(row.id, worker, "after " + std::to_string(row.tries) + " tries: " + d.reply, answered);
        ++report.failed;
      } else {
        outbox.mark_retry(row.id, worker, d.reply, now + backoff(settings, row.tries), answered);
        ++report.retried;
      }
      return;
  }
}

// One claimed row: not sent again when its resend is spent (a holder died after handing it over
// twice), else sent with its handover noted in the outbox just before the bytes go out.
void deliver_row(store::Outbox& outbox, const Send& send, const store::OutboxMessage& row, const mail::Mailbox& from,
                 const std::optional<mail::Mailbox>& reply_to, std::chrono::sys_seconds claimed_at,
                 const std::string& worker, const PassSettings& settings, DeliveryReport& report) {
  if (row.unconfirmed_sends >= kMaxUnconfirmedSends) {
    outbox.mark_unconfirmed(row.id, worker,
                            "handed to the server " + std::to_string(row.unconfirmed_sends) +
                                " times without an answer (the process stopped); not sent again");
    ++report.unconfirmed;
    return;
  }
  Attempt a{row, {}, false};
  const auto handover = [&] { return a.handed_over = outbox.note_handover(row.id, worker); };
  a.delivery = send(to_message(row, from, reply_to), handover);
  settle(outbox, a, claimed_at, worker, settings, report);
}

}  // namespace

DeliveryReport deliver(store::Database& db, const Send& send, const mail::Mailbox& from,
                       const std::optional<mail::Mailbox>& reply_to, std::chrono::sys_seconds now,
                       const std::string& worker, const PassSettings& settings) {
  store::Outbox outbox(db);
  DeliveryReport report;
  // The pass acts as of `now`, but sending takes real time (a rate limit makes a long pass): each
  // batch is claimed, and its lease runs, from the moment it is claimed, so a later batch is
  // never taken over by another process while this one is still sending it. What is due is
  // judged as of `now`, though: a row retried during this pass waits for a later one, instead
  // of a pass against a server that is down retrying, for as long as it runs, every row whose
  // backoff has passed meanwhile.
  const auto started = std::chrono::steady_clock::now();
  const auto at = [&] {
    return now + std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started);
  };
  for (;;) {
    const auto claimed_at = at();
    const auto batch = outbox.claim(worker, settings.claim_batch, claimed_at, settings.lease, now);
    if (batch.empty()) return report;
    for (const auto& row : batch) deliver_row(outbox, send, row, from, reply_to, claimed_at, worker, settings, report);
  }
}

PassReport run_pass(store::Database& db, const PassSources& sources, std::chrono::sys_seconds now,
                    const PassSettings& settings, mail::SmtpSender& sender, const mail::SmtpSettings& smtp,
                    const std::string& worker) {
  PassReport report;
  // Added chunk by chunk, each in its own transaction: a pass that dies between two has added
  // the first, and the next pass decides the rest again (keys make that idempotent).
  report.due = decide(db, sources, now, settings, true, [&](std::vector<store::OutboxMessage>& fresh) {
    report.added += store::Outbox(db).add(fresh);
    for (const auto& m : fresh) report.no_address += m.to.empty();
  });
  const Send send = [&](const mail::Message& m, const std::function<bool()>& handover) {
    return sender.send(m, handover);
  };
  report.delivery = deliver(db, send, smtp.from, smtp.reply_to, now, worker, settings);
  // What this pass (or an earlier one, or another process) gave up on is told the same pass.
  report.failure_notices = add_failure_notices(db, sources.tree, now, settings);
  if (report.failure_notices > 0) {
    const auto notices = deliver(db, send, smtp.from, smtp.reply_to, now, worker, settings);
    report.delivery.sent += notices.sent;
    report.delivery.retried += notices.retried;
    report.delivery.failed += notices.failed;
    report.delivery.unconfirmed += notices.unconfirmed;
  }
  return report;
}

std::string worker_id() {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  std::random_device random;
  return std::string(host) + ":" + std::to_string(::getpid()) + ":" + std::to_string(random());
}

}  // namespace cadence::remind
