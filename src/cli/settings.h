#pragma once
// Where the database, rules and calendars are, and how the server and feeds run: command line
// over environment (CADENCE_DB, CADENCE_DB_WAIT, CADENCE_RULES, CADENCE_CALENDARS, CADENCE_CONFIG,
// CADENCE_LISTEN, CADENCE_PUBLIC_URL, CADENCE_DB_PASSWORD_FILE) over the config file over defaults.
#include "cli/arguments.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace cadence::cli {

struct Settings {
  std::string db = "cadence.db";
  // How long a command that writes waits while another process writes the database (a long
  // import holds it for half a minute), in seconds.
  int db_wait_seconds = 60;
  // A file whose first line is the PostgreSQL password (db_password.h); "" when libpq finds it
  // itself (PGPASSWORD, ~/.pgpass or PGPASSFILE).
  std::string db_password_file;
  std::string rules = "rules";
  std::string calendars = "calendars";
  std::string region = "cn";
  std::string timezone = "Asia/Shanghai";
  // [serve]
  std::string listen = "127.0.0.1:8080";
  int workers = 4;  // `threads` is read as its old name
  int header_timeout_seconds = 10;
  int body_timeout_seconds = 30;
  int send_timeout_seconds = 60;
  int keep_alive_seconds = 5;
  int max_connections = 16384;
  int stop_timeout_seconds = 10;
  int event_loops = 0;  // epoll loops; 0: one per core, at most 2
  int cache_mb = 256;  // rendered feeds kept in memory, in MiB
  int compliance_cache_mb = 256;  // the JSON API's compliance answers kept in memory
  int report_cache_mb = 128;  // the compliance reports the dashboard's pages judge from
  int kept_records_max = 20'000'000;  // records kept in memory for judging; 0: none
  int db_pool_size = 0;  // database connections at most; 0: workers + 1, so that none waits
  int change_poll_ms = 250;  // how often serve looks whether another process wrote
  // [feeds]: the https:// base under which /feeds/… is reachable from outside, if any.
  std::string public_url;
  int refresh_minutes = 60;
  // A subtree feed over more units than this is refused: rendering 10,000 units' sessions
  // takes seconds and gigabytes.
  int subtree_max_units = 2000;
  // [mail]: reminders (--smtp, --smtp-from, --smtp-user, --smtp-password-file; CADENCE_SMTP…).
  std::string smtp_url;
  std::string smtp_from;
  std::string smtp_reply_to;
  std::string smtp_user;
  std::string smtp_password_file;  // the password itself is never a setting: it would show in `ps`
  std::string smtp_auth = "plain";  // plain | login
  std::string smtp_helo = "localhost";
  std::string smtp_ca_file;
  int smtp_connect_timeout_seconds = 10;
  int smtp_command_timeout_seconds = 60;
  int smtp_max_per_connection = 100;
  int smtp_max_per_minute = 60;
  std::string mail_language = "zh";  // zh | en
  std::string send_time = "09:00";   // local, in each unit's zone
  int outbox_lease_seconds = 300;
  int outbox_max_tries = 8;
  int outbox_backoff_seconds = 60;
  // [accounts]: sessions of the pages (web/authentication.h).
  int session_idle_minutes = 30;
  int session_absolute_hours = 12;
  std::vector<std::string> trusted_proxies;  // addresses whose X-Forwarded-Proto is believed
  int remind_interval_seconds = 60;  // serve's reminder passes
};

// Where an installed binary finds its data, from the binary's own path: PREFIX/bin/cadence with
// PREFIX/share/cadence beside it has that folder's rules and calendars as defaults, and
// /usr/bin/cadence (the Debian package) reads /etc/cadence/cadence.toml when it exists. A binary
// anywhere else (a build folder in a checkout) keeps ./rules and ./calendars, and no default file.
struct InstalledLayout {
  std::string data_dir;     // "" when not installed
  std::string config_file;  // "" when none
};
InstalledLayout installed_layout(const std::filesystem::path& executable);
// installed_layout of the running binary (/proc/self/exe).
const InstalledLayout& this_layout();

// The defaults before any option, variable or file, for the running binary.
Settings default_settings();
// The config file read when neither --config nor CADENCE_CONFIG names one, if it exists.
std::string default_config_file();

// `environment` looks a variable up (getenv in main, a map in tests).
Settings resolve_settings(const Arguments& args, const std::function<const char*(const char*)>& environment);

}  // namespace cadence::cli
