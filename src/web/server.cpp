#include "web/server.h"

#include "web/handlers.h"
#include "web/server_state.h"

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>
#include <Poco/Util/ServerApplication.h>

#include <condition_variable>
#include <thread>

namespace cadence::web {

namespace {

// ServerApplication gives us the termination wait (SIGINT, SIGTERM) Poco's own servers use.
class ServeApp : public Poco::Util::ServerApplication {
 public:
  ServeApp(ServerConfig config, std::ostream& log) : config_(std::move(config)), log_(log) {}

 protected:
  int main(const std::vector<std::string>&) override {
    ServerState state(config_);
    AccessLog access(log_);
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(config_.host, config_.port), 256);
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(config_.threads);
    params->setMaxQueued(1024);
    params->setKeepAlive(true);
    params->setMaxKeepAliveRequests(0);  // unlimited: calendar clients and load tests reuse connections
    params->setKeepAliveTimeout(Poco::Timespan(15, 0));
    Poco::ThreadPool pool(2, config_.threads);
    Poco::Net::HTTPServer server(new HandlerFactory(state, access), pool, socket, params);
    server.start();
    log_ << "cadence serve: listening on http://" << socket.address().toString() << " (" << config_.threads
         << " threads)" << std::endl;

    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    std::thread flusher([&] {
      std::unique_lock lock(mutex);
      while (!wake.wait_for(lock, std::chrono::seconds(5), [&] { return stopping; })) flush(state);
    });

    waitForTerminationRequest();
    log_ << "cadence serve: stopping" << std::endl;
    // Stops accepting; connections finish the request they are serving.
    server.stopAll(false);
    pool.joinAll();
    {
      std::lock_guard lock(mutex);
      stopping = true;
    }
    wake.notify_all();
    flusher.join();
    flush(state);
    log_ << "cadence serve: stopped" << std::endl;
    return Application::EXIT_OK;
  }

 private:
  void flush(ServerState& state) {
    try {
      state.flush();
    } catch (const std::exception& e) {
      log_ << "cadence serve: " << e.what() << std::endl;
    }
  }

  ServerConfig config_;
  std::ostream& log_;
};

}  // namespace

int run_server(ServerConfig config, std::ostream& log) {
  ServeApp app(std::move(config), log);
  std::vector<std::string> args{"cadence"};
  return app.run(args);
}

}  // namespace cadence::web
