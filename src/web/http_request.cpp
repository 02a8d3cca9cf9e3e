#include "web/http_request.h"

#include "web/http_text.h"

#include <algorithm>
#include <charconv>

namespace cadence::web {

namespace {

constexpr std::size_t kMaxFields = 100;

bool is_tchar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_tchar); }

// Splits off the next line; a line ends in CRLF or, leniently (RFC 9112 §2.2), a bare LF.
std::string_view next_line(std::string_view& rest) {
  const auto lf = rest.find('\n');
  std::string_view line = rest.substr(0, lf);
  rest.remove_prefix(lf == std::string_view::npos ? rest.size() : lf + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool has_token(std::string_view list, std::string_view token) {
  return any_list_element(list, [&](std::string_view element) { return iequals(element, token); });
}

HttpError bad(std::string message) { return {400, std::move(message)}; }

}  // namespace

std::optional<std::string_view> HttpRequest::header(std::string_view name) const {
  for (const auto& [n, v] : headers)
    if (iequals(n, name)) return v;
  return std::nullopt;
}

std::vector<std::string_view> HttpRequest::header_values(std::string_view name) const {
  std::vector<std::string_view> out;
  for (const auto& [n, v] : headers)
    if (iequals(n, name))
      any_list_element(v, [&](std::string_view element) {
        if (!element.empty()) out.push_back(element);
        return false;
      });
  return out;
}

std::vector<std::pair<std::string, std::string>> HttpRequest::cookies() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [n, v] : headers) {
    if (!iequals(n, "Cookie")) continue;
    std::string_view rest = v;
    while (!rest.empty()) {
      const auto semicolon = rest.find(';');
      const auto pair = trim_ows(rest.substr(0, semicolon));
      rest.remove_prefix(semicolon == std::string_view::npos ? rest.size() : semicolon + 1);
      const auto eq = pair.find('=');
      if (eq == std::string_view::npos || eq == 0) continue;
      auto value = pair.substr(eq + 1);
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
      out.emplace_back(std::string(pair.substr(0, eq)), std::string(value));
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> HttpRequest::query_parameters() const {
  std::vector<std::pair<std::string, std::string>> out;
  std::string_view rest = query;
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest.remove_prefix(amp == std::string_view::npos ? rest.size() : amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    auto name = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true);
    if (name && value) out.emplace_back(std::move(*name), std::move(*value));
  }
  return out;
}

std::size_t head_length(std::string_view buffer) {
  for (std::size_t lf = buffer.find('\n'); lf != std::string_view::npos; lf = buffer.find('\n', lf + 1)) {
    if (lf + 1 < buffer.size() && buffer[lf + 1] == '\n') return lf + 2;
    if (lf + 2 < buffer.size() && buffer[lf + 1] == '\r' && buffer[lf + 2] == '\n') return lf + 3;
  }
  return 0;
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      unsigned value = 0;
      if (i + 2 >= text.size()) return std::nullopt;
      const auto [end, ec] = std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
      if (ec != std::errc{} || end != text.data() + i + 3) return std::nullopt;
      c = static_cast<char>(value);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      c = ' ';
    }
    if (c == '\0') return std::nullopt;
    out += c;
  }
  return out;
}

std::string size_text(std::size_t bytes) {
  constexpr std::size_t kMiB = 1024 * 1024;
  return bytes % kMiB == 0 ? std::to_string(bytes / kMiB) + " MiB" : std::to_string(bytes) + " bytes";
}

