// Two real processes on one database: another process holds SQLite's write lock (as a long
// `records import` does) while `cadence records add` runs.
#include "cli_runner.h"

#include <gtest/gtest.h>

#include <cstdio>

namespace cadence {
namespace {

using testing::CliRunner;
using testing::shell_quote;

const std::string kGolden = CADENCE_SOURCE_DIR "/tests/cli/golden";

std::vector<std::string> golden(std::vector<std::string> args) {
  args.push_back("--rules=" + kGolden + "/rules");
  args.push_back("--calendars=" CADENCE_SOURCE_DIR "/calendars");
  return args;
}

// A second process that takes the write lock of `db`, says "locked" on its stdout, and keeps the
// lock for `seconds`. The destructor waits for it to commit and exit.
class LockHolder {
 public:
  LockHolder(const std::string& db, double seconds) {
    const std::string script =
        "import sqlite3, sys, time\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "print('locked', flush=True)\n"
        "time.sleep(float(sys.argv[2]))\n"
        "c.execute('COMMIT')\n";
    // On the real clock even when the suite runs under faketime, whose clock_nanosleep
    // Python's time.sleep cannot use (EINVAL): only the time it holds the lock matters here.
    const std::string command =
        "env -u LD_PRELOAD /usr/bin/python3 -c " + shell_quote(script) + " " + shell_quote(db) + " " + std::to_string(seconds);
    pipe_ = popen(command.c_str(), "r");
  }
  ~LockHolder() {
    if (pipe_) pclose(pipe_);
  }
  LockHolder(const LockHolder&) = delete;
  LockHolder& operator=(const LockHolder&) = delete;

  // Blocks until the other process holds the lock; false if it failed to take it.
  bool locked() {
    char line[64] = {};
    return pipe_ && std::fgets(line, sizeof line, pipe_) && std::string(line) == "locked\n";
  }

 private:
  FILE* pipe_ = nullptr;
};

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class WriterWaitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(cli.run(golden({"units", "import", kGolden + "/units.csv"})).code, 0);
  }
  std::vector<std::string> add(const std::string& date) const {
    return golden({"records", "add", "--unit", "town-b", "--rule", "study-group-session", "--date", date});
  }
  CliRunner cli;
};

TEST_F(WriterWaitTest, AWriterWaitsForAnotherAndSaysSoOnce) {
  // Longer than the connection's own 5 s busy timeout, well inside the 60 s default wait.
  LockHolder other(cli.dir().file("cadence.db"), 6.5);
  ASSERT_TRUE(other.locked());
  const auto r = cli.run(add("2026-06-11"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("recorded: town-b study-group-session 2026-06-11"), std::string::npos) << r.out;
  EXPECT_EQ(occurrences(r.err, "waiting for another writer, which holds the database"), 1u) << r.err;
  EXPECT_NE(r.err.find("up to 60 s"), std::string::npos) << r.err;
}

TEST_F(WriterWaitTest, TheWaitEndsAfterDbWaitSeconds) {
  LockHolder other(cli.dir().file("cadence.db"), 4);
  ASSERT_TRUE(other.locked());
  const auto r = cli.run(add("2026-06-12"), "CADENCE_DB_WAIT=1");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("waiting for another writer"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("up to 1 s"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("database is locked"), std::string::npos) << r.err;
}

TEST_F(WriterWaitTest, NoWaitWhenNobodyElseWrites) {
  const auto r = cli.run(add("2026-06-11"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err.find("waiting"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cadence
