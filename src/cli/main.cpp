// cadence: the subcommand table and the wiring from argv to a subcommand; nothing else.
#include "cli/arguments.h"
#include "cli/commands/commands.h"
#include "cli/db_password.h"
#include "cli/invocation.h"
#include "core/diagnostic.h"
#include "core/plain_text.h"
#include "store/store_error.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace {

using namespace cadence::cli;

struct Command {
  const char* name;
  const char* help;
  int (*run)(const Invocation&);
};

constexpr Command kCommands[] = {
    {"check", "compliance of every unit with every rule: check [--as-of D] [--unit ID] [--period ID] [--format json|table]", run_check},
    {"plan", "suggested dates for a unit's sessions: plan --unit ID --year YYYY [--format json|table|ics]", run_plan},
    {"feed", "a unit's calendar feed on stdout: feed --unit ID [--scope subtree] [--holidays] [--as-of D]", run_feed},
    {"serve", "the HTTP server for calendar feeds: serve [--listen HOST:PORT]", run_serve},
    {"token", "secret feed URLs: token issue --unit ID [--label T] | token revoke --unit ID --id N | token list [--unit ID]", run_token},
    {"units", "units import FILE.csv [--encoding gb18030] | units list", run_units},
    {"records",
     "records import FILE.csv | records import-ics --unit ID FILE.ics [--dry-run] [--as-of D] | "
     "records add --unit ID --rule R --date D … | records list --unit ID",
     run_records},
    {"rules", "rules lint [DIR] | rules list", run_rules},
    {"remind",
     "one pass of the reminder scheduler: remind [--now YYYY-MM-DDTHH:MM[±HH:MM]] [--dry-run] [--smtp URL] "
     "[--smtp-from ADDRESS] [--smtp-user NAME] [--smtp-password-file FILE]",
     run_remind},
    {"outbox", "reminder emails: outbox list [--status S] | outbox show ID | outbox retry ID", run_outbox},
    {"digests", "a unit's monthly and weekly digests: digests off --unit ID | digests on --unit ID | digests list",
     run_digests},
    {"db", "db check (schema version, rows, integrity) | db copy --from DB --to DB [--replace]", run_db},
};

// Options that take no value, for every subcommand.
const std::set<std::string> kFlags{"help", "dry-run", "holidays", "replace"};

void usage(std::ostream& out) {
  out << "usage: cadence COMMAND [options]\n\nCommands:\n";
  for (const auto& c : kCommands) out << "  " << c.name << "\t" << c.help << "\n";
  out << "\nGlobal options (before or after the command; also CADENCE_DB, CADENCE_RULES, CADENCE_CALENDARS,\n"
         "CADENCE_CONFIG in the environment or keys of the --config TOML file):\n"
         "  --db URI          SQLite file (default ./cadence.db) or postgresql://user@host:port/dbname\n"
         "  --db-password-file FILE  the PostgreSQL password, on the file's first line (also PGPASSWORD,\n"
         "                    ~/.pgpass; CADENCE_DB_PASSWORD_FILE); never in the URI\n"
         "  --db-wait SECONDS how long a writer waits while another writes (default 60; CADENCE_DB_WAIT)\n"
         "  --rules DIR       rule files (default ./rules)\n"
         "  --calendars DIR   work calendars (default ./calendars)\n"
         "  --config FILE     TOML configuration ([serve] listen, workers, header_timeout_seconds,\n"
         "                    body_timeout_seconds, send_timeout_seconds, keep_alive_seconds,\n"
         "                    max_connections, stop_timeout_seconds, cache_mb;\n"
         "                    [feeds] public_url, refresh_minutes, subtree_max_units;\n"
         "                    [mail] smtp, from, reply_to, user, password_file, auth, helo_name, ca_file,\n"
         "                    connect_timeout_seconds, command_timeout_seconds, max_per_connection,\n"
         "                    max_per_minute, language, send_time, lease_seconds, max_tries, backoff_seconds)\n"
         "\nExit codes: 0 ok, 1 a failure the message explains, 2 bad usage or bad input.\n";
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Arguments args(std::vector<std::string>(argv + 1, argv + argc), kFlags);
    if (args.positionals().empty() || args.flag("help")) {
      usage(args.positionals().empty() && !args.flag("help") ? std::cerr : std::cout);
      return args.flag("help") ? 0 : 2;
    }
    const auto& name = args.positionals().front();
    for (const auto& c : kCommands) {
      if (name != c.name) continue;
      const Invocation inv{args, resolve_settings(args, std::getenv), std::cout, std::cerr,
                           std::chrono::system_clock::now(), isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR")};
      use_db_password_file(inv.settings);
      return c.run(inv);
    }
    std::cerr << "cadence: unknown command '" << cadence::printable(name) << "'\n";
    usage(std::cerr);
    return 2;
  } catch (const UsageError& e) {
    std::cerr << "cadence: " << cadence::printable_lines(e.what()) << "\n";
    return 2;
  } catch (const cadence::InputError& e) {
    // Messages quote the bad input, which may hold the very control characters refused.
    std::cerr << cadence::printable_lines(e.what()) << "\n";
    return 2;
  } catch (const cadence::store::ImportItemError& e) {
    // The CLI checks input before the store sees it; this is the store's own guard.
    std::cerr << "cadence: " << cadence::printable_lines(e.what()) << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "cadence: " << cadence::printable_lines(e.what()) << "\n";
    return 1;
  }
}
