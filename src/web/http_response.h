#pragma once
// A response as a handler gives it, and its head as the connection writes it.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace cadence::web {

struct HttpResponse {
  int status = 200;
  std::string fields;  // header lines beyond Date, Content-Length and Connection, each ending in CRLF
  // The content: `text`, unless `shared` points at bytes that `owner` keeps alive (a cached feed).
  std::string text;
  const std::string* shared = nullptr;
  std::shared_ptr<const void> owner;
  bool head_only = false;  // HEAD: the content's length is announced, the content not sent

  void set(std::string_view name, std::string_view value);
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
