#include "web/server.h"

#include "web/access_log.h"
#include "web/connection.h"
#include "web/connection_registry.h"
#include "web/server_state.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerParams.h>
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
    ConnectionRegistry registry;
    ConnectionContext context{state, access, registry, config_.keep_alive};
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(config_.host, config_.port), 256);
    auto* params = new Poco::Net::TCPServerParams;
    params->setMaxThreads(config_.threads);
    params->setMaxQueued(1024);
    // Poco's dispatcher can miss the wake-up of a stop and then sleeps out its thread idle
    // time before it notices (10 s by default): the stop waited that long now and then.
    params->setThreadIdleTime(Poco::Timespan(1, 0));
    Poco::ThreadPool pool(2, config_.threads);
    Poco::Net::TCPServer server(new ConnectionFactory(context), pool, socket, params);
    server.start();
    log_ << "cadence serve: listening on http://" << socket.address().toString() << " (" << config_.threads
         << " threads)" << std::endl;

    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    std::thread housekeeper([&] {
      std::unique_lock lock(mutex);
      auto next_flush = std::chrono::steady_clock::now() + std::chrono::seconds(5);
      while (!wake.wait_for(lock, std::chrono::milliseconds(250), [&] { return stopping; })) {
        access.flush();
        // A connection holds a thread while it waits for its next request: when others queue
        // for a thread, idle ones make way.
        if (const auto queued = server.queuedConnections(); queued > 0)
          registry.close_idle(static_cast<std::size_t>(queued), std::chrono::seconds(1));
        if (std::chrono::steady_clock::now() >= next_flush) {
          flush(state);
          next_flush = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        }
      }
    });

    waitForTerminationRequest();
    access.flush();  // the lines of requests served so far come before this one
    log_ << "cadence serve: stopping" << std::endl;
    // Stop accepting; close idle connections; busy ones close after the response they are writing.
    server.stop();
    if (const auto left = registry.stop(std::chrono::seconds(30)); left > 0)
      log_ << "cadence serve: " << left << " connections still busy after 30 s" << std::endl;
    pool.joinAll();
    {
      std::lock_guard lock(mutex);
      stopping = true;
    }
    wake.notify_all();
    housekeeper.join();
    flush(state);
    access.flush();
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
