#include "cli/settings.h"

#include "core/diagnostic.h"
#include "mail/address_header.h"
#include "toml/toml_fields.h"

#include <charconv>
#include <filesystem>
#include <functional>

namespace cadence::cli {

namespace {

constexpr int kMaxDbWaitSeconds = 24 * 60 * 60;

int db_wait_seconds(const std::string& text, const std::string& where) {
  int seconds = -1;
  const auto end = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (end.ec != std::errc() || end.ptr != text.data() + text.size() || seconds < 0 || seconds > kMaxDbWaitSeconds)
    throw UsageError(where + " must be a number of seconds from 0 to " + std::to_string(kMaxDbWaitSeconds) + ", not '" +
                     text + "'");
  return seconds;
}

// An integer setting within [low, high]; outside it, an error naming the key and the range.
void read_bounded(TomlFields& t, const char* key, long long low, long long high, int& into) {
  const auto n = t.integer(key, false);
  if (!n) return;
  if (*n < low || *n > high)
    t.error(key, std::string(key) + " must be between " + std::to_string(low) + " and " + std::to_string(high));
  else
    into = static_cast<int>(*n);
}

void read_mail(TomlFields t, Settings& s) {
  t.only({"smtp", "from", "reply_to", "user", "password_file", "auth", "helo_name", "ca_file", "connect_timeout_seconds",
          "command_timeout_seconds", "max_per_connection", "max_per_minute", "language", "send_time", "lease_seconds",
          "max_tries", "backoff_seconds"});
  auto text = [&](const char* key, std::string& into) { into = t.string(key, false).value_or(into); };
  text("smtp", s.smtp_url);
  text("from", s.smtp_from);
  text("reply_to", s.smtp_reply_to);
  text("user", s.smtp_user);
  text("password_file", s.smtp_password_file);
  text("auth", s.smtp_auth);
  text("helo_name", s.smtp_helo);
  text("ca_file", s.smtp_ca_file);
  text("language", s.mail_language);
  text("send_time", s.send_time);
  for (const auto& [key, address] : {std::pair<const char*, const std::string&>{"from", s.smtp_from}, {"reply_to", s.smtp_reply_to}}) {
    if (address.empty()) continue;
    try {
      mail::check_address(address);
    } catch (const std::invalid_argument& e) {
      t.error(key, std::string(key) + ": " + e.what());
    }
  }
  if (s.smtp_auth != "plain" && s.smtp_auth != "login") t.error("auth", "auth must be \"plain\" or \"login\"");
  if (s.mail_language != "zh" && s.mail_language != "en") t.error("language", "language must be \"zh\" or \"en\"");
  read_bounded(t, "connect_timeout_seconds", 1, 600, s.smtp_connect_timeout_seconds);
  read_bounded(t, "command_timeout_seconds", 1, 3600, s.smtp_command_timeout_seconds);
  read_bounded(t, "max_per_connection", 1, 100'000, s.smtp_max_per_connection);
  read_bounded(t, "max_per_minute", 0, 100'000, s.smtp_max_per_minute);
  read_bounded(t, "lease_seconds", 10, 24 * 3600, s.outbox_lease_seconds);
  read_bounded(t, "max_tries", 1, 1000, s.outbox_max_tries);
  read_bounded(t, "backoff_seconds", 1, 24 * 3600, s.outbox_backoff_seconds);
}

void apply_config_file(const std::string& path, Settings& s) {
  if (!std::filesystem::exists(path)) throw UsageError("config file '" + path + "' does not exist");
  Diagnostics diagnostics;
  auto doc = parse_toml_file(path, diagnostics);
  if (doc) {
    // [smtp] is read by the mailer.
    TomlFields f(*doc, path, "", diagnostics);
    f.only({"db", "db_password_file", "db_wait_seconds", "rules", "calendars", "region", "timezone", "serve", "smtp", "feeds", "mail", "accounts",
             "remind"});
    s.db = f.string("db", false).value_or(s.db);
    s.db_password_file = f.string("db_password_file", false).value_or(s.db_password_file);
    read_bounded(f, "db_wait_seconds", 0, kMaxDbWaitSeconds, s.db_wait_seconds);
    s.rules = f.string("rules", false).value_or(s.rules);
    s.calendars = f.string("calendars", false).value_or(s.calendars);
    s.region = f.string("region", false).value_or(s.region);
    s.timezone = f.string("timezone", false).value_or(s.timezone);
    if (const auto* serve = f.table("serve")) {
      TomlFields t(*serve, path, "[serve] ", diagnostics);
      t.only({"listen", "threads", "workers", "header_timeout_seconds", "body_timeout_seconds", "send_timeout_seconds",
              "keep_alive_seconds", "max_connections", "stop_timeout_seconds", "event_loops", "cache_mb",
              "compliance_cache_mb", "report_cache_mb", "kept_records_max", "db_pool_size", "change_poll_ms"});
      s.listen = t.string("listen", false).value_or(s.listen);
      read_bounded(t, "threads", 1, 1024, s.workers);  // before `workers`, which wins
      read_bounded(t, "workers", 1, 1024, s.workers);
      read_bounded(t, "header_timeout_seconds", 1, 600, s.header_timeout_seconds);
      read_bounded(t, "body_timeout_seconds", 1, 3600, s.body_timeout_seconds);
      read_bounded(t, "send_timeout_seconds", 1, 3600, s.send_timeout_seconds);
      read_bounded(t, "keep_alive_seconds", 1, 3600, s.keep_alive_seconds);
      read_bounded(t, "max_connections", 16, 1'000'000, s.max_connections);
      read_bounded(t, "stop_timeout_seconds", 2, 600, s.stop_timeout_seconds);
      read_bounded(t, "event_loops", 0, 64, s.event_loops);
      read_bounded(t, "cache_mb", 8, 65536, s.cache_mb);
      read_bounded(t, "compliance_cache_mb", 8, 65536, s.compliance_cache_mb);
      read_bounded(t, "report_cache_mb", 8, 65536, s.report_cache_mb);
      read_bounded(t, "kept_records_max", 0, 2'000'000'000, s.kept_records_max);
      read_bounded(t, "db_pool_size", 1, 1024, s.db_pool_size);
      read_bounded(t, "change_poll_ms", 10, 60'000, s.change_poll_ms);
    }
    if (const auto* feeds = f.table("feeds")) {
      TomlFields t(*feeds, path, "[feeds] ", diagnostics);
      t.only({"public_url", "refresh_minutes", "subtree_max_units"});
      s.public_url = t.string("public_url", false).value_or(s.public_url);
      read_bounded(t, "refresh_minutes", 5, 7 * 24 * 60, s.refresh_minutes);
      read_bounded(t, "subtree_max_units", 1, 10'000'000, s.subtree_max_units);
    }
    if (const auto* mail = f.table("mail")) read_mail(TomlFields(*mail, path, "[mail] ", diagnostics), s);
    if (const auto* accounts = f.table("accounts")) {
      TomlFields t(*accounts, path, "[accounts] ", diagnostics);
      t.only({"session_idle_minutes", "session_absolute_hours", "trusted_proxies"});
      read_bounded(t, "session_idle_minutes", 1, 24 * 60, s.session_idle_minutes);
      read_bounded(t, "session_absolute_hours", 1, 30 * 24, s.session_absolute_hours);
      s.trusted_proxies = t.strings("trusted_proxies", false).value_or(s.trusted_proxies);
    }
    if (const auto* remind = f.table("remind")) {
      TomlFields t(*remind, path, "[remind] ", diagnostics);
      t.only({"interval_seconds"});
      read_bounded(t, "interval_seconds", 1, 3600, s.remind_interval_seconds);
    }
  }
  if (!diagnostics.empty()) throw InputError(diagnostics);
}

}  // namespace

InstalledLayout installed_layout(const std::filesystem::path& executable) {
  namespace fs = std::filesystem;
  const auto bin = executable.parent_path();
  if (bin.filename() != "bin") return {};
  const auto data = bin.parent_path() / "share" / "cadence";
  std::error_code error;
  if (!fs::is_directory(data, error)) return {};
  return {data.string(), bin == "/usr/bin" ? "/etc/cadence/cadence.toml" : ""};
}

const InstalledLayout& this_layout() {
  static const InstalledLayout layout = [] {
    std::error_code error;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? InstalledLayout{} : installed_layout(self);
  }();
  return layout;
}

Settings default_settings() {
  Settings s;
  if (const auto& data = this_layout().data_dir; !data.empty()) {
    s.rules = data + "/rules";
    s.calendars = data + "/calendars";
  }
  return s;
}

std::string default_config_file() { return this_layout().config_file; }

Settings resolve_settings(const Arguments& args, const std::function<const char*(const char*)>& environment) {
  Settings s = default_settings();
  auto env = [&](const char* name) -> std::optional<std::string> {
    const char* v = environment(name);
    if (!v || !*v) return std::nullopt;
    return std::string(v);
  };
  if (auto config = args.option("config") ? args.option("config") : env("CADENCE_CONFIG")) apply_config_file(*config, s);
  // The packaged default is read only where it is: a missing named file is an error, a missing
  // default one is a machine configured by options alone.
  else if (const auto fallback = default_config_file(); !fallback.empty() && std::filesystem::exists(fallback))
    apply_config_file(fallback, s);
  auto pick = [&](std::string& field, const char* option, const char* variable) {
    if (auto v = args.option(option)) field = *v;
    else if (auto e = env(variable)) field = *e;
  };
  pick(s.db, "db", "CADENCE_DB");
  pick(s.db_password_file, "db-password-file", "CADENCE_DB_PASSWORD_FILE");
  pick(s.rules, "rules", "CADENCE_RULES");
  pick(s.calendars, "calendars", "CADENCE_CALENDARS");
  pick(s.listen, "listen", "CADENCE_LISTEN");
  pick(s.public_url, "public-url", "CADENCE_PUBLIC_URL");
  pick(s.smtp_url, "smtp", "CADENCE_SMTP");
  pick(s.smtp_from, "smtp-from", "CADENCE_SMTP_FROM");
  pick(s.smtp_user, "smtp-user", "CADENCE_SMTP_USER");
  pick(s.smtp_password_file, "smtp-password-file", "CADENCE_SMTP_PASSWORD_FILE");
  if (auto v = args.option("db-wait")) s.db_wait_seconds = db_wait_seconds(*v, "--db-wait");
  else if (auto e = env("CADENCE_DB_WAIT")) s.db_wait_seconds = db_wait_seconds(*e, "CADENCE_DB_WAIT");
  return s;
}

}  // namespace cadence::cli
