// cadence serve [--listen HOST:PORT]
#include "cli/commands/commands.h"
#include "cli/mail_setup.h"
#include "cli/workspace.h"
#include "remind/reminder_pass.h"
#include "web/server.h"

#include <charconv>
#include <memory>

namespace cadence::cli {

namespace {

// Each wake-up opens its own connection (the scheduler has its own thread) and reads the units
// afresh; one SMTP sender keeps its connection across passes. Without an SMTP server, no pass.
std::function<void(std::chrono::system_clock::time_point)> reminder_pass(const Invocation& inv,
                                                                        const web::ServerConfig& config) {
  if (inv.settings.smtp_url.empty()) {
    inv.err << "cadence serve: reminders off: no SMTP server configured ([mail] smtp or --smtp)" << std::endl;
    return {};
  }
  const auto smtp = smtp_settings(inv.settings);
  const auto settings = pass_settings(inv.settings);
  auto sender = std::make_shared<mail::SmtpSender>(smtp);
  const auto worker = remind::worker_id();
  return [db_uri = inv.settings.db, rules = config.rules, calendar = config.calendar, smtp, settings, sender, worker,
          &log = inv.err](std::chrono::system_clock::time_point now) {
    store::Database db(db_uri, store::Access::existing);
    const auto tree = load_unit_tree(db);
    const remind::PassSources sources{rules, calendar, tree};
    const auto report =
        remind::run_pass(db, sources, date::floor<std::chrono::seconds>(now), settings, *sender, smtp, worker);
    const auto& d = report.delivery;
    if (report.added > 0 || d.sent > 0 || d.failed > 0 || d.unconfirmed > 0)
      log << "cadence serve: reminders: " << report.added << " new, " << d.sent << " sent, " << d.retried
          << " to retry, " << d.failed << " failed, " << d.unconfirmed << " unconfirmed, " << report.failure_notices
          << " failure notices" << std::endl;
  };
}

}  // namespace

int run_serve(const Invocation& inv) {
  inv.args.allow({"listen", "remind-from"});
  inv.args.expect_positionals(1, "cadence serve [--listen HOST:PORT] [--remind-from YYYY-MM-DDTHH:MM[±HH:MM]]");
  const auto& listen = inv.settings.listen;
  const auto colon = listen.rfind(':');
  int port = 0;
  const char* digits = colon == std::string::npos ? nullptr : listen.data() + colon + 1;
  if (!digits || std::from_chars(digits, listen.data() + listen.size(), port).ptr != listen.data() + listen.size() ||
      port < 0 || port > 65535 || colon == 0)
    throw UsageError("--listen '" + listen + "' is not HOST:PORT (e.g. 127.0.0.1:8080)");

  web::ServerConfig config;
  config.db = inv.settings.db;
  config.host = listen.substr(0, colon);
  if (config.host.size() > 2 && config.host.front() == '[' && config.host.back() == ']')
    config.host = config.host.substr(1, config.host.size() - 2);
  config.port = static_cast<std::uint16_t>(port);
  const auto& s = inv.settings;
  config.workers = s.workers;
  config.header_timeout = std::chrono::seconds{s.header_timeout_seconds};
  config.body_timeout = std::chrono::seconds{s.body_timeout_seconds};
  config.send_timeout = std::chrono::seconds{s.send_timeout_seconds};
  config.keep_alive = std::chrono::seconds{s.keep_alive_seconds};
  config.max_connections = static_cast<std::size_t>(s.max_connections);
  config.stop_timeout = std::chrono::seconds{s.stop_timeout_seconds};
  config.io_threads = s.event_loops;
  config.cache_bytes = static_cast<std::size_t>(inv.settings.cache_mb) << 20;
  config.compliance_cache_bytes = static_cast<std::size_t>(s.compliance_cache_mb) << 20;
  config.report_cache_bytes = static_cast<std::size_t>(s.report_cache_mb) << 20;
  config.kept_records_max = static_cast<std::size_t>(s.kept_records_max);
  config.db_pool_size = static_cast<std::size_t>(s.db_pool_size > 0 ? s.db_pool_size : s.workers + 1);
  config.change_poll = std::chrono::milliseconds{s.change_poll_ms};
  config.refresh = std::chrono::minutes{inv.settings.refresh_minutes};
  config.subtree_max_units = static_cast<std::size_t>(inv.settings.subtree_max_units);
  config.timezone = inv.settings.timezone;
  config.accounts = {std::chrono::minutes{s.session_idle_minutes}, std::chrono::hours{s.session_absolute_hours},
                     s.trusted_proxies};
  config.rules = load_rules(inv);
  config.calendar = load_calendar(inv);
  // The feeds show this year and the next: say once, at start, which of them are provisional.
  const date::year_month_day today{local_today(inv.now, inv.settings.timezone)};
  warn_missing_schedules(inv, config.calendar, Day{today.year() / 1 / 1}, Day{(today.year() + date::years{1}) / 12 / 31});
  // Opened once here so that a bad --db fails before the port is taken, with its message.
  open_database(inv, store::Access::existing);
  config.reminder_pass = reminder_pass(inv, config);
  if (config.reminder_pass) config.reminder_send_time = pass_settings(inv.settings).send_time;
  config.reminder_interval = std::chrono::seconds{s.remind_interval_seconds};
  if (const auto from = inv.args.option("remind-from")) config.reminder_clock_from = parse_now(*from, s.timezone);
  return web::run_server(std::move(config), inv.err);
}

}  // namespace cadence::cli
