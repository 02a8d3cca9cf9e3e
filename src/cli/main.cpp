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
#include <string_view>

#ifndef CADENCE_VERSION
#define CADENCE_VERSION "unknown"
#endif

namespace {

using namespace cadence::cli;

// One entry per subcommand: its name, a line for `cadence --help`, and the whole of
// `cadence help NAME` (usage, arguments, options, examples), which the man page points to.
struct Command {
  const char* name;
  const char* summary;
  const char* help;
  int (*run)(const Invocation&);
};

constexpr Command kCommands[] = {
    {"check", "compliance of every unit with every rule, then a roll-up per unit",
     R"(usage: cadence check [--as-of YYYY-MM-DD] [--unit ID] [--period ID] [--format table|json]

Counts what each unit recorded against each rule that applies to it and says whether it is
on track, behind, overdue, done or upcoming; then rolls the results up the unit tree.
Opens the database read-only.

Options:
  --as-of YYYY-MM-DD  the day to judge on (default today in the configured time zone)
  --unit ID           only this unit and the units below it
  --period ID         a period other than the current one (2026, 2026-H1, 2026-Q1, 2026-03)
  --format FORMAT     table (default) or json

Examples:
  cadence check --as-of 2026-06-30
  cadence check --as-of 2026-06-30 --unit town-07 --format json
  cadence check --period 2026-Q1 --as-of 2026-06-30
)",
     run_check},
    {"plan", "suggested dates on workdays for a unit's sessions in a year",
     R"(usage: cadence plan --unit ID --year YYYY [--format table|json|ics]

Spreads each cadence rule's sessions for the year over workdays of the work calendar (inside a
rule's plan window, if it has one). Opens the database read-only.

Options:
  --unit ID        the unit (required)
  --year YYYY      the year (required)
  --format FORMAT  table (default), json, or ics (an iCalendar file to import once)

Examples:
  cadence plan --unit town-07 --year 2026
  cadence plan --unit town-07 --year 2026 --format ics > plan.ics
)",
     run_plan},
    {"feed", "a unit's calendar feed on stdout",
     R"(usage: cadence feed --unit ID [--scope unit|subtree] [--holidays] [--as-of YYYY-MM-DD]

Writes the iCalendar feed that `cadence serve` answers for the unit's tokens: planned sessions,
deadlines (as to-dos and all-day events) and alarms for the current and next period.

Options:
  --unit ID             the unit (required)
  --scope unit|subtree  subtree adds every descendant's deadlines (at most [feeds]
                        subtree_max_units units; more exits 2)
  --holidays            add the official holidays and make-up workdays
  --as-of YYYY-MM-DD    the day the feed is rendered for (default today)

