#include "web/handlers.h"

#include "calendars/local_date.h"

#include "web/http_date.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <sstream>

namespace cadence::web {

namespace {

using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

// What a handler reports for the access log.
struct Outcome {
  std::string route;  // the path as logged: feeds as /feeds/{token}.ics
  std::string token_id;
  std::size_t bytes = 0;
  std::string note;
};

std::string quoted(const std::string& value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out + "\"";
}

void send_text(HTTPServerResponse& response, HTTPResponse::HTTPStatus status, const std::string& text, Outcome& outcome) {
  response.setStatusAndReason(status);
  response.setContentType("text/plain; charset=utf-8");
  response.setContentLength(static_cast<std::streamsize>(text.size()));
  response.send() << text;
  outcome.bytes = text.size();
}

// Base: catches everything, maps it to a status, and writes the access-log line.
class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  // `uri` is the request's, parsed once by the factory.
  Handler(ServerState& state, AccessLog& log, Poco::URI uri) : state_(state), uri_(std::move(uri)), log_(log) {}

  void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
    const auto started = std::chrono::steady_clock::now();
    Outcome outcome;
    outcome.route = uri_.getPath();
    // Whatever follows /feeds/ may be a token, even a mistyped one: never logged.
    if (outcome.route.starts_with("/feeds/")) outcome.route = "/feeds/{token}.ics";
    try {
      serve(request, response, outcome);
    } catch (const std::exception& e) {
      outcome.note = e.what();
      if (!response.sent()) send_text(response, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "Internal Server Error\n", outcome);
    } catch (...) {
      outcome.note = "unknown exception";
      if (!response.sent()) send_text(response, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "Internal Server Error\n", outcome);
    }
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
    std::ostringstream line;
    line << "time=" << Poco::DateTimeFormatter::format(Poco::Timestamp(), Poco::DateTimeFormat::ISO8601_FORMAT)
         << " remote=" << request.clientAddress().host().toString() << " method=" << request.getMethod()
         << " path=" << quoted(outcome.route) << " status=" << static_cast<int>(response.getStatus())
         << " bytes=" << outcome.bytes << " ms=" << micros.count() / 1000 << "." << (micros.count() % 1000) / 100;
    if (!outcome.token_id.empty()) line << " token_id=" << outcome.token_id;
    line << " ua=" << quoted(request.get("User-Agent", ""));
    if (!outcome.note.empty()) line << " error=" << quoted(outcome.note);
    log_.write(line.str());
  }

 protected:
  virtual void serve(HTTPServerRequest& request, HTTPServerResponse& response, Outcome& outcome) = 0;

  ServerState& state_;
  const Poco::URI uri_;

 private:
  AccessLog& log_;
};

class NotFound : public Handler {
 public:
  using Handler::Handler;
  void serve(HTTPServerRequest&, HTTPServerResponse& response, Outcome& outcome) override {
    send_text(response, HTTPResponse::HTTP_NOT_FOUND, "Not Found\n", outcome);
  }
};

class Health : public Handler {
 public:
  using Handler::Handler;
  void serve(HTTPServerRequest&, HTTPServerResponse& response, Outcome& outcome) override {
    try {
      store::change_versions(state_.connection());
    } catch (const std::exception& e) {
      outcome.note = e.what();
      send_text(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "database unavailable\n", outcome);
      return;
    }
    send_text(response, HTTPResponse::HTTP_OK, "ok\n", outcome);
  }
};

bool accepts_gzip(const HTTPServerRequest& request) {
  std::string header = Poco::toLower(request.get("Accept-Encoding", ""));
  std::istringstream parts(header);
  for (std::string part; std::getline(parts, part, ',');) {
    part = Poco::trim(part);
    const auto semicolon = part.find(';');
    const std::string coding = Poco::trim(part.substr(0, semicolon));
    if (coding != "gzip" && coding != "x-gzip") continue;
    if (semicolon == std::string::npos) return true;
    // "gzip;q=0" refuses it.
    const auto q = part.find("q=", semicolon);
    if (q == std::string::npos) return true;
    try {
      return std::stod(part.substr(q + 2)) > 0;
    } catch (const std::exception&) {
      return false;
    }
  }
  return false;
}

bool etag_matches(const std::string& header, const CachedFeed& feed) {
  if (Poco::trim(header) == "*") return true;
  std::istringstream parts(header);
  for (std::string tag; std::getline(parts, tag, ',');) {
    tag = Poco::trim(tag);
    if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);  // If-None-Match compares weakly
    if (tag == feed.etag || tag == feed.gzip_etag) return true;
  }
  return false;
}

