// `cadence remind` and `cadence outbox` as a user runs them, against aiosmtpd on 127.0.0.1, and
// killed with SIGKILL at random moments of a pass.
#include "cli_runner.h"
#include "mail/smtp_test_server.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

namespace cadence::testing {
namespace {

const char* kUnits =
    "id,parent,name,type,secretary_email,admin_emails,timezone\n"
    "county,,清河县委,committee,county-sec@example.org,county-admin@example.org,\n"
    "town-a,county,杨柳镇党委,committee,a-sec@example.org,a-admin@example.org,\n"
    "town-b,county,桃花镇党委,committee,,b-admin@example.org,\n"
    "branch,town-a,杨柳村党支部,branch,branch-sec@example.org,,\n";

class RemindCommand : public ::testing::Test {
 protected:
  RemindCommand() {
    cli.dir().write("units.csv", kUnits);
    cli.dir().write("cadence.toml", "[mail]\nlease_seconds = 10\nmax_per_minute = 0\nfrom = \"cadence@example.org\"\n");
    EXPECT_EQ(cli.run(with_repo_data({"units", "import", "units.csv"})).code, 0);
  }
  std::vector<std::string> remind(const std::string& now, const SmtpTestServer& server) const {
    return with_repo_data({"remind", "--now", now, "--smtp", server.url(), "--config", "cadence.toml"});
  }
  // Keys and Message-IDs of every message the server received, read from their headers.
  static std::multimap<std::string, std::string> received(const SmtpTestServer& server) {
    std::multimap<std::string, std::string> out;
    for (int n = 1; n <= server.messages(); ++n) {
      const auto m = server.message(n);
      auto header = [&](const std::string& name) {
        const auto at = m.find("\r\n" + name + ": ");
        if (at == std::string::npos) return std::string();
        const auto from = at + name.size() + 4;
        return m.substr(from, m.find("\r\n", from) - from);
      };
      out.emplace(header("X-Cadence-Key"), header("Message-ID"));
    }
    return out;
  }

  // `cadence ARGS` in the test's folder, as a child process (exec: the kill reaches cadence itself).
  pid_t start(const std::vector<std::string>& args) const {
    std::string cmd = "cd '" + cli.dir().path().string() + "' && exec '" CADENCE_BINARY_DIR "/src/cli/cadence'";
    for (const auto& a : args) cmd += " " + shell_quote(a);
    cmd += " >/dev/null 2>&1";
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    return pid;
  }
  static int wait(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return status;
  }

