// cadence serve [--listen HOST:PORT]
#include "cli/commands/commands.h"
#include "cli/workspace.h"
#include "web/server.h"

#include <charconv>

namespace cadence::cli {

int run_serve(const Invocation& inv) {
  inv.args.allow({"listen"});
  inv.args.expect_positionals(1, "cadence serve [--listen HOST:PORT]");
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
  config.cache_bytes = static_cast<std::size_t>(inv.settings.cache_mb) << 20;
  config.db_pool_size = static_cast<std::size_t>(s.db_pool_size > 0 ? s.db_pool_size : s.workers + 1);
  config.change_poll = std::chrono::milliseconds{s.change_poll_ms};
  config.refresh = std::chrono::minutes{inv.settings.refresh_minutes};
  config.subtree_max_units = static_cast<std::size_t>(inv.settings.subtree_max_units);
  config.timezone = inv.settings.timezone;
  config.rules = load_rules(inv);
  config.calendar = load_calendar(inv);
  // The feeds show this year and the next: say once, at start, which of them are provisional.
  const date::year_month_day today{local_today(inv.now, inv.settings.timezone)};
  warn_missing_schedules(inv, config.calendar, Day{today.year() / 1 / 1}, Day{(today.year() + date::years{1}) / 12 / 31});
  // Opened once here so that a bad --db fails before the port is taken, with its message.
  open_database(inv, store::Access::existing);
  return web::run_server(std::move(config), inv.err);
}

}  // namespace cadence::cli
