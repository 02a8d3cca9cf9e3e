// cadence outbox list [--status S] | show ID | retry ID
#include "cli/commands/commands.h"
#include "cli/text_table.h"
#include "cli/workspace.h"
#include "core/diagnostic.h"
#include "store/columns.h"
#include "store/outbox.h"

#include <algorithm>
#include <charconv>

namespace cadence::cli {

namespace {

const char* kUsage = "cadence outbox list [--status pending|sending|sent|failed|unconfirmed|no_address] | show ID | retry ID";

std::int64_t id_argument(const Invocation& inv) {
  inv.args.expect_positionals(3, kUsage);
  const auto& text = inv.args.positionals()[2];
  std::int64_t id = 0;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), id);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size() || id <= 0)
    throw UsageError("outbox: ID must be a message number from `cadence outbox list`, not '" + text + "'");
  return id;
}

std::string recipients(const store::OutboxMessage& m) {
  std::string to;
  for (const auto& a : m.to) to += (to.empty() ? "" : ", ") + a;
  return to.empty() ? "(no address)" : to;
}

int list(const Invocation& inv) {
  inv.args.expect_positionals(2, kUsage);
  const auto status = inv.args.option("status");
  if (status && std::find_if(std::begin(store::kOutboxStatuses), std::end(store::kOutboxStatuses),
                             [&](const char* s) { return *status == s; }) == std::end(store::kOutboxStatuses))
    throw UsageError("--status must be one of pending, sending, sent, failed, unconfirmed, no_address; not '" + *status + "'");
  auto db = open_database(inv, store::Access::read_only);
  TextTable table({"id", "status", "tries", "key", "to", "subject"});
  for (const auto& m : store::Outbox(*db).list(status))
    table.add({std::to_string(m.id), m.status, std::to_string(m.tries), m.key, recipients(m), m.subject});
  table.print(inv.out);
  return 0;
}

int show(const Invocation& inv) {
  const auto id = id_argument(inv);
  auto db = open_database(inv, store::Access::read_only);
  const auto m = store::Outbox(*db).find(id);
  if (!m) throw InputError("outbox: no message " + std::to_string(id));
  inv.out << "id: " << m->id << "\nkey: " << m->key << "\nunit: " << m->unit << "\nkind: " << m->kind
          << "\nstatus: " << m->status << "\ntries: " << m->tries << "\nto: " << recipients(*m)
          << "\ndate: " << store::timestamp_text(m->date) << "\nnext attempt: " << store::timestamp_text(m->next_attempt)
          << "\nsent: " << (m->sent_at ? store::timestamp_text(*m->sent_at) : "-") << "\nlast reply: " << m->last_reply
          << "\nsubject: " << m->subject << "\n\n" << m->text;
  if (!m->calendar.empty()) inv.out << "\n" << m->calendar;
  return 0;
}

int retry(const Invocation& inv) {
  const auto id = id_argument(inv);
  auto db = open_database(inv, store::Access::existing);
  wait_for_other_writers(inv, *db);
  if (!store::Outbox(*db).retry(id, date::floor<std::chrono::seconds>(inv.now)))
    throw InputError("outbox: message " + std::to_string(id) + " has not failed; only a failed or unconfirmed message is retried");
  inv.out << "message " << id << " will be sent again on the next pass\n";
  return 0;
}

}  // namespace

int run_outbox(const Invocation& inv) {
  inv.args.allow({"status"});
  const auto& p = inv.args.positionals();
  if (p.size() < 2) throw UsageError(std::string("usage: ") + kUsage);
  if (p[1] == "list") return list(inv);
  if (p[1] == "show") return show(inv);
  if (p[1] == "retry") return retry(inv);
  throw UsageError("outbox: unknown action '" + p[1] + "'; usage: " + kUsage);
}

}  // namespace cadence::cli
