#pragma once
// Request handlers: every one answers, whatever is thrown inside it (a std::exception that
// escapes a Poco handler leaves the client without a response), and logs one line per request.
#include "web/server_state.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <ostream>
#include <mutex>

namespace cadence::web {

// One access-log line per request, as logfmt; a feed's token is never in it, its id is.
class AccessLog {
 public:
  explicit AccessLog(std::ostream& out) : out_(out) {}
  void write(const std::string& line);

 private:
  std::mutex mutex_;
  std::ostream& out_;
};

class HandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  HandlerFactory(ServerState& state, AccessLog& log) : state_(state), log_(log) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

 private:
  ServerState& state_;
  AccessLog& log_;
};

}  // namespace cadence::web
