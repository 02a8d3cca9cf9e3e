#pragma once
// An HTTP/1.1 request (RFC 9112) as the server reads it: the head parsed, the content (announced
// by Content-Length, up to what its route takes: 1 MiB unless the route says more) read after it.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace cadence::web {

// It owns what it holds: it outlives the connection's buffer it was read from, so it may be kept,
// copied or handed to another thread. What its methods return as views points into it.
struct HttpRequest {
  std::string method;
  // As sent, without the query: not percent-decoded, so that `/feeds%2F…` is not a feed
  // (routing matches it as it is, then decodes each parameter).
  std::string path;
  std::string query;
  int minor_version = 1;  // of HTTP/1.x
  std::vector<std::pair<std::string, std::string>> headers;  // values without surrounding blanks
  // HTTP/1.1 keeps the connection unless told "close"; HTTP/1.0 only when asked "keep-alive".
  bool keep_alive = true;
  std::size_t content_length = 0;
  std::string content;  // filled in once the content has been read
  // The peer's address ("127.0.0.1", "::1"), filled in by the exchange: what decides whether a
  // proxy's X-Forwarded-Proto is believed.
  std::string remote;

  // The first field called `name` (case-insensitive).
  std::optional<std::string_view> header(std::string_view name) const;
  // Every value of a repeated field, in order, and the elements of comma-separated ones.
  std::vector<std::string_view> header_values(std::string_view name) const;
  // name=value pairs of every Cookie field (RFC 6265 §5.4), quotes around a value removed.
  std::vector<std::pair<std::string, std::string>> cookies() const;
  // name=value pairs of the query, percent-decoded ('+' is a space); a malformed pair is skipped.
  std::vector<std::pair<std::string, std::string>> query_parameters() const;
};

struct HttpError {
  int status;           // 400, 411, 413, 431 or 505
  std::string message;  // what is wrong, for the response body and the access log
};

// Where the head at the start of `buffer` ends (just past its empty line), or 0 while incomplete.
std::size_t head_length(std::string_view buffer);

// The largest content a request may carry unless its route takes more: the feeds take none, the
// JSON API's records are small; an evidence upload takes 10 MB (Router::add's max_content).
inline constexpr std::size_t kMaxContent = 1024 * 1024;

// The largest content a request for `method` `path` may carry, asked before the content is read.
using ContentLimit = std::function<std::size_t(std::string_view method, std::string_view path)>;

// `head` as head_length delimits it; content beyond `limit` (kMaxContent when empty) is a 413,
// or a 417 to a client that waits for 100 Continue. The result keeps no reference to `head`.
std::variant<HttpRequest, HttpError> parse_request(std::string_view head, const ContentLimit& limit = {});

// "1 MiB", "10485760 bytes": a limit as messages name it.
std::string size_text(std::size_t bytes);

// %XX decoding; nullopt for a malformed escape or a decoded NUL.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

}  // namespace cadence::web
