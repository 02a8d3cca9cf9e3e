#pragma once
// From/To/Reply-To header fields, written by us: Poco quotes encoded display names, which
// RFC 2047 §5 forbids.
#include "mail/message.h"

#include <string>
#include <string_view>
#include <vector>

namespace cadence::mail {

// "Name: mailbox, mailbox" folded one mailbox per line, ending in CRLF. A non-ASCII display
// name becomes encoded-words, an ASCII one a quoted-string when it has specials.
// Throws std::invalid_argument for an address that cannot be written.
std::string address_header(std::string_view name, const std::vector<Mailbox>& mailboxes);

// Throws std::invalid_argument unless `address` is local@domain with no white space, control
// characters, or angle brackets.
void check_address(std::string_view address);

}  // namespace cadence::mail
