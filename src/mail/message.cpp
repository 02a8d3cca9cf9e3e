#include "mail/message.h"

#include "mail/address_header.h"
#include "mail/quoted_printable.h"
#include "mail/rfc2047.h"
#include "mail/rfc5322_date.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <stdexcept>

namespace cadence::mail {
namespace {

std::string sha256_hex(std::string_view data) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(data.data(), static_cast<unsigned>(data.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

// Header text from the caller never carries a line break into the header block.
std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c == '\r' || c == '\n') c = ' ';
  return out;
}

// `ascii_limit`: how long a line may be before ASCII text is encoded too (folded into words); a
// key that programs read stays as it is up to RFC 5322's 998.
std::string unstructured(std::string_view name, std::string_view value, std::size_t ascii_limit = 78) {
  const std::string line = one_line(value);
  const std::size_t used = name.size() + 2;
  if (!needs_encoded_words(line) && used + line.size() <= ascii_limit) return std::string(name) + ": " + line + "\r\n";
  return std::string(name) + ": " + encoded_words(line, used) + "\r\n";
}

std::string text_part(std::string_view subtype, std::string_view body, std::string_view extra = "") {
  return "Content-Type: text/" + std::string(subtype) + "; charset=utf-8" + std::string(extra) +
         "\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + quoted_printable(body);
}

std::string multipart(std::string_view subtype, std::string_view boundary, const std::vector<std::string>& parts) {
  std::string out = "Content-Type: multipart/" + std::string(subtype) + "; boundary=\"" + std::string(boundary) + "\"\r\n\r\n";
  // The CRLF before a delimiter belongs to the delimiter (RFC 2046 §5.1.1): without the extra
  // one the calendar would lose its last line's CRLF, which RFC 5545 requires.
  for (const std::string& part : parts) out += "--" + std::string(boundary) + "\r\n" + part + "\r\n";
  return out + "--" + std::string(boundary) + "--\r\n";
}

// Boundaries start with "=_", which quoted-printable text can never contain, so no part's
// body can end a part early.
std::string body(const Message& m, std::string_view hash) {
  const std::string alternative = multipart("alternative", "=_alt_" + std::string(hash.substr(0, 24)),
                                            {text_part("plain", m.text), text_part("html", m.html)});
  if (!m.calendar) return alternative;
  const std::string calendar =
      text_part("calendar", *m.calendar, "; method=PUBLISH; name=\"invite.ics\"")
          .insert(0, "Content-Disposition: attachment; filename=\"invite.ics\"\r\n");
  return multipart("mixed", "=_mix_" + std::string(hash.substr(0, 24)), {alternative, calendar});
}

std::string headers(const Message& m, std::string_view id) {
  if (m.to.empty()) throw std::invalid_argument("a message needs at least one recipient");
  std::string out = "Date: " + rfc5322_date(m.date, m.zone) + "\r\n";
  out += address_header("From", {m.from});
  if (m.reply_to) out += address_header("Reply-To", {*m.reply_to});
  out += address_header("To", m.to);
  out += unstructured("Subject", m.subject);
  out += "Message-ID: " + std::string(id) + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Auto-Submitted: auto-generated\r\n";
  out += unstructured("X-Cadence-Key", m.key, 998);
  return out;
}

}  // namespace

std::string message_id(std::string_view key, std::string_view domain) {
  return "<" + sha256_hex(key) + "@" + std::string(domain) + ">";
}

std::string compose(const Message& message, std::string_view message_id_domain) {
  const std::string hash = sha256_hex(message.key);
  return headers(message, message_id(message.key, message_id_domain)) + body(message, hash);
}

}  // namespace cadence::mail
