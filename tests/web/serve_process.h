#pragma once
// A real `cadence serve` process for tests: it binds a port the system chose (127.0.0.1:0) and
// the test reads that port from its "listening on" line, so tests running side by side never
// race for a port probed free and released. Stopped with SIGTERM, as systemd stops it.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace cadence::testing {

class ServeProcess {
 public:
  ServeProcess() = default;
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;
  ~ServeProcess() {
    if (pid_ > 0 && stop(std::chrono::seconds(20)) == -2) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  // Starts `cadence serve --listen 127.0.0.1:0 ARGS…` with its stderr in `log_file`, from the
  // folder `cwd` when one is given. False, with the log to show, when it never said where it
  // listens.
  bool start(const std::vector<std::string>& args, const std::string& log_file, const std::string& cwd = "") {
    log_file_ = log_file;
    const std::string binary = CADENCE_BINARY_DIR "/src/cli/cadence";
    std::vector<std::string> all{binary, "serve", "--listen", "127.0.0.1:0"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    posix_spawn_file_actions_addopen(&actions, 2, log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int spawned = posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return false;
    port_ = 0;
    for (int i = 0; i < 400 && port_ == 0; ++i) {
      port_ = listening_port(log());
      if (port_ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return port_ != 0;
  }

  // SIGTERM; the exit code, -1 if it did not exit normally, -2 if it is still running after
  // `patience` (then it is left running).
  int stop(std::chrono::milliseconds patience) {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    const auto until = std::chrono::steady_clock::now() + patience;
    int status = 0;
    while (::waitpid(pid_, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > until) return -2;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  // Ends a process that did not stop: SIGKILL.
  void kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

  std::uint16_t port() const { return port_; }
  bool running() const { return pid_ > 0; }
  std::string log() const {
    std::ifstream in(log_file_, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  // The port of a "listening on http://127.0.0.1:PORT" line; 0 while there is none.
  static std::uint16_t listening_port(const std::string& log) {
    const std::string prefix = "listening on http://127.0.0.1:";
    const auto at = log.find(prefix);
    if (at == std::string::npos) return 0;
    const auto digits = log.find_first_not_of("0123456789", at + prefix.size());
    if (digits == std::string::npos) return 0;  // the line is still being written
    return static_cast<std::uint16_t>(std::stoi(log.substr(at + prefix.size(), digits - at - prefix.size())));
  }

 private:
  std::string log_file_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace cadence::testing