std::variant<HttpRequest, HttpError> parse_request(std::string_view head, const ContentLimit& limit) {
  HttpRequest request;
  std::string_view rest = head;
  const std::string_view line = next_line(rest);

  const auto sp1 = line.find(' ');
  const auto sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos)
    return bad("the request line is not 'METHOD TARGET HTTP/1.1'");
  request.method = line.substr(0, sp1);
  std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  const std::string_view version = line.substr(sp2 + 1);
  if (!is_token(request.method)) return bad("the method is not a token");
  if (version.size() != 8 || !version.starts_with("HTTP/") || version[6] != '.' || version[5] < '0' ||
      version[5] > '9' || version[7] < '0' || version[7] > '9')
    return bad("the request line does not end in an HTTP version");
  if (version[5] != '1' || version[7] > '1') return HttpError{505, "only HTTP/1.0 and HTTP/1.1 are served"};
  request.minor_version = version[7] - '0';

  if (target.empty() || std::any_of(target.begin(), target.end(), [](char c) {
        return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
      }))
    return bad("the request target is empty or holds blanks or control characters");
  // Absolute form (RFC 9112 §3.2.2), which a server must accept: the path is what follows the
  // authority, which must be the host the request names in Host (checked below).
  std::optional<std::string_view> authority;
  for (std::string_view scheme : {"http://", "https://"})
    if (target.size() > scheme.size() && iequals(target.substr(0, scheme.size()), scheme)) {
      const auto slash = target.find('/', scheme.size());
      authority = target.substr(scheme.size(), slash == std::string_view::npos ? slash : slash - scheme.size());
      target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
    }
  if (target.front() != '/' && target != "*") return bad("the request target is not a path");
  const auto question = target.find('?');
  if (question != std::string_view::npos) request.query = target.substr(question + 1);
  request.path = target.substr(0, question);

  // Calendar clients send a handful of fields: one allocation rather than a vector regrown.
  request.headers.reserve(8);
  while (!rest.empty()) {
    const std::string_view field = next_line(rest);
    if (field.empty()) break;
    if (field.front() == ' ' || field.front() == '\t') return bad("obsolete line folding in a header field");
    const auto colon = field.find(':');
    if (colon == std::string_view::npos) return bad("a header line without ':'");
    const std::string_view name = field.substr(0, colon);
    // No blank between name and colon (RFC 9112 §5.1): it has been used to smuggle requests.
    if (!is_token(name)) return bad("a header field name is not a token");
    const std::string_view value = trim_ows(field.substr(colon + 1));
    if (std::any_of(value.begin(), value.end(), [](char c) {
          return (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f;
        }))
      return bad("control characters in the value of header field " + std::string(name));
    if (request.headers.size() == kMaxFields) return HttpError{431, "more than 100 header fields"};
    request.headers.emplace_back(name, value);
  }

  std::size_t hosts = 0;
  std::optional<std::size_t> content_length;
  bool chunked = false;
  for (const auto& [name, value] : request.headers) {
    if (iequals(name, "Host")) {
      ++hosts;
    } else if (iequals(name, "Transfer-Encoding")) {
      chunked = true;
    } else if (iequals(name, "Content-Length")) {
      std::size_t length = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
      if (ec != std::errc{} || end != value.data() + value.size() || value.empty())
        return bad("Content-Length is not a number");
      // Two different lengths leave the end of the request in doubt (RFC 9112 §6.3).
      if (content_length && *content_length != length) return bad("Content-Length given twice, differently");
      content_length = length;
    }
  }
  if (request.minor_version == 1 && hosts != 1) return bad("an HTTP/1.1 request needs exactly one Host header");
  // A proxy's request for another server: not ours to answer.
  if (authority && !iequals(*authority, request.header("Host").value_or(*authority)))
    return bad("the request target names another host than Host");
  // Transfer codings are not read: a client that sends a length instead is served.
  if (chunked) {
    if (content_length) return bad("both Transfer-Encoding and Content-Length");
    return HttpError{411, "send the content with a Content-Length, not a Transfer-Encoding"};
  }
  const std::size_t max_content = limit ? limit(request.method, request.path) : kMaxContent;
  if (content_length && *content_length > max_content) {
    // A client waiting for 100 Continue is told its expectation fails: the content is not read.
    const auto expect = request.header("Expect");
    const std::string over = "the request content is over " + size_text(max_content);
    if (expect && iequals(*expect, "100-continue")) return HttpError{417, over + "; not read"};
    return HttpError{413, over};
  }
  request.content_length = content_length.value_or(0);

  const auto connection = request.header("Connection");
  request.keep_alive = request.minor_version == 1 ? !(connection && has_token(*connection, "close"))
                                                  : connection && has_token(*connection, "keep-alive");
  return request;
}

}  // namespace cadence::web