  CliRunner cli;
};

TEST_F(RemindCommand, ADryRunShowsWhatWouldGoOutAndChangesNothing) {
  SmtpTestServer server({"aiosmtpd"});
  const auto dry = cli.run(with_repo_data({"remind", "--now", "2026-06-01T09:00", "--dry-run"}));
  ASSERT_EQ(dry.code, 0) << dry.err;
  EXPECT_NE(dry.out.find("digest-week:county:-:2026-W23:-:-\tcounty-admin@example.org\t【周报】"), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("(no address)"), std::string::npos);
  EXPECT_EQ(cli.run(with_repo_data({"outbox", "list"})).out.find("digest-week"), std::string::npos);
  EXPECT_EQ(server.messages(), 0);
  const auto real = cli.run(remind("2026-06-01T09:00+08:00", server));
  ASSERT_EQ(real.code, 0) << real.err;
  const auto list = cli.run(with_repo_data({"outbox", "list", "--status", "no_address"}));
  EXPECT_NE(list.out.find("town-b"), std::string::npos) << list.out;
  EXPECT_GT(server.messages(), 0);
  const auto show = cli.run(with_repo_data({"outbox", "show", "1"}));
  EXPECT_EQ(show.code, 0) << show.err;
  EXPECT_NE(show.out.find("status: "), std::string::npos);
  EXPECT_EQ(cli.run(with_repo_data({"outbox", "retry", "1"})).code, 2);  // it has not failed
  // Digests off for the county: its weekly digest is no longer decided; its reminders still are.
  ASSERT_EQ(cli.run(with_repo_data({"digests", "off", "--unit", "county"})).code, 0);
  EXPECT_EQ(cli.run(with_repo_data({"digests", "list"})).out, "county\tdigests off\n");
  const auto week = cli.run(with_repo_data({"remind", "--now", "2026-06-08T09:00", "--dry-run"}));
  EXPECT_EQ(week.out.find("digest-week:county:"), std::string::npos) << week.out;
  EXPECT_NE(week.out.find("digest-week:town-a:-:2026-W24"), std::string::npos) << week.out;
  // Saturday 2026-06-06 is no workday: nothing is decided.
  const auto saturday = cli.run(remind("2026-06-06T10:00", server));
  EXPECT_NE(saturday.err.find("remind: 0 due"), std::string::npos) << saturday.err;
}

TEST_F(RemindCommand, KilledAtRandomMomentsEveryMessageIsDeliveredAndResentAtMostOnce) {
  SmtpTestServer server({"aiosmtpd"});
  std::mt19937 random(20260601);
  const std::string binary = CADENCE_BINARY_DIR "/src/cli/cadence";
  int kills = 0;
  for (int day = 1; day <= 12; ++day) {
    const std::string date = "2026-06-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
    for (int attempt = 0; attempt < 2; ++attempt) {
      std::string cmd = "cd '" + cli.dir().path().string() + "' && exec '" + binary + "'";
      for (const auto& a : remind(date + "T09:00", server)) cmd += " " + shell_quote(a);
      cmd += " >/dev/null 2>&1";  // exec: the shell becomes cadence, so the kill reaches it
      const pid_t pid = ::fork();
      if (pid == 0) {
        ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(5, 120)(random)));
      ::kill(pid, SIGKILL);
      int status = 0;
      ::waitpid(pid, &status, 0);
      kills += WIFSIGNALED(status);  // not when the pass had finished already
    }
    // A later pass, past the 10 s lease, takes over what the killed ones held.
    const auto done = cli.run(remind(date + "T09:01", server));
    ASSERT_LE(done.code, 1) << done.err;
  }
  EXPECT_GT(kills, 0);
  const auto pending = cli.run(with_repo_data({"outbox", "list", "--status", "pending"}));
  const auto sending = cli.run(with_repo_data({"outbox", "list", "--status", "sending"}));
  EXPECT_EQ(pending.out.find(":"), std::string::npos) << pending.out;
  EXPECT_EQ(sending.out.find(":"), std::string::npos) << sending.out;
  const auto got = received(server);
  std::set<std::string> keys;
  for (const auto& [key, id] : got) keys.insert(key);
  for (const auto& key : keys) {
    EXPECT_LE(got.count(key), 2u) << key;
    const auto [first, last] = got.equal_range(key);
    for (auto it = first; it != last; ++it) EXPECT_EQ(it->second, first->second) << key;
  }
  // Sent, or (killed twice after handing it over) unconfirmed: either way received.
  const auto sent = cli.run(with_repo_data({"outbox", "list", "--status", "sent"})).out +
                    cli.run(with_repo_data({"outbox", "list", "--status", "unconfirmed"})).out;
  for (const auto& key : keys) EXPECT_NE(sent.find(key), std::string::npos) << key;
  EXPECT_GT(keys.size(), 10u);
}

// Waits (a generous while: the machine may be busy) until the server has stored `n` messages.
bool stored(const SmtpTestServer& server, int n) {
  for (int i = 0; i < 3000 && server.messages() < n; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return server.messages() >= n;
}

TEST_F(RemindCommand, AMessageHandedOverTwiceByHoldersThatWereKilledIsNotSentAThirdTime) {
  // The server stores each of the first two messages, then holds its reply back: the pass is
  // killed after handing the message over and before learning whether it was accepted.
  SmtpTestServer server({"aiosmtpd", "--stored-reply-delay", "120", "--delayed-messages", "2"});
  for (int n = 1; n <= 2; ++n) {
    // Each pass a minute later than the last, past the 10 s lease: it takes the claims over.
    const pid_t pid = start(remind("2026-06-01T09:0" + std::to_string(n - 1) + "+08:00", server));
    ASSERT_TRUE(stored(server, n));
    ::kill(pid, SIGKILL);
    EXPECT_TRUE(WIFSIGNALED(wait(pid)));
  }
  const auto done = cli.run(remind("2026-06-01T09:02+08:00", server));
  EXPECT_EQ(done.code, 1) << done.err;  // one message unconfirmed
  EXPECT_NE(done.err.find(" 1 unconfirmed"), std::string::npos) << done.err;
  const auto got = received(server);
  std::string key;
  for (const auto& [k, id] : got)
    if (got.count(k) > 1) key = k;
  ASSERT_FALSE(key.empty()) << "the resend is missing";
  // Twice, with one Message-ID: the first try and its one resend; no third copy.
  EXPECT_EQ(got.count(key), 2u);
  const auto copy = got.find(key);
  EXPECT_EQ(copy->second, std::next(copy)->second);
  for (const auto& [k, id] : got) EXPECT_LE(got.count(k), k == key ? 2u : 1u) << k;
  const auto unconfirmed = cli.run(with_repo_data({"outbox", "list", "--status", "unconfirmed"}));
  EXPECT_NE(unconfirmed.out.find(key), std::string::npos) << unconfirmed.out;
  EXPECT_EQ(cli.run(with_repo_data({"outbox", "list", "--status", "pending"})).out.find(":"), std::string::npos);
  EXPECT_EQ(cli.run(with_repo_data({"outbox", "list", "--status", "sending"})).out.find(":"), std::string::npos);
  // The unit's administrators are told, as for a failure.
  const auto unit = key.substr(key.find(':') + 1, key.find(':', key.find(':') + 1) - key.find(':') - 1);
  bool told = false;
  for (const auto& [k, id] : got) told = told || k.starts_with("failures:" + unit + ":-:2026-06-01:");
  EXPECT_TRUE(told) << unit;
}

TEST_F(RemindCommand, ThreePassesAtOnceOnPostgreSQLSendEachKeyOnceAndTakeOverAKilledOnesClaims) {
  PgDatabase pg;
  auto with_db = [&](std::vector<std::string> args) {
    args.push_back("--db=" + pg.uri());
    return args;
  };
  ASSERT_EQ(cli.run(with_db(with_repo_data({"units", "import", "units.csv"}))).code, 0);
  SmtpTestServer server({"aiosmtpd"});
  std::vector<pid_t> passes;
  for (int i = 0; i < 3; ++i) passes.push_back(start(with_db(remind("2026-06-01T09:00", server))));
  for (const auto pid : passes) EXPECT_TRUE(WIFEXITED(wait(pid)));
  auto got = received(server);
  ASSERT_GT(got.size(), 10u);
  for (const auto& [key, id] : got) EXPECT_EQ(got.count(key), 1u) << key;

  // The next workday, one of three is killed mid-pass; a pass after the lease takes its claims over.
  passes.clear();
  for (int i = 0; i < 3; ++i) passes.push_back(start(with_db(remind("2026-06-02T09:00", server))));
  std::this_thread::sleep_for(std::chrono::milliseconds(40));
  ::kill(passes[0], SIGKILL);
  for (const auto pid : passes) wait(pid);
  ASSERT_LE(cli.run(with_db(remind("2026-06-02T09:01", server))).code, 1);
  got = received(server);
  for (const auto& [key, id] : got) {
    EXPECT_LE(got.count(key), 2u) << key;
    EXPECT_EQ(got.find(key)->second, id) << key;
  }
  const auto left = cli.run(with_db(with_repo_data({"outbox", "list", "--status", "sending"})));
  EXPECT_EQ(left.out.find(":"), std::string::npos) << left.out;
  const auto pending = cli.run(with_db(with_repo_data({"outbox", "list", "--status", "pending"})));
  EXPECT_EQ(pending.out.find(":"), std::string::npos) << pending.out;
}

}  // namespace
}  // namespace cadence::testing