Examples:
  cadence feed --unit town-07 > town-07.ics
  cadence feed --unit county --scope subtree --holidays > county.ics
)",
     run_feed},
    {"serve", "the HTTP server for calendar feeds",
     R"(usage: cadence serve [--listen HOST:PORT] [--remind-from YYYY-MM-DDTHH:MM[+HH:MM]]

Answers /feeds/<token>.ics, /healthz, and GET|POST /login and POST /logout (sessions of the
pages; [accounts] sets their expiry and the trusted proxies) over HTTP/1.1 until SIGTERM or
SIGINT. Reads [serve], [feeds], [accounts] and [remind] from the config file; rules and
calendars are read at start, units, records and tokens are picked up as other processes write
them. Put a TLS proxy in front for https. With [mail] smtp set, runs the reminder pass of
`cadence remind` at once and then every [remind] interval_seconds (default 60).

Options:
  --listen HOST:PORT  address to listen on (default [serve] listen, 127.0.0.1:8080;
                      also CADENCE_LISTEN; port 0: one the system picks, named in the log)
  --remind-from TIME  the reminder passes act as if the clock had read TIME at start, and run
                      on from there (a rehearsal, or a test); the feeds keep the real clock

Examples:
  cadence serve --listen 127.0.0.1:8080
  cadence --config /etc/cadence/cadence.toml serve
  cadence serve --remind-from 2026-06-01T09:00+08:00
)",
     run_serve},
    {"token", "secret feed URLs: issue, list, revoke",
     R"(usage: cadence token issue --unit ID [--label TEXT]
       cadence token list [--unit ID] [--format table|json]
       cadence token revoke --unit ID --id N

issue prints a new secret feed URL for the unit once (only its SHA-256 is stored; with
[feeds] public_url or --public-url also the https:// and webcal:// URLs). list shows every
token with its last fetch and client. revoke makes a token's URL answer 404.

Options:
  --unit ID          the unit (required for issue and revoke)
  --label TEXT       what the token is for (issue)
  --public-url URL   the https:// base the feeds are reachable under (issue)
  --id N             the token's number as `cadence token list` shows it (revoke)
  --format FORMAT    table (default) or json (list)

Examples:
  cadence token issue --unit town-07 --label "secretary's phone"
  cadence token list --unit town-07
  cadence token revoke --unit town-07 --id 3
)",
     run_token},
    {"units", "import the unit tree from CSV, or list it",
     R"(usage: cadence units import FILE.csv [--encoding gb18030]
       cadence units list [--format table|json]

import reads id,parent,name,type,secretary_email,admin_emails,timezone[,active_from,active_until]
rows, all or nothing (one bad row rejects the file, with every bad row's line and field), and
creates the database if there is none. Units missing from the file are kept. list prints the
tree indented by level.

Options:
  --encoding gb18030  read a CSV that is not UTF-8 (saved by Excel in China)
  --format FORMAT     table (default) or json (list)

Examples:
  cadence units import units.csv
  cadence units list
)",
     run_units},
    {"records", "import, add and list what units recorded",
     R"(usage: cadence records import FILE.csv [--encoding gb18030]
       cadence records import-ics --unit ID FILE.ics [--dry-run] [--as-of YYYY-MM-DD] [--encoding gb18030]
       cadence records add --unit ID --rule RULE --date YYYY-MM-DD [--tags a;b] [--period ID] [--note TEXT]
       cadence records list --unit ID [--from YYYY-MM-DD] [--to YYYY-MM-DD]

import reads unit,rule,date,tags,period,note rows, all or nothing; re-importing a file changes
nothing. import-ics records the held events of a unit's own calendar export. add records one.
list prints a unit's records (read-only).

Options:
  --unit ID           the unit (import-ics, add, list)
  --encoding gb18030  read a file that is not UTF-8
  --dry-run           import-ics: list every event and what it would record; store nothing
  --as-of YYYY-MM-DD  import-ics: count recurring events up to this day (default today)
  --rule RULE         add: the rule's id
  --date YYYY-MM-DD   add: the day it was held or filed
  --tags a;b          add: quota tags (expanded;observed)
  --period ID         add: the period a deadline record is for (2026-H1)
  --note TEXT         add: free text
  --from, --to        list: only records in this range of days

Examples:
  cadence records import records.csv
  cadence records import export.csv --encoding gb18030
  cadence records import-ics --unit town-07 town-07.ics --dry-run
  cadence records add --unit town-07 --rule study-group-session --date 2026-07-09 --tags expanded
  cadence records list --unit town-07
)",
     run_records},
    {"rules", "check rule files, or list the rules",
     R"(usage: cadence rules lint [DIR]
       cadence rules list [--format table|json]

lint reads every rule file in DIR (default --rules) and prints file:line:column for every
problem; exit 2 when there is one. list prints the loaded rules.

Options:
  --format FORMAT  table (default) or json (list)

Examples:
  cadence rules lint rules/
  cadence rules list --format json
)",
     run_rules},
    {"remind", "one pass of the reminder scheduler: decide what is due, send it",
     R"(usage: cadence remind [--now YYYY-MM-DDTHH:MM[+HH:MM]] [--dry-run] [--smtp URL]
                      [--smtp-from ADDRESS] [--smtp-user NAME] [--smtp-password-file FILE]

Decides every reminder, escalation and digest due at --now (design.md, Reminders), adds the
missing ones to the outbox, and sends what is due over SMTP, retrying temporary failures later.
Every message has a key; none is sent twice, except once with the same Message-ID when the
server may have accepted it before the connection dropped. `cadence serve` runs the same pass
every minute; this is the one-shot form for cron (cadence-remind.timer) and tests.
A message handed to the server twice without an answer is not sent a third time: it is kept as
unconfirmed. Messages given up on (refused, out of tries, unconfirmed) are listed in a notice to
the unit's administrators (failures:UNIT:-:DAY:-:-), at most one a day per unit.

Options:
  --now TIME                 act as if it were this instant (default now; without an offset,
                             in the default zone, Asia/Shanghai), the Date header included
  --dry-run                  print what would be added to the outbox; change nothing
  --smtp URL                 smtp://host:port, smtp+starttls://host:port or smtps://host:port
                             ([mail] smtp, CADENCE_SMTP)
  --smtp-from ADDRESS        the sender ([mail] from)
  --smtp-user NAME           log in as NAME ([mail] user)
  --smtp-password-file FILE  the SMTP password, on the file's first line ([mail] password_file)

Examples:
  cadence remind --dry-run
  cadence remind --smtp smtp://127.0.0.1:25 --smtp-from cadence@example.org
  cadence remind --now 2026-05-07T09:00 --smtp smtp+starttls://mail.example.org:587 --smtp-from cadence@example.org --smtp-user cadence --smtp-password-file /etc/cadence/smtp-password
)",
     run_remind},
    {"outbox", "the reminder emails: list them, show one, send a failed one again",
     R"(usage: cadence outbox list [--status pending|sending|sent|failed|unconfirmed|no_address]
       cadence outbox show ID
       cadence outbox retry ID

list prints every message the reminder passes decided, with its status, tries, key,
recipients and subject (no_address: the unit has no secretary address; unconfirmed: handed to
the server twice without an answer, so perhaps delivered, not sent a third time). show prints
one with the server's last reply. retry makes a failed or unconfirmed message pending again,
for the next pass.

Options:
  --status STATUS  list only messages in this status

Examples:
  cadence outbox list --status failed
  cadence outbox show 12
  cadence outbox retry 12
)",
     run_outbox},
    {"digests", "turn a unit's monthly and weekly digests off or on, or list those off",
     R"(usage: cadence digests off --unit ID
       cadence digests on --unit ID
       cadence digests list

Digests (the secretary's monthly one and the administrators' weekly one) can be turned off per
unit; reminders, escalations and missed/overdue notices are mandatory and always sent.

Options:
  --unit ID  the unit (off, on)

Examples:
  cadence digests off --unit town-07
  cadence digests list
)",
     run_digests},
    {"db", "check a database, or copy one into another (SQLite, PostgreSQL)",
     R"(usage: cadence db check
       cadence db copy --from DB --to DB [--replace]

check reports the schema version, the rows per table and orphan rows (on SQLite also
integrity_check and foreign_key_check) and exits 1 when it finds a problem; it only reads.
copy copies every table, ids included, from one database to another in one transaction, either
way between SQLite and PostgreSQL, and prints the rows per table; a target that already holds
data is refused unless --replace, which empties it first.

Options:
  --from DB   the database to copy (an SQLite file or a postgresql:// URI)
  --to DB     the database to copy into (PostgreSQL's must exist: createdb)
  --replace   empty a target that holds data before copying into it

Examples:
  cadence db check
  cadence db copy --from cadence.db --to postgresql://cadence@db.example.org/cadence
  cadence --db postgresql://cadence@/cadence?host=/run/postgresql db check
)",
     run_db},
    {"user", "accounts: add, list, passwords, disable, API tokens",
     R"(usage: cadence user add EMAIL --unit ID --role administrator|secretary|viewer [--password-file F]
       cadence user passwd EMAIL [--password-file F]
       cadence user disable EMAIL
       cadence user enable EMAIL
       cadence user list [--format table|json]
       cadence user token EMAIL [--label TEXT]
       cadence user token revoke ID

add creates the user with a role scoped to a unit, or gives an existing user one more role (a
person may hold several): an administrator manages the unit's whole subtree, a secretary
records for that unit, a viewer reads the subtree. passwd sets the password the pages' login
takes (stored as PBKDF2-HMAC-SHA256, 600,000 iterations). A password is read from the first
line of --password-file, or of stdin ("-" or no file): never from the command line.
disable ends the user's sessions and refuses its API tokens until enable. token prints a new
API token for `Authorization: Bearer …` once (only its SHA-256 is stored); token revoke refuses
it from then on. list shows each user's roles and live API tokens (their numbers, for token
revoke) and opens the database read-only. Every change is in the audit log.

Options:
  --unit ID           the unit the role is for (add)
  --role ROLE         administrator, secretary or viewer (add)
  --password-file F   the password on the file's first line; - for stdin (add, passwd)
  --label TEXT        what the token is for (token)
  --format FORMAT     table (default) or json (list)

Examples:
  cadence user add wang@example.org --unit town-07 --role secretary --password-file pw.txt
  cadence user add li@example.org --unit county --role administrator
  cadence user passwd li@example.org < pw.txt
  cadence user token li@example.org --label "provincial platform"
  cadence user token revoke 3
  cadence user disable wang@example.org
  cadence user list
)",
     run_user},
    {"audit", "who changed what and when: units, records, users, tokens, logins",
     R"(usage: cadence audit [--unit ID] [--since YYYY-MM-DD] [--format table|json]

Prints the audit log, oldest first: each change with who made it, when, and the entity before
and after (never a password hash or a token), and every login, failed or throttled login and
logout. Opens the database read-only.

Options:
  --unit ID           only what concerns this unit and the units below it: their records,
                      users and grants, and the tokens and logins of users holding a role
                      there (file imports concern no unit)
  --since YYYY-MM-DD  only from the start of that day (in the configured time zone) on
  --format FORMAT     table (default) or json

Examples:
  cadence audit --since 2026-06-01
  cadence audit --unit town-07 --format json
)",
     run_audit},
};

