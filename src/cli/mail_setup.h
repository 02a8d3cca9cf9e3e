#pragma once
// The reminder pass's settings and the SMTP sender's, from the resolved settings: one place for
// `cadence remind` and `cadence serve`.
#include "cli/settings.h"
#include "mail/smtp_settings.h"
#include "remind/reminder_pass.h"

#include <chrono>
#include <optional>
#include <string>

namespace cadence::cli {

remind::PassSettings pass_settings(const Settings& s);
// Throws UsageError when no SMTP server or sender is configured, or the password file cannot be read.
mail::SmtpSettings smtp_settings(const Settings& s);

// --now YYYY-MM-DDTHH:MM[±HH:MM]: without an offset, in `default_zone`.
std::chrono::sys_seconds parse_now(const std::string& text, const std::string& default_zone);

}  // namespace cadence::cli
