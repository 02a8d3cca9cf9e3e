// cadence remind [--now YYYY-MM-DDTHH:MM[±HH:MM]] [--dry-run]: one pass of the reminder scheduler.
#include "cli/commands/commands.h"
#include "cli/mail_setup.h"
#include "cli/workspace.h"
#include "core/diagnostic.h"
#include "remind/reminder_pass.h"

namespace cadence::cli {

namespace {

void show(const Invocation& inv, const std::vector<store::OutboxMessage>& fresh) {
  for (const auto& m : fresh) {
    std::string to;
    for (const auto& a : m.to) to += (to.empty() ? "" : ", ") + a;
    inv.out << m.key << "\t" << (to.empty() ? "(no address)" : to) << "\t" << m.subject << "\n";
  }
}

}  // namespace

int run_remind(const Invocation& inv) {
  inv.args.allow({"now", "dry-run", "smtp", "smtp-from", "smtp-user", "smtp-password-file"});
  inv.args.expect_positionals(1, "cadence remind [--now YYYY-MM-DDTHH:MM[±HH:MM]] [--dry-run]");
  const bool dry = inv.args.flag("dry-run");
  const auto now = inv.args.option("now") ? parse_now(*inv.args.option("now"), inv.settings.timezone)
                                          : date::floor<std::chrono::seconds>(inv.now);
  const auto settings = pass_settings(inv.settings);
  std::optional<mail::SmtpSettings> smtp;
  if (!dry) smtp = smtp_settings(inv.settings);
  const auto rules = load_rules(inv);
  const auto calendar = load_calendar(inv);
  auto db = open_database(inv, dry ? store::Access::read_only : store::Access::existing);
  if (!dry) wait_for_other_writers(inv, *db);
  const auto tree = load_unit_tree(*db);
  const remind::PassSources sources{rules, calendar, tree};
  if (dry) {
    std::size_t fresh = 0;
    const int due = remind::decide(*db, sources, now, settings, false, [&](std::vector<store::OutboxMessage>& chunk) {
      show(inv, chunk);
      fresh += chunk.size();
    });
    inv.err << "remind (dry run): " << due << " due, " << fresh << " not yet in the outbox\n";
    return 0;
  }
  mail::SmtpSender sender(*smtp);
  const auto report = remind::run_pass(*db, sources, now, settings, sender, *smtp, remind::worker_id());
  sender.close();
  inv.err << "remind: " << report.due << " due, " << report.added << " new (" << report.no_address
          << " without an address), " << report.delivery.sent << " sent, " << report.delivery.retried << " to retry, "
          << report.delivery.failed << " failed, " << report.delivery.unconfirmed << " unconfirmed, "
          << report.failure_notices << " failure notices\n";
  return report.delivery.failed + report.delivery.unconfirmed > 0 ? 1 : 0;
}

}  // namespace cadence::cli
