#include "web/http_response.h"

namespace cadence::web {

void HttpResponse::set(std::string_view name, std::string_view value) {
  fields.append(name).append(": ").append(value).append("\r\n");
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
    case 200: return "OK";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 417: return "Expectation Failed";
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
