#pragma once
// How Cadence reaches its SMTP server: `[mail]` in the config and the --smtp* options.
#include "mail/message.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cadence::mail {

enum class SmtpSecurity {
  plain,     // smtp://: no TLS, for a relay on localhost
  starttls,  // smtp+starttls://: STARTTLS required, never a fallback to plain text
  tls,       // smtps://: TLS from the first byte
};

enum class SmtpAuth { plain, login };

struct SmtpUrl {
  SmtpSecurity security = SmtpSecurity::plain;
  std::string host = "localhost";
  std::uint16_t port = 25;
};

struct SmtpSettings {
  SmtpUrl url;
  std::string helo_name = "localhost";
  std::string user;      // empty: no AUTH
  std::string password;  // read from the password file by the caller; never logged
  SmtpAuth auth = SmtpAuth::plain;
  std::string ca_file;  // empty: the system's CA store
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(10)};
  std::chrono::milliseconds command_timeout{std::chrono::seconds(60)};
  int max_per_connection = 100;
  int max_per_minute = 60;  // 0: no limit
  // The envelope sender (MAIL FROM) and the Message-ID's domain; a Message's own `from` is its
  // From header (the envelope falls back to it when this address is empty).
  Mailbox from;
  std::optional<Mailbox> reply_to;  // for the caller's Message::reply_to; the sender does not add it
};

// "smtp://host[:port]", "smtp+starttls://host[:port]", "smtps://host[:port]" (default ports
// 25, 587, 465; an IPv6 host in brackets). Throws std::invalid_argument naming what is wrong.
SmtpUrl parse_smtp_url(std::string_view url);

// "name", "[::1]" or "127.0.0.1" as given, for messages.
std::string to_string(const SmtpUrl& url);

}  // namespace cadence::mail
