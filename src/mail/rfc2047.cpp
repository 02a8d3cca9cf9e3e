#include "mail/rfc2047.h"

#include "mail/base64.h"

#include <algorithm>

namespace cadence::mail {
namespace {

constexpr std::size_t max_line = 76;
constexpr std::string_view prefix = "=?UTF-8?B?";
constexpr std::string_view suffix = "?=";

// The length of the UTF-8 sequence that starts with `lead` (1 for a stray continuation byte,
// so a broken input still advances).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// How many input bytes fit into one word on a line with `used` characters taken.
std::size_t word_capacity(std::size_t used) {
  const std::size_t overhead = prefix.size() + suffix.size();
  const std::size_t room = used + overhead < max_line ? max_line - used - overhead : 0;
  return room / 4 * 3;
}

}  // namespace

bool needs_encoded_words(std::string_view text) {
  for (unsigned char c : text)
    if (c < 0x20 || c > 0x7E) return true;
  return text.find("=?") != std::string_view::npos;
}

std::string encoded_words(std::string_view text, std::size_t used) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size() || out.empty()) {
    // At least one whole character per word, even when the first line is already long.
    std::size_t capacity = std::max<std::size_t>(word_capacity(used), 4);
    std::size_t end = pos;
    while (end < text.size()) {
      const std::size_t next = std::min(text.size(), end + sequence_length(static_cast<unsigned char>(text[end])));
      if (next - pos > capacity && end > pos) break;
      end = next;
    }
    if (!out.empty()) out += "\r\n ";
    out.append(prefix).append(base64(text.substr(pos, end - pos))).append(suffix);
    pos = end;
    used = 1;
  }
  return out;
}

}  // namespace cadence::mail
