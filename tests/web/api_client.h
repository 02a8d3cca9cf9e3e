#pragma once
// An HTTP client for the JSON API tests: one request on its own connection to a real
// `cadence serve`, with the reply's status, headers and body.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cadence::testing {

struct ApiReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // the last of each name
  std::vector<std::string> set_cookies;       // every Set-Cookie, in order
  std::string body;
  std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

inline ApiReply api_request(std::uint16_t port, const std::string& method, const std::string& path,
                            const std::string& token, const std::string& body = "",
                            const std::map<std::string, std::string>& headers = {}) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  session.setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPRequest::HTTP_1_1);
  if (!token.empty()) req.set("Authorization", "Bearer " + token);
  if (!body.empty() || method == "POST" || method == "PUT") {
    req.setContentLength(static_cast<std::streamsize>(body.size()));
    if (!headers.count("Content-Type")) req.setContentType("application/json");
  }
  for (const auto& [k, v] : headers) req.set(k, v);
  auto& out = session.sendRequest(req);
  out << body;
  Poco::Net::HTTPResponse resp;
  auto& in = session.receiveResponse(resp);
  ApiReply r;
  r.status = resp.getStatus();
  for (const auto& [k, v] : resp) {
    r.headers[k] = v;
    if (k == "Set-Cookie") r.set_cookies.push_back(v);
  }
  Poco::StreamCopier::copyToString(in, r.body);
  return r;
}

}  // namespace cadence::testing
