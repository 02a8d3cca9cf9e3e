#include "web/event_loop.h"

#include "web/access_log.h"
#include "web/exchange.h"
#include "web/worker_pool.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace cadence::web {
namespace {

std::string this_thread_name() {
  return std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
}

// Two loops on one listening socket, answering every request in the loop with the name of the
// thread that answered it: the loop that holds the connection.
class TwoLoops {
 public:
  TwoLoops()
      : socket_(Poco::Net::SocketAddress("127.0.0.1", 0), 64),
        log_(log_text_),
        exchange_({}, [](const HttpRequest&, auto, Outcome&) { return text_response(500, "no worker expected"); }, log_),
        pool_(1, [this](Connection& c) { answer_in_worker(c, exchange_); }) {
    socket_.setBlocking(false);
    exchange_.answer_quickly_with(
        [](const HttpRequest&, auto, Outcome&) -> std::optional<HttpResponse> { return text_response(200, this_thread_name()); });
    for (int i = 0; i < 2; ++i) loops_.push_back(std::make_unique<EventLoop>(socket_.impl()->sockfd(), exchange_, count_, log_));
    for (auto& loop : loops_) dealt_to_.push_back(loop.get());
    for (auto& loop : loops_) {
      loop->set_pool(pool_);
      loop->deal_to(dealt_to_, turn_);
      threads_.emplace_back([&loop] { loop->run(); });
    }
  }
  ~TwoLoops() {
    for (auto& loop : loops_) loop->advance(EventLoop::Stage::kCutting);
    while (count_.open.load() != 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    pool_.stop(std::chrono::steady_clock::now() + std::chrono::seconds(5));
    for (auto& loop : loops_) loop->advance(EventLoop::Stage::kExit);
    for (auto& t : threads_) t.join();
  }
  std::uint16_t port() const { return socket_.address().port(); }

 private:
  Poco::Net::ServerSocket socket_;
  std::ostringstream log_text_;
  AccessLog log_;
  Exchange exchange_;
  ConnectionCount count_;
  WorkerPool pool_;
  std::vector<std::unique_ptr<EventLoop>> loops_;
  std::vector<EventLoop*> dealt_to_;
  std::atomic<std::size_t> turn_{0};
  std::vector<std::thread> threads_;
};

std::string answerer(Poco::Net::HTTPClientSession& session) {
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/", Poco::Net::HTTPMessage::HTTP_1_1);
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  std::string body;
  Poco::StreamCopier::copyToString(in, body);
  EXPECT_EQ(response.getStatus(), 200) << body;
  return body;
}

TEST(EventLoopTest, AcceptedConnectionsAreDealtToTheLoopsInTurn) {
  TwoLoops loops;
  // Each connection is answered before the next one opens, so they are accepted in this order,
  // by whichever loop the kernel wakes.
  std::vector<std::unique_ptr<Poco::Net::HTTPClientSession>> sessions;
  std::vector<std::string> first_answers;
  for (int i = 0; i < 8; ++i) {
    sessions.push_back(std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", loops.port()));
    sessions.back()->setKeepAlive(true);
    first_answers.push_back(answerer(*sessions.back()));
  }
  std::map<std::string, int> per_loop;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    ++per_loop[first_answers[i]];
    if (i > 0) {
      EXPECT_NE(first_answers[i], first_answers[i - 1]) << "connection " << i;
    }
    // A connection stays with the loop it was dealt to.
    EXPECT_EQ(answerer(*sessions[i]), first_answers[i]) << "connection " << i;
  }
  ASSERT_EQ(per_loop.size(), 2u);
  for (const auto& [loop, connections] : per_loop) EXPECT_EQ(connections, 4) << loop;
}

}  // namespace
}  // namespace cadence::web
