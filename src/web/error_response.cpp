#include "web/error_response.h"

#include "json/json_writer.h"
#include "store/store_error.h"
#include "web/database_sessions.h"
#include "web/request_error.h"

#include <Poco/Data/SQLite/SQLiteException.h>

#include <sstream>

namespace cadence::web {

namespace {

struct Classified {
  int status = 500;
  std::string shown;  // what the client is told
  std::string field;
  std::string note;   // what the log says
};

// SQLite's words for a locked or missing file; libpq's for a server that went away or is not
// there (a restart): the pool then opens a new connection for the next request.
bool unavailable(std::string_view message) {
  for (std::string_view sign : {"database is locked", "database is busy", "unable to open", "server closed the connection",
                                "terminating connection", "no connection to the server", "could not connect",
                                "connection refused", "Connection refused", "the database system is"})
    if (message.find(sign) != std::string_view::npos) return true;
  return false;
}

Classified classify(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const RequestError& e) {
    return {e.status(), e.what(), e.field(), e.what()};
  } catch (const Poco::Data::SQLite::DBLockedException& e) {
    return {503, "the database is busy; try again", "", e.displayText()};
  } catch (const DatabaseUnavailable& e) {
    return {503, "the database is unavailable; try again", "", e.what()};
  } catch (const store::StoreError& e) {
    if (unavailable(e.what())) return {503, "the database is unavailable; try again", "", e.what()};
    return {500, "Internal Server Error", "", e.what()};
  } catch (const std::exception& e) {
    return {500, "Internal Server Error", "", e.what()};
  } catch (...) {
    return {500, "Internal Server Error", "", "unknown exception"};
  }
}

std::string json_body(const Classified& c) {
  std::ostringstream out;
  {
    json::JsonWriter json(out);
    json.begin_object().key("error").begin_object().field("status", c.status).field("message", c.shown);
    if (!c.field.empty()) json.field("field", c.field);
    json.end_object();
    // Also beside "error", where the accounts issue's clients look for it ({"error": …, "field": …}).
    if (!c.field.empty()) json.field("field", c.field);
    json.end_object();
  }
  return out.str() + "\n";
}

std::string html_body(const Classified& c) {
  const std::string title = std::to_string(c.status) + " " + std::string(reason_phrase(c.status));
  std::string page = "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + title +
                     "</title></head>\n<body><h1>" + title + "</h1><p>" + html_escape(c.shown) + "</p>";
  if (!c.field.empty()) page += "<p>field: <code>" + html_escape(c.field) + "</code></p>";
  return page + "</body></html>\n";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

ErrorAnswer error_response(std::exception_ptr error, std::string_view path) {
  if (!error) error = std::current_exception();
  const auto c = classify(error);
  ErrorAnswer answer;
  answer.note = c.note;
  answer.response.status = c.status;
  if (path.starts_with("/api/")) {
    answer.response.set("Content-Type", "application/json; charset=utf-8");
    answer.response.text = json_body(c);
  } else {
    answer.response.set("Content-Type", "text/html; charset=utf-8");
    answer.response.text = html_body(c);
  }
  if (c.status == 503) answer.response.set("Retry-After", "1");
  return answer;
}

}  // namespace cadence::web
