#include "cli/mail_setup.h"

#include "cli/arguments.h"
#include "cli/workspace.h"
#include "core/diagnostic.h"
#include "mail/password_file.h"

#include <date/tz.h>

#include <regex>

namespace cadence::cli {

namespace {

std::chrono::minutes send_time(const std::string& text) {
  static const std::regex hhmm("([01][0-9]|2[0-3]):([0-5][0-9])");
  std::smatch m;
  if (!std::regex_match(text, m, hhmm)) throw UsageError("[mail] send_time must be HH:MM, not '" + text + "'");
  return std::chrono::hours{std::stoi(m[1])} + std::chrono::minutes{std::stoi(m[2])};
}

}  // namespace

remind::PassSettings pass_settings(const Settings& s) {
  remind::PassSettings p;
  p.send_time = send_time(s.send_time);
  p.language = s.mail_language == "en" ? Language::en : Language::zh;
  p.public_url = s.public_url;
  while (!p.public_url.empty() && p.public_url.back() == '/') p.public_url.pop_back();
  p.lease = std::chrono::seconds{s.outbox_lease_seconds};
  p.max_tries = s.outbox_max_tries;
  p.first_backoff = std::chrono::seconds{s.outbox_backoff_seconds};
  return p;
}

mail::SmtpSettings smtp_settings(const Settings& s) {
  if (s.smtp_url.empty()) throw UsageError("no SMTP server: give --smtp URL (or [mail] smtp in the config, CADENCE_SMTP)");
  if (s.smtp_from.empty()) throw UsageError("no sender address: give --smtp-from ADDRESS (or [mail] from)");
  mail::SmtpSettings m;
  try {
    m.url = mail::parse_smtp_url(s.smtp_url);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("--smtp: ") + e.what());
  }
  m.helo_name = s.smtp_helo;
  m.user = s.smtp_user;
  if (!s.smtp_password_file.empty()) m.password = mail::read_password_file(s.smtp_password_file);
  m.auth = s.smtp_auth == "login" ? mail::SmtpAuth::login : mail::SmtpAuth::plain;
  m.ca_file = s.smtp_ca_file;
  m.connect_timeout = std::chrono::seconds{s.smtp_connect_timeout_seconds};
  m.command_timeout = std::chrono::seconds{s.smtp_command_timeout_seconds};
  m.max_per_connection = s.smtp_max_per_connection;
  m.max_per_minute = s.smtp_max_per_minute;
  m.from = {"Cadence", s.smtp_from};
  if (!s.smtp_reply_to.empty()) m.reply_to = mail::Mailbox{"", s.smtp_reply_to};
  return m;
}

std::chrono::sys_seconds parse_now(const std::string& text, const std::string& default_zone) {
  static const std::regex pattern(R"((\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(([+-])([01]\d|2[0-3]):([0-5]\d))?)");
  std::smatch m;
  const auto day = std::regex_match(text, m, pattern) ? parse_day(m[1].str()) : std::nullopt;
  if (!day) throw UsageError("--now must be YYYY-MM-DDTHH:MM[±HH:MM], not '" + text + "'");
  const auto local = date::local_seconds{day->time_since_epoch()} + std::chrono::hours{std::stoi(m[2])} +
                     std::chrono::minutes{std::stoi(m[3])};
  if (!m[4].matched) return date::locate_zone(default_zone)->to_sys(local, date::choose::earliest);
  const auto offset = std::chrono::hours{std::stoi(m[6])} + std::chrono::minutes{std::stoi(m[7])};
  return std::chrono::sys_seconds{local.time_since_epoch()} - (m[5] == "+" ? offset : -offset);
}

}  // namespace cadence::cli
