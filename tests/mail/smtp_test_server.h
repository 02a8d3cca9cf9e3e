#pragma once
// A real SMTP server for a test (aiosmtpd, or postfix's smtp-sink for faults), started through
// smtp_server.py on 127.0.0.1 at a port the system chose, which it reports on stdout. Stopped
// with SIGTERM at scope exit. Messages it receives are files in its folder.
#include "support/temp_dir.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace cadence::testing {

class SmtpTestServer {
 public:
  // `args`: "aiosmtpd", options… or "sink", smtp-sink options… (see smtp_server.py).
  explicit SmtpTestServer(std::vector<std::string> args) {
    const std::string script = CADENCE_SOURCE_DIR "/tests/mail/smtp_server.py";
    std::vector<std::string> all{"/usr/bin/env", "-u", "LD_PRELOAD", "/usr/bin/python3", script};
    all.push_back(args.at(0));
    all.push_back(folder_.path().string());
    all.insert(all.end(), args.begin() + 1, args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    const int spawned = posix_spawn(&pid_, all[0].c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    if (spawned != 0) throw std::runtime_error("cannot start " + script);
    port_ = read_port(out[0]);
    ::close(out[0]);
    if (port_ == 0) throw std::runtime_error("the SMTP test server did not report its port");
  }
  ~SmtpTestServer() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  SmtpTestServer(const SmtpTestServer&) = delete;
  SmtpTestServer& operator=(const SmtpTestServer&) = delete;

  std::uint16_t port() const { return port_; }
  std::string url(const std::string& scheme = "smtp", const std::string& host = "127.0.0.1") const {
    return scheme + "://" + host + ":" + std::to_string(port_);
  }
  std::filesystem::path folder() const { return folder_.path(); }

  // The bytes of the n-th message received (1-based), waiting a little for the file.
  std::string message(int n) const { return wait_for_file(std::to_string(n) + ".eml"); }
  std::string envelope(int n) const { return wait_for_file(std::to_string(n) + ".env"); }
  int messages() const {
    int n = 0;
    while (std::filesystem::exists(folder_.path() / (std::to_string(n + 1) + ".eml"))) ++n;
    return n;
  }
  int connections() const { return count_lines("connections"); }
  std::string file(const std::string& name) const { return read(folder_.path() / name); }

 private:
  static std::uint16_t read_port(int fd) {
    std::string text;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (text.find('\n') == std::string::npos && std::chrono::steady_clock::now() < until) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      char buffer[256];
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n <= 0) break;
      text.append(buffer, static_cast<std::size_t>(n));
    }
    if (!text.starts_with("port ")) return 0;
    return static_cast<std::uint16_t>(std::stoi(text.substr(5)));
  }
  static std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::string wait_for_file(const std::string& name) const {
    const auto path = folder_.path() / name;
    for (int i = 0; i < 200 && !std::filesystem::exists(path); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return read(path);
  }
  int count_lines(const std::string& name) const {
    const std::string text = read(folder_.path() / name);
    int n = 0;
    for (char c : text) n += c == '\n';
    return n;
  }

  TempDir folder_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace cadence::testing
