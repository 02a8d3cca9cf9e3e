#include "web/http_response.h"

#include <stdexcept>

namespace cadence::web {

namespace {

bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos))
      return false;
  return true;
}

bool is_cookie_octet(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u < 0x7f && c != '"' && c != ',' && c != ';' && c != '\\';
}

}  // namespace

void HttpResponse::set(std::string_view name, std::string_view value) {
  if (!is_token(name)) throw std::invalid_argument("a header field name that is not a token");
  if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos)
    throw std::invalid_argument("CR, LF or NUL in the value of header field " + std::string(name));
  fields.append(name).append(": ").append(value).append("\r\n");
}

void HttpResponse::set_cookie(std::string_view name, std::string_view value, const CookieAttributes& a) {
  if (!is_token(name)) throw std::invalid_argument("a cookie name that is not a token");
  for (char c : value)
    if (!is_cookie_octet(c)) throw std::invalid_argument("a character a cookie value may not hold");
  if (a.same_site != "Strict" && a.same_site != "Lax" && a.same_site != "None")
    throw std::invalid_argument("SameSite must be Strict, Lax or None");
  std::string cookie = std::string(name) + "=" + std::string(value);
  if (!a.path.empty()) cookie += "; Path=" + a.path;
  if (a.max_age) cookie += "; Max-Age=" + std::to_string(a.max_age->count());
  if (a.secure) cookie += "; Secure";
  if (a.http_only) cookie += "; HttpOnly";
  cookie += "; SameSite=" + a.same_site;
  set("Set-Cookie", cookie);  // the path is checked there for CR and LF
}

HttpResponse text_response(int status, std::string text) {
  HttpResponse response;
  response.status = status;
  response.set("Content-Type", "text/plain; charset=utf-8");
  response.text = std::move(text);
  return response;
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
  }
}

void write_head(std::string& out, const HttpResponse& response, int minor_version, bool keep_alive,
                std::string_view date) {
  out.append(minor_version == 0 ? "HTTP/1.0 " : "HTTP/1.1 ")
      .append(std::to_string(response.status))
      .append(" ")
      .append(reason_phrase(response.status))
      .append("\r\nDate: ")
      .append(date)
      .append("\r\n");
  if (response.status != 304) out.append("Content-Length: ").append(std::to_string(response.content().size())).append("\r\n");
  if (!keep_alive) out.append("Connection: close\r\n");
  else if (minor_version == 0) out.append("Connection: keep-alive\r\n");
  out.append(response.fields).append("\r\n");
}

}  // namespace cadence::web
