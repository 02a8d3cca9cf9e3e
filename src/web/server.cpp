#include "web/server.h"

#include "web/access_log.h"
#include "web/api_routes.h"
#include "web/dashboard_routes.h"
#include "web/event_loop.h"
#include "web/exchange.h"
#include "web/handlers.h"
#include "web/reminder_scheduler.h"
#include "web/session_routes.h"
#include "web/database_sessions.h"
#include "web/feed_renderer.h"
#include "web/fetch_recorder.h"
#include "web/token_directory.h"
#include "web/worker_pool.h"

#include <Poco/Net/ServerSocket.h>

#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <thread>

namespace cadence::web {

namespace {

// Descriptors the server needs beside its connections: the database, logs, the listening socket.
constexpr std::size_t kOtherDescriptors = 64;
// Kept from the stop timeout for writing what is pending once the connections are gone.
constexpr auto kFlushReserve = std::chrono::milliseconds(1500);

// 10,000 connections need more descriptors than the usual soft limit of 1,024: raised to the
// hard limit. Returns how many connections fit.
std::size_t raise_descriptor_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024 - kOtherDescriptors;
  if (limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
    ::getrlimit(RLIMIT_NOFILE, &limit);
  }
  return limit.rlim_cur > kOtherDescriptors ? static_cast<std::size_t>(limit.rlim_cur) - kOtherDescriptors : 1;
}

// SIGTERM and SIGINT are taken by sigwait in the main thread only: blocked before any thread
// starts, so every thread inherits the mask and none is killed by them.
sigset_t termination_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

// What fetches left to write. What fails to be written stays for the next call.
struct Pending {
  DatabaseSessions& sessions;
  FetchRecorder& fetches;
};

void flush_state(Pending& pending, std::ostream& log) {
  try {
    pending.fetches.flush(*pending.sessions.acquire());
  } catch (const std::exception& e) {
    log << "cadence serve: " << e.what() << std::endl;
  }
}

// Access log out several times a second, fetches written every 5 s.
class Housekeeper {
 public:
  Housekeeper(Pending& state, AccessLog& access, std::ostream& log)
      : thread_([this, &state, &access, &log] { run(state, access, log); }) {}
  ~Housekeeper() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