// Options that take no value, for every subcommand.
const std::set<std::string> kFlags{"help", "version", "dry-run", "holidays", "replace"};

const Command* find_command(std::string_view name) {
  for (const auto& c : kCommands)
    if (name == c.name) return &c;
  return nullptr;
}

// A relative default as a path a reader recognises as relative: ./rules.
std::string shown(const std::string& path) { return path.starts_with("/") ? path : "./" + path; }

void usage(std::ostream& out) {
  out << "usage: cadence COMMAND [options]\n"
         "       cadence help COMMAND | cadence COMMAND --help   (the command's options and examples)\n"
         "       cadence --version\n\nCommands:\n";
  for (const auto& c : kCommands) out << "  " << c.name << std::string(10 - std::string_view(c.name).size(), ' ') << c.summary << "\n";
  out << "\nGlobal options (before or after the command; each also from the environment, or a key of\n"
         "the --config TOML file; the command line wins over the environment, which wins over the file):\n"
         "  --db URI           SQLite file or postgresql://user@host:port/dbname (default "
         << shown(default_settings().db) << "; CADENCE_DB, db)\n"
         "  --db-password-file FILE  the PostgreSQL password, on the file's first line (also PGPASSWORD,\n"
         "                     ~/.pgpass; CADENCE_DB_PASSWORD_FILE, db_password_file); never in the URI\n"
         "  --db-wait SECONDS  how long a writer waits while another writes (default 60, 0-86400;\n"
         "                     CADENCE_DB_WAIT, db_wait_seconds)\n"
         "  --rules DIR        rule files (default " << shown(default_settings().rules) << "; CADENCE_RULES, rules)\n"
         "  --calendars DIR    work calendars (default " << shown(default_settings().calendars) << "; CADENCE_CALENDARS, calendars)\n"
         "  --config FILE      TOML configuration (CADENCE_CONFIG; default "
      << (default_config_file().empty() ? "none" : default_config_file() + ", if it exists") << "):\n"
         "                     db, db_password_file, db_wait_seconds, rules, calendars, region, timezone;\n"
         "                     [serve] listen, workers, header_timeout_seconds, body_timeout_seconds,\n"
         "                     send_timeout_seconds, keep_alive_seconds, max_connections,\n"
         "                     stop_timeout_seconds, event_loops, cache_mb,\n"
         "                     compliance_cache_mb, report_cache_mb, kept_records_max,\n"
         "                     db_pool_size, change_poll_ms; [feeds] public_url, refresh_minutes,\n"
         "                     subtree_max_units; [mail] smtp, from, reply_to, user, password_file,\n"
         "                     auth, helo_name, ca_file, connect_timeout_seconds,\n"
         "                     command_timeout_seconds, max_per_connection, max_per_minute,\n"
         "                     language, send_time, lease_seconds, max_tries, backoff_seconds;\n"
         "                     [accounts] session_idle_minutes, session_absolute_hours,\n"
         "                     trusted_proxies\n"
         "\nExit codes: 0 ok, 1 a failure the message explains, 2 bad usage or bad input.\n";
}

int unknown_command(const std::string& name) {
  std::cerr << "cadence: unknown command '" << cadence::printable(name) << "'\n";
  usage(std::cerr);
  return 2;
}

// `cadence help [COMMAND]`, `cadence [COMMAND] --help`: on stdout, exit 0.
int help(const std::vector<std::string>& words) {
  if (words.empty()) {
    usage(std::cout);
    return 0;
  }
  const auto* c = find_command(words.front());
  if (!c) return unknown_command(words.front());
  std::cout << c->help;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Arguments args(std::vector<std::string>(argv + 1, argv + argc), kFlags);
    const auto& words = args.positionals();
    if (args.flag("version")) {
      std::cout << "cadence " << CADENCE_VERSION << "\n";
      return 0;
    }
    if (args.flag("help")) return help(words);
    if (!words.empty() && words.front() == "help") return help({words.begin() + 1, words.end()});
    if (words.empty()) {
      usage(std::cerr);
      return 2;
    }
    const auto* c = find_command(words.front());
    if (!c) return unknown_command(words.front());
    const Invocation inv{args, resolve_settings(args, std::getenv), std::cout, std::cerr,
                         std::chrono::system_clock::now(), isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR")};
    use_db_password_file(inv.settings);
    return c->run(inv);
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
