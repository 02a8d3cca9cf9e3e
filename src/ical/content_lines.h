#pragma once
// iCalendar content lines (RFC 5545 §3.1): a physical line that starts with a space or a tab
// continues the one before. Unfolded, each keeps the physical line it starts on, because
// libical reports no line numbers and people fix files in an editor.
#include <string>
#include <string_view>
#include <vector>

namespace cadence::ical {

struct ContentLine {
  int line = 0;  // 1-based physical line of the first fold
  std::string text;
};

// CRLF or LF line ends; blank lines are dropped.
std::vector<ContentLine> unfold(std::string_view text);

// `text` (CRLF line ends, possibly folded) folded again so that no line exceeds 75 octets and
// no fold splits a UTF-8 sequence or a backslash escape (`\` | `n`): legal, but Google
// Calendar has been reported to drop such events, and libical's own folding does it.
std::string refold(std::string_view text);
inline constexpr std::size_t kMaxLineOctets = 75;

// "DTSTART;TZID=Asia/Shanghai:20260305T143000" split at the ':' that ends the parameters
// (a ':' inside a quoted parameter value does not count).
struct PropertyParts {
  std::string_view name;    // upper-cased by the caller when compared
  std::string_view params;  // ";TZID=…" or empty
  std::string_view value;
};
// False when the line has no such ':'.
bool split_property(std::string_view line, PropertyParts& parts);

bool iequals(std::string_view a, std::string_view b);

}  // namespace cadence::ical
