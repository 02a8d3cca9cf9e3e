#include "mail/address_header.h"

#include "mail/rfc2047.h"

#include <stdexcept>

namespace cadence::mail {
namespace {

bool is_atext(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x80 || u <= 0x20) return false;
  return std::string_view("()<>[]:;@\\,.\"").find(c) == std::string_view::npos;
}

std::string display_phrase(std::string_view name, std::size_t used) {
  if (needs_encoded_words(name)) return encoded_words(name, used);
  bool atoms = !name.empty();
  for (char c : name) atoms = atoms && (is_atext(c) || c == ' ');
  if (atoms) return std::string(name);
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

void check_address(std::string_view address) {
  const auto at = address.rfind('@');
  const bool shaped = at != std::string_view::npos && at > 0 && at + 1 < address.size();
  bool clean = true;
  for (char c : address) {
    const auto u = static_cast<unsigned char>(c);
    clean = clean && u > 0x20 && u < 0x7F && c != '<' && c != '>' && c != ',';
  }
  // Non-ASCII addresses would need SMTPUTF8, which Cadence does not use.
  if (!shaped || !clean)
    throw std::invalid_argument("not an email address (ASCII local@domain): \"" + std::string(address) + "\"");
}

std::string address_header(std::string_view name, const std::vector<Mailbox>& mailboxes) {
  std::string out = std::string(name) + ":";
  for (std::size_t i = 0; i < mailboxes.size(); ++i) {
    const Mailbox& box = mailboxes[i];
    check_address(box.address);
    if (i > 0) out += ",\r\n";
    const std::size_t used = i == 0 ? out.size() + 1 : 1;
    out += ' ';
    if (!box.display_name.empty()) out += display_phrase(box.display_name, used);
    // RFC 2047 §2 limits a line with encoded-words to 76 characters: fold before the address
    // when it does not fit after the name.
    const std::size_t line_start = out.rfind("\r\n") == std::string::npos ? 0 : out.rfind("\r\n") + 2;
    const std::string angle = "<" + box.address + ">";
    if (!box.display_name.empty()) out += out.size() - line_start + 1 + angle.size() + 1 > 76 ? "\r\n " : " ";
    out += angle;
  }
  return out + "\r\n";
}

}  // namespace cadence::mail
