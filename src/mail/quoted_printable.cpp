#include "mail/quoted_printable.h"

#include <vector>

namespace cadence::mail {
namespace {

constexpr std::size_t max_line = 76;

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r' && text[i] != '\n') continue;
    lines.push_back(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

std::string escaped(unsigned char c) {
  static constexpr char hex[] = "0123456789ABCDEF";
  return {'=', hex[c >> 4], hex[c & 0xF]};
}

// One input line, encoded and broken into pieces with soft line breaks.
void encode_line(std::string_view line, std::string& out) {
  std::size_t length = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    const bool last = i + 1 == line.size();
    // Trailing white space is encoded: transports may strip it.
    const bool plain = (c >= 0x21 && c <= 0x7E && c != '=') || ((c == ' ' || c == '\t') && !last);
    const std::string piece = plain ? std::string(1, static_cast<char>(c)) : escaped(c);
    // Leave room for the soft break's "=" unless this is the line's last piece.
    if (length + piece.size() > (last ? max_line : max_line - 1)) {
      out += "=\r\n";
      length = 0;
    }
    out += piece;
    length += piece.size();
  }
  out += "\r\n";
}

}  // namespace

std::string quoted_printable(std::string_view text) {
  std::string out;
  for (std::string_view line : split_lines(text)) encode_line(line, out);
  return out;
}

}  // namespace cadence::mail