class FeedHandler : public Handler {
 public:
  FeedHandler(ServerState& state, AccessLog& log, Poco::URI uri, std::string token)
      : Handler(state, log, std::move(uri)), token_(std::move(token)) {}

  void serve(HTTPServerRequest& request, HTTPServerResponse& response, Outcome& outcome) override {
    if (request.getMethod() != HTTPRequest::HTTP_GET && request.getMethod() != HTTPRequest::HTTP_HEAD) {
      response.set("Allow", "GET, HEAD");
      send_text(response, HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "Method Not Allowed\n", outcome);
      return;
    }
    state_.refresh();
    const auto match = state_.token(token_);
    const auto tree = state_.tree();
    const auto unit = match && tree ? tree->find(match->unit) : std::nullopt;
    // Unknown, revoked, or of a unit gone: the same plain 404, nothing to tell them apart.
    if (!unit) {
      send_text(response, HTTPResponse::HTTP_NOT_FOUND, "Not Found\n", outcome);
      return;
    }
    outcome.token_id = std::to_string(match->id);

    FeedRequest feed_request;
    for (const auto& [name, value] : uri_.getQueryParameters()) {
      if (name == "holidays") feed_request.holidays = value == "1" || value == "true" || value == "yes";
      else if (name == "scope") feed_request.subtree = value == "subtree";
    }
    const auto now = std::chrono::system_clock::now();
    feed_request.today = local_today(now, state_.config().timezone);
    const auto feed = state_.feed(*tree, *unit, feed_request);
    state_.note_fetch(match->id, std::chrono::floor<std::chrono::seconds>(now), request.get("User-Agent", ""));

    const bool gzip = accepts_gzip(request);
    response.set("ETag", gzip ? feed->gzip_etag : feed->etag);
    if (feed->last_modified) response.set("Last-Modified", feed->last_modified_text);
    response.set("Vary", "Accept-Encoding");
    // A feed URL is a secret: shared caches must not keep it.
    response.set("Cache-Control", "private, max-age=300");

    bool not_modified = false;
    if (request.has("If-None-Match")) {
      not_modified = etag_matches(request.get("If-None-Match"), *feed);
    } else if (request.has("If-Modified-Since") && feed->last_modified) {
      const auto since = parse_http_date(request.get("If-Modified-Since"));
      not_modified = since && *feed->last_modified <= *since;
    }
    if (not_modified) {
      response.setStatusAndReason(HTTPResponse::HTTP_NOT_MODIFIED);
      response.setContentLength(0);
      response.send();
      return;
    }

    const std::string& body = gzip ? feed->gzip : feed->body;
    response.setStatusAndReason(HTTPResponse::HTTP_OK);
    response.setContentType("text/calendar; charset=utf-8");
    response.set("Content-Disposition", "inline; filename=\"cadence.ics\"");
    if (gzip) response.set("Content-Encoding", "gzip");
    response.setContentLength(static_cast<std::streamsize>(body.size()));
    if (request.getMethod() == HTTPRequest::HTTP_HEAD) {
      response.send();
      return;
    }
    response.sendBuffer(body.data(), body.size());
    outcome.bytes = body.size();
  }

 private:
  std::string token_;
};

bool token_shaped(std::string_view token) {
  if (token.empty() || token.size() > 128) return false;
  for (char c : token)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  return true;
}

}  // namespace

void AccessLog::write(const std::string& line) {
  std::lock_guard lock(mutex_);
  out_ << line << '\n' << std::flush;
}

Poco::Net::HTTPRequestHandler* HandlerFactory::createRequestHandler(const HTTPServerRequest& request) {
  Poco::URI uri;
  try {
    uri = Poco::URI(request.getURI());
  } catch (const Poco::Exception&) {
    // An unparsable target names no resource of ours.
    return new NotFound(state_, log_, Poco::URI("/"));
  }
  const std::string& path = uri.getPath();
  static constexpr std::string_view prefix = "/feeds/", suffix = ".ics";
  if (path.size() > prefix.size() + suffix.size() && path.starts_with(prefix) && path.ends_with(suffix)) {
    std::string token = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
    if (token_shaped(token)) return new FeedHandler(state_, log_, std::move(uri), std::move(token));
  }
  if (path == "/healthz") return new Health(state_, log_, std::move(uri));
  return new NotFound(state_, log_, std::move(uri));
}

}  // namespace cadence::web