 private:
  void run(Pending& state, AccessLog& access, std::ostream& log) {
    std::unique_lock lock(mutex_);
    auto next_flush = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(250), [&] { return stopping_; })) {
      access.flush();
      if (std::chrono::steady_clock::now() < next_flush) continue;
      flush_state(state, log);
      next_flush = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

// Reads every record into `records` once at start, so that the first compliance request does
// not wait for it (one that comes sooner reads its own records meanwhile). It says so through
// the access log, whose lines other threads' cannot cut in two.
std::thread warm_up(report::KeptRecords& records, DatabaseSessions& sessions, TokenDirectory& tokens, AccessLog& log) {
  return std::thread([&records, &sessions, &tokens, &log] {
    try {
      const auto start = std::chrono::steady_clock::now();
      auto db = sessions.acquire();
      const auto kept = records.current(*db, tokens.tree(), [&sessions] { return sessions.open_beside(); });
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
      if (records.stopped()) return;
      if (kept)
        log.note("cadence serve: " + std::to_string(kept->rows) + " records of " + std::to_string(kept->units.size()) +
                 " units kept for judging (read in " + std::to_string(ms.count()) + " ms)");
      else
        log.note("cadence serve: records not kept for judging: more than [serve] kept_records_max; each report reads its own");
    } catch (const std::exception& e) {
      log.note(std::string("cadence serve: records not read ahead (") + e.what() + "); the first report reads them");
    }
  });
}

WireLimits limits_of(const ServerConfig& config) {
  return {config.header_timeout, config.body_timeout, config.send_timeout, config.keep_alive};
}

// Waits until no connection is open or `until` has come.
void await_closed(const ConnectionCount& count, std::chrono::steady_clock::time_point until) {
  while (count.open.load() > 0 && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

}  // namespace

int run_server(ServerConfig config, std::ostream& log) {
  const sigset_t signals = termination_signals();
  ConnectionCount count;
  count.max = std::min(config.max_connections, raise_descriptor_limit());
  DatabaseSessions sessions(config.db, config.db_pool_size);
  FeedRenderer feeds({config.rules, config.calendar, config.refresh}, sessions, config.cache_bytes);
  // A tree reloaded after the counters were read may have judged the old tree under the new key.
  ComplianceCache compliance(config.compliance_cache_bytes);
  ReportCache reports(config.report_cache_bytes);
  report::KeptRecords records(config.rules, config.kept_records_max);
  TokenDirectory tokens(sessions, config.change_poll, [&feeds, &compliance, &reports] {
    feeds.clear();
    compliance.clear();
    reports.clear();
  });
  FetchRecorder fetches;
  Pending state{sessions, fetches};
  FeedSite site{tokens, feeds, fetches, config.timezone, config.subtree_max_units};
  AccessLog access(log);
  const Authentication auth(config.accounts);
  Router router = feed_routes(site);
  add_session_routes(router, auth);
  ApiSite api{tokens, config.rules, config.calendar, config.timezone, compliance, records,
              [&auth](RequestContext& c) { return auth.principal(c); },
              [&auth](RequestContext& c, const Principal& p) { auth.check_csrf(c, p); }};
  add_api_routes(router, api);
  DashboardSite dashboard{api, auth, reports, config.reminder_send_time};
  add_dashboard_routes(router, dashboard);
  Exchange exchange(
      limits_of(config),
      [&router, &sessions](const HttpRequest& request, std::chrono::system_clock::time_point now, Outcome& outcome) {
        return router.dispatch(request, now, &sessions, outcome);
      },
      access, [&router](std::string_view method, std::string_view path) { return router.content_limit(method, path); });
  exchange.answer_quickly_with(
      [&router](const HttpRequest& request, std::chrono::system_clock::time_point now, Outcome& outcome) {
        return router.dispatch_quick(request, now, outcome);
      });
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(config.host, config.port), 4096);
  socket.setBlocking(false);
  const int io_threads = config.io_threads > 0 ? config.io_threads
                                               : static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 2u));
  std::vector<std::unique_ptr<EventLoop>> loops;
  for (int i = 0; i < io_threads; ++i)
    loops.push_back(std::make_unique<EventLoop>(socket.impl()->sockfd(), exchange, count, access));
  WorkerPool pool(config.workers, [&exchange](Connection& c) { answer_in_worker(c, exchange); });
  std::vector<EventLoop*> dealt_to;
  for (auto& loop : loops) dealt_to.push_back(loop.get());
  std::atomic<std::size_t> turn{0};
  std::vector<std::thread> loop_threads;
  for (auto& loop : loops) {
    loop->set_pool(pool);
    loop->deal_to(dealt_to, turn);
    loop_threads.emplace_back([&loop] { loop->run(); });
  }
  auto housekeeper = std::make_unique<Housekeeper>(state, access, log);
  std::unique_ptr<ReminderScheduler> reminders;
  if (config.reminder_pass)
    reminders = std::make_unique<ReminderScheduler>(
        config.reminder_pass, log, ReminderScheduler::Options{config.reminder_interval, config.reminder_clock_from});
  log << "cadence serve: listening on http://" << socket.address().toString() << " (" << io_threads
      << (io_threads == 1 ? " event loop, " : " event loops, ") << config.workers << " workers, up to " << count.max << " connections)" << std::endl;
  // After that line: what the read says comes through the access log, written by another thread.
  auto reader = warm_up(records, sessions, tokens, access);

  int signal = 0;
  sigwait(&signals, &signal);
  const auto deadline = std::chrono::steady_clock::now() + config.stop_timeout;
  access.flush();  // the lines of requests served so far come before this one
  log << "cadence serve: stopping" << std::endl;
  exchange.stop();
  const bool reminders_done = !reminders || reminders->stop(deadline - kFlushReserve);
  for (auto& loop : loops) loop->advance(EventLoop::Stage::kStopping);
  await_closed(count, deadline - kFlushReserve);
  for (auto& loop : loops) loop->advance(EventLoop::Stage::kCutting);
  await_closed(count, deadline - kFlushReserve / 2);
  const bool workers_done = pool.stop(deadline - kFlushReserve / 2);
  for (auto& loop : loops) loop->advance(EventLoop::Stage::kExit);
  for (auto& t : loop_threads) t.join();
  records.stop();
  reader.join();
  housekeeper.reset();
  flush_state(state, log);
  access.flush();
  if (!workers_done) {
    // A render still running past the stop timeout: what it would add is lost, what is pending is written.
    log << "cadence serve: stopped with requests still being answered after " << config.stop_timeout.count() << " s"
        << std::endl;
    std::_Exit(0);
  }
  if (!reminders_done) {
    // A reminder pass still sending (a slow SMTP server): its claims are leased, so the next
    // pass anywhere takes them over (reminder_scheduler.h); nothing it uses may be destroyed.
    log << "cadence serve: stopped with a reminder pass still running after " << config.stop_timeout.count()
        << " s; its messages will be taken over after their lease" << std::endl;
    std::_Exit(0);
  }
  loops.clear();
  log << "cadence serve: stopped" << std::endl;
  return 0;
}

}  // namespace cadence::web
