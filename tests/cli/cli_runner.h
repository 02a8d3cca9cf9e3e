#pragma once
// Runs the real `cadence` binary in a temporary folder, as a user would, and captures what it
// prints and its exit code.
#include "support/temp_dir.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <sys/wait.h>
#include <vector>

namespace cadence::testing {

struct CliResult {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

class CliRunner {
 public:
  CliRunner() { dir_.write("empty", ""); }
  // Every run gets --db=`db`: a test fixture that runs on either backend (support/test_database.h).
  explicit CliRunner(std::string db) : db_(std::move(db)) { dir_.write("empty", ""); }
  const TempDir& dir() const { return dir_; }

  // Global options point at the repository's rules and calendars unless the test overrides them.
  CliResult run(const std::vector<std::string>& args, const std::string& env = "") const {
    std::string cmd = "cd " + shell_quote(dir_.path().string()) + " && " + env + " NO_COLOR=1 " +
                      shell_quote(CADENCE_BINARY_DIR "/src/cli/cadence");
    for (const auto& a : args) cmd += " " + shell_quote(a);
    if (!db_.empty()) cmd += " " + shell_quote("--db=" + db_);
    cmd += " >" + shell_quote(dir_.file(".out")) + " 2>" + shell_quote(dir_.file(".err")) + " </dev/null";
    const int status = std::system(cmd.c_str());
    CliResult r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(dir_.file(".out"));
    r.err = slurp(dir_.file(".err"));
    return r;
  }

  static std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  TempDir dir_;
  std::string db_;
};

inline std::vector<std::string> with_repo_data(std::vector<std::string> args) {
  args.push_back("--rules=" CADENCE_SOURCE_DIR "/rules");
  args.push_back("--calendars=" CADENCE_SOURCE_DIR "/calendars");
  return args;
}

}  // namespace cadence::testing
