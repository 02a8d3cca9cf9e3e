#pragma once
// One email as Cadence sends it, and its RFC 5322 bytes. Pure: no I/O, no clock.
#include <date/tz.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cadence::mail {

struct Mailbox {
  std::string display_name;  // UTF-8, may be empty
  std::string address;
};

struct Message {
  // The design's key, e.g. "upcoming:town-07:study-group-session:2026:5:P7D"; sent as
  // X-Cadence-Key and hashed into the Message-ID, so a resend carries the same Message-ID.
  std::string key;
  Mailbox from;
  std::optional<Mailbox> reply_to;
  std::vector<Mailbox> to;  // at least one
  std::string subject;      // UTF-8
  std::string text;         // UTF-8 plain text; LF or CRLF, sent as CRLF
  std::string html;         // UTF-8 HTML body
  std::optional<std::string> calendar;  // a VCALENDAR with METHOD:PUBLISH, attached as invite.ics
  std::chrono::sys_seconds date;        // the Date header's instant ...
  const date::time_zone* zone = nullptr;  // ... written in this zone (nullptr: UTC)
};

// "<hex of SHA-256(key)@domain>".
std::string message_id(std::string_view key, std::string_view domain);

// The message's bytes, every line ended by CRLF, ready for DATA (before dot-stuffing).
// Throws std::invalid_argument for an address that cannot be written (no "@", CR/LF, "<>").
std::string compose(const Message& message, std::string_view message_id_domain);

}  // namespace cadence::mail
