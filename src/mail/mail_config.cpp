#include "mail/mail_config.h"

#include "mail/address_header.h"

#include <fstream>
#include <stdexcept>

namespace cadence::mail {
namespace {

void read_bounded(TomlFields& t, const char* key, long long low, long long high, int& into) {
  const auto n = t.integer(key, false);
  if (!n) return;
  if (*n < low || *n > high)
    t.error(key, std::string(key) + " must be between " + std::to_string(low) + " and " + std::to_string(high));
  else
    into = static_cast<int>(*n);
}

void read_seconds(TomlFields& t, const char* key, std::chrono::milliseconds& into) {
  int seconds = static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(into).count());
  read_bounded(t, key, 1, 3600, seconds);
  into = std::chrono::seconds(seconds);
}

// An address key with its optional "_name" companion.
void read_mailbox(TomlFields& t, const std::string& key, Mailbox& into) {
  if (const auto address = t.string(key, false)) {
    try {
      check_address(*address);
      into.address = *address;
    } catch (const std::invalid_argument& e) {
      t.error(key, key + ": " + e.what());
    }
  }
  into.display_name = t.string(key + "_name", false).value_or(into.display_name);
}

void read_connection(TomlFields& t, SmtpSettings& s) {
  if (const auto url = t.string("url", false)) {
    try {
      s.url = parse_smtp_url(*url);
    } catch (const std::invalid_argument& e) {
      t.error("url", e.what());
    }
  }
  s.helo_name = t.string("helo_name", false).value_or(s.helo_name);
  s.user = t.string("user", false).value_or(s.user);
  if (const auto auth = t.string("auth", false)) {
    if (*auth == "plain" || *auth == "login")
      s.auth = *auth == "plain" ? SmtpAuth::plain : SmtpAuth::login;
    else
      t.error("auth", "auth must be \"plain\" or \"login\"");
  }
  s.ca_file = t.string("ca_file", false).value_or(s.ca_file);
  read_seconds(t, "connect_timeout_seconds", s.connect_timeout);
  read_seconds(t, "command_timeout_seconds", s.command_timeout);
  read_bounded(t, "max_per_connection", 1, 100000, s.max_per_connection);
  read_bounded(t, "max_per_minute", 0, 100000, s.max_per_minute);
}

}  // namespace

MailConfig read_mail_config(TomlFields& t, MailConfig config) {
  t.only({"url", "from", "from_name", "reply_to", "reply_to_name", "helo_name", "user", "password_file", "auth",
          "ca_file", "connect_timeout_seconds", "command_timeout_seconds", "max_per_connection", "max_per_minute"});
  read_connection(t, config.smtp);
  read_mailbox(t, "from", config.smtp.from);
  if (t.raw().contains("reply_to") || t.raw().contains("reply_to_name")) {
    Mailbox reply_to = config.smtp.reply_to.value_or(Mailbox{});
    read_mailbox(t, "reply_to", reply_to);
    config.smtp.reply_to = reply_to;
  }
  config.password_file = t.string("password_file", false).value_or(config.password_file);
  return config;
}

std::string read_password_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot read the SMTP password file '" + path + "'");
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) throw InputError("the SMTP password file '" + path + "' is empty");
  return line;
}

}  // namespace cadence::mail
