#pragma once
// A response as a handler gives it, and its head as the connection writes it.
#include <chrono>
#include <cstddef>
#include <optional>
#include <memory>
#include <string>
#include <string_view>

namespace cadence::web {

struct CookieAttributes {
  std::string path = "/";
  std::optional<std::chrono::seconds> max_age;  // none: a session cookie
  bool secure = true;
  bool http_only = true;
  std::string same_site = "Lax";  // Strict, Lax or None
};

struct HttpResponse {
  int status = 200;
  std::string fields;  // header lines beyond Date, Content-Length and Connection, each ending in CRLF
  // The content: `text`, unless `shared` points at bytes that `owner` keeps alive (a cached feed).
  std::string text;
  const std::string* shared = nullptr;
  std::shared_ptr<const void> owner;
  bool head_only = false;  // HEAD: the content's length is announced, the content not sent

  // Adds a header field. Throws std::invalid_argument for a name that is not a token or a value
  // holding CR, LF or NUL: a value taken from a request could otherwise add fields of its own.
  void set(std::string_view name, std::string_view value);
  // A Set-Cookie field with its attributes (RFC 6265 §4.1); the same refusals as set(), and the
  // cookie's name must be a token and its value free of blanks, quotes, commas, semicolons and backslashes.
  void set_cookie(std::string_view name, std::string_view value, const CookieAttributes& attributes);
  std::string_view content() const { return shared ? std::string_view(*shared) : std::string_view(text); }
};

// A plain-text response, as errors and /healthz answer.
HttpResponse text_response(int status, std::string text);

std::string_view reason_phrase(int status);

// Status line and header section, ending in the empty line. `date` is an IMF-fixdate. A 304
// gets no Content-Length: it would have to be the length of the 200 it stands for (RFC 9110 §8.6).
void write_head(std::string& out, const HttpResponse& response, int minor_version, bool keep_alive,
                std::string_view date);

}  // namespace cadence::web
