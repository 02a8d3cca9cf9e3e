#include "core/plain_text.h"

#include <array>
#include <cstdio>

namespace cadence {

namespace {

constexpr std::array<const char*, 32> kC0Names{"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF",
                                               "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
                                               "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};

bool is_c0_or_del(unsigned char c) { return c < 0x20 || c == 0x7F; }

// U+0080–U+009F, written C2 80–C2 9F in UTF-8; some terminals act on them (U+009B is CSI).
bool is_c1_at(std::string_view s, std::size_t i) {
  return static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
         static_cast<unsigned char>(s[i + 1]) <= 0x9F;
}

std::string hex(unsigned value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02X", value);
  return buffer;
}

std::string escaped(std::string_view s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n' && keep_newlines) out += '\n';
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\r') out += "\\r";
    else if (is_c0_or_del(c)) out += "\\x" + hex(c);
    else if (is_c1_at(s, i)) out += "\\u{" + hex(static_cast<unsigned char>(s[++i])) + "}";
    else out += s[i];
  }
  return out;
}

}  // namespace

std::string text_problem(std::string_view text, std::size_t max_bytes, LineBreaks breaks) {
  if (text.size() > max_bytes)
    return "is " + std::to_string(text.size()) + " bytes long; at most " + std::to_string(max_bytes);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool line_break = c == '\n' || c == '\r';
    if (c == '\t' || (line_break && breaks == LineBreaks::allowed)) continue;
    if (is_c0_or_del(c))
      return "contains the control character " + std::string(c == 0x7F ? "DEL" : kC0Names[c]) + " (0x" + hex(c) + ") at byte " +
             std::to_string(i + 1);
    if (is_c1_at(text, i))
      return "contains the control character U+00" + hex(static_cast<unsigned char>(text[i + 1])) + " at byte " + std::to_string(i + 1);
  }
  return "";
}

std::string printable(std::string_view text) { return escaped(text, false); }

std::string printable_lines(std::string_view text) { return escaped(text, true); }

}  // namespace cadence
