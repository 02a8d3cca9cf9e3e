#include "mail/smtp_settings.h"

#include <charconv>
#include <stdexcept>

namespace cadence::mail {
namespace {

struct Scheme {
  std::string_view prefix;
  SmtpSecurity security;
  std::uint16_t port;
};
constexpr Scheme schemes[] = {
    {"smtp://", SmtpSecurity::plain, 25},
    {"smtp+starttls://", SmtpSecurity::starttls, 587},
    {"smtps://", SmtpSecurity::tls, 465},
};

[[noreturn]] void bad(std::string_view url, std::string_view why) {
  throw std::invalid_argument("bad SMTP URL \"" + std::string(url) + "\": " + std::string(why));
}

std::uint16_t parse_port(std::string_view url, std::string_view text) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value == 0 || value > 65535)
    bad(url, "the port must be a number from 1 to 65535");
  return static_cast<std::uint16_t>(value);
}

// Splits "host[:port]" / "[v6][:port]" into the URL's host and port.
void parse_authority(std::string_view url, std::string_view authority, SmtpUrl& out) {
  std::string_view rest;
  if (authority.starts_with('[')) {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) bad(url, "an IPv6 address needs a closing \"]\"");
    out.host = authority.substr(1, close - 1);
    rest = authority.substr(close + 1);
  } else {
    const auto colon = authority.find(':');
    out.host = authority.substr(0, colon);
    rest = colon == std::string_view::npos ? "" : authority.substr(colon);
  }
  if (out.host.empty()) bad(url, "no host");
  if (!rest.empty()) {
    if (rest[0] != ':') bad(url, "unexpected text after the host");
    out.port = parse_port(url, rest.substr(1));
  }
}

}  // namespace

SmtpUrl parse_smtp_url(std::string_view url) {
  for (const Scheme& scheme : schemes) {
    if (!url.starts_with(scheme.prefix)) continue;
    SmtpUrl out{scheme.security, "", scheme.port};
    std::string_view authority = url.substr(scheme.prefix.size());
    if (authority.ends_with('/')) authority.remove_suffix(1);
    if (authority.find_first_of("/@?# ") != std::string_view::npos)
      bad(url, "only host and port are allowed (user and password are separate settings)");
    parse_authority(url, authority, out);
    return out;
  }
  bad(url, "the scheme must be smtp://, smtp+starttls:// or smtps://");
}

std::string to_string(const SmtpUrl& url) {
  const bool v6 = url.host.find(':') != std::string::npos;
  const std::string host = v6 ? "[" + url.host + "]" : url.host;
  const char* scheme = url.security == SmtpSecurity::plain ? "smtp://" : url.security == SmtpSecurity::starttls ? "smtp+starttls://" : "smtps://";
  return scheme + host + ":" + std::to_string(url.port);
}

}  // namespace cadence::mail
