#pragma once
// One client connection, served on one of Poco's TCPServer threads: request heads read, the
// handlers asked, responses written, for as long as the client keeps the connection.
//
// Not Poco's HTTPServerConnection: with Poco 1.11 that costs an epoll instance per keep-alive
// wait (epoll_create, epoll_ctl, epoll_wait, close), a stream object per request and two sends
// per response, which kept a cached feed at a third of the requests per second nginx serves the
// same bytes at (bench/README.md). Here a request costs one recv and one sendmsg.
#include "web/access_log.h"
#include "web/connection_registry.h"
#include "web/server_state.h"

#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include <chrono>

namespace cadence::web {

struct ConnectionContext {
  ServerState& state;
  AccessLog& log;
  ConnectionRegistry& registry;
  std::chrono::seconds keep_alive{5};  // idle time before a connection is closed
  std::chrono::seconds send_timeout{30};
};

class Connection : public Poco::Net::TCPServerConnection {
 public:
  Connection(const Poco::Net::StreamSocket& socket, ConnectionContext& context)
      : Poco::Net::TCPServerConnection(socket), context_(context) {}
  void run() override;

 private:
  ConnectionContext& context_;
};

class ConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
 public:
  explicit ConnectionFactory(ConnectionContext& context) : context_(context) {}
  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
    return new Connection(socket, context_);
  }

 private:
  ConnectionContext& context_;
};

}  // namespace cadence::web
