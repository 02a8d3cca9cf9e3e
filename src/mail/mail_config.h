#pragma once
// The `[mail]` table of the config file, read into SMTP settings. The command-line options
// (--smtp, --smtp-from, --smtp-user, --smtp-password-file) are applied over it by the CLI.
//
//   [mail]
//   url = "smtp+starttls://mail.example.org:587"   # smtp:// | smtp+starttls:// | smtps://
//   from = "cadence@example.org"
//   from_name = "Cadence 提醒"                     # optional display name
//   reply_to = "office@example.org"                # optional, with reply_to_name
//   helo_name = "cadence.example.org"
//   user = "cadence"                               # optional: AUTH only when set
//   password_file = "/etc/cadence/smtp-password"   # never the password itself
//   auth = "plain"                                 # or "login"
//   ca_file = "/etc/cadence/smtp-ca.pem"           # optional: else the system's CA store
//   connect_timeout_seconds = 10
//   command_timeout_seconds = 60
//   max_per_connection = 100
//   max_per_minute = 60                            # 0: no limit
#include "mail/smtp_settings.h"
#include "toml/toml_fields.h"

#include <string>

namespace cadence::mail {

struct MailConfig {
  SmtpSettings smtp;
  std::string password_file;  // read with read_password_file by whoever connects
};

// Reads the keys of `table` over `defaults`; every problem becomes a diagnostic at its key.
MailConfig read_mail_config(TomlFields& table, MailConfig defaults = {});

// The password: the file's first line without its line end. Throws InputError naming the file
// (never its content) when it cannot be read or is empty.
std::string read_password_file(const std::string& path);

}  // namespace cadence::mail
