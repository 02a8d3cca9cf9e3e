#pragma once
// Text people type (ids, names, notes, labels) and read back on a terminal. A control
// character in it is a mistake or an attack (ESC sequences clear or retitle a terminal), so it
// is refused where text comes in and never printed raw; an oversized field is a pasted file,
// not data, and is refused too.
#include <cstddef>
#include <string>
#include <string_view>

namespace cadence {

// Byte limits of the fields people type.
inline constexpr std::size_t kMaxIdBytes = 128;        // unit and rule ids, types, zones, dates, periods
inline constexpr std::size_t kMaxLineBytes = 4096;     // names, titles, labels, emails, tag lists
inline constexpr std::size_t kMaxNoteBytes = 64 * 1024;

enum class LineBreaks { refused, allowed };  // notes may span lines (Excel's Alt+Enter)

// "" when `text` holds no control character (C0 but tab, DEL, C1; line breaks only when
// allowed) and at most `max_bytes` bytes; else what is wrong, e.g. "contains the control
// character ESC (0x1B) at byte 5" or "is 70000 bytes long; at most 65536".
std::string text_problem(std::string_view text, std::size_t max_bytes, LineBreaks breaks = LineBreaks::refused);

// `text` for a terminal: every control character written out (\n, \t, \x1b, \u{9b}), the
// rest as it is.
std::string printable(std::string_view text);
// The same, but line breaks kept: for messages of several lines.
std::string printable_lines(std::string_view text);

}  // namespace cadence
