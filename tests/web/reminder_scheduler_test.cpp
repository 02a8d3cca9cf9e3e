// The reminder scheduler inside a real `cadence serve`, against aiosmtpd on 127.0.0.1: within a
// few of its wake-ups it delivers exactly what `cadence remind --dry-run` lists for the same
// moment, later wake-ups and a restart send nothing twice, and a pass cut short by the stop
// deadline loses nothing. Its clock starts at a chosen moment (--remind-from), so nothing here
// depends on today's date, and it wakes every second ([remind] interval_seconds = 1).
#include "cli/cli_runner.h"
#include "mail/smtp_test_server.h"
#include "serve_process.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <thread>

namespace cadence::testing {
namespace {

using namespace std::chrono_literals;

// A Monday, after the send time: the first workday of the month and of the week.
const std::string kMoment = "2026-06-01T10:00+08:00";

class ServeReminders : public ::testing::TestWithParam<Backend> {
 protected:
  ServeReminders() {
    cli.dir().write("units.csv",
                    "id,parent,name,type,secretary_email,admin_emails,timezone\n"
                    "county,,清河县委,committee,county-sec@example.org,county-admin@example.org,\n"
                    "town-a,county,杨柳镇党委,committee,a-sec@example.org,a-admin@example.org,\n"
                    "town-b,county,桃花镇党委,committee,,b-admin@example.org,\n");
    cli.dir().write("more.csv",
                    "id,parent,name,type,secretary_email,admin_emails,timezone\n"
                    "town-c,county,柳河镇党委,committee,c-sec@example.org,c-admin@example.org,\n");
    cli.dir().write("cadence.toml", "[mail]\nsmtp = \"" + server.url() +
                                        "\"\nfrom = \"cadence@example.org\"\nmax_per_minute = 0\nlease_seconds = 10\n"
                                        "[serve]\nstop_timeout_seconds = 2\n[remind]\ninterval_seconds = 1\n");
    EXPECT_EQ(run({"units", "import", "units.csv"}).code, 0);
  }

  std::vector<std::string> options(std::vector<std::string> args, const TestDatabase& db) const {
    args = with_repo_data(std::move(args));
    args.push_back("--db=" + db.uri());
    args.push_back("--config=" + cli.dir().file("cadence.toml"));
    return args;
  }
  std::vector<std::string> options(std::vector<std::string> args) const { return options(std::move(args), target); }
  CliResult run(const std::vector<std::string>& args) const { return cli.run(options(args)); }

  bool start_serve(ServeProcess& serve) const {
    return serve.start(options({"--remind-from", kMoment}), cli.dir().file("serve.log"), cli.dir().path().string());
  }

  // "KEY\tRECIPIENTS" of what a pass at kMoment would add, those with somebody to send to.
  std::multiset<std::string> due() const { return due_in(target); }
  std::multiset<std::string> due_in(const TestDatabase& db) const {
    const auto dry = cli.run(options({"remind", "--now", kMoment, "--dry-run"}, db));
    EXPECT_EQ(dry.code, 0) << dry.err;
    std::multiset<std::string> out;
    std::istringstream lines(dry.out);
    for (std::string line; std::getline(lines, line);) {
      const auto tab = line.find('\t', line.find('\t') + 1);
      const auto entry = line.substr(0, tab);
      if (entry.find("(no address)") == std::string::npos) out.insert(entry);
    }
    return out;
  }
  // What the served database must have received once it holds the units of `files` beyond
  // those `sent` was for: asked of a database of those units with no outbox, which no server
  // watches, so that no wake-up of the running server can take them first.
  std::multiset<std::string> due_beyond(const std::vector<std::string>& files, const std::multiset<std::string>& sent) const {
    TestDatabase fresh{GetParam()};
    for (const auto& file : files) EXPECT_EQ(cli.run(options({"units", "import", file}, fresh)).code, 0) << file;
    auto out = due_in(fresh);
    for (const auto& entry : sent)
      if (const auto at = out.find(entry); at != out.end()) out.erase(at);
    return out;
  }
  // The same of what the server received: the X-Cadence-Key header and the envelope's recipients.
  std::multiset<std::string> received() const {
    std::multiset<std::string> out;
    for (int n = 1; n <= server.messages(); ++n) out.insert(key_of(server.message(n)) + "\t" + recipients(n));
    return out;
  }
  static std::string key_of(const std::string& message) {
    const auto at = message.find("\r\nX-Cadence-Key: ") + 17;
    return message.substr(at, message.find("\r\n", at) - at);
  }
  std::string recipients(int n) const {
    std::istringstream lines(server.envelope(n));
    std::string line, out;
    std::getline(lines, line);  // MAIL FROM
    while (std::getline(lines, line))
      if (!line.empty()) out += (out.empty() ? "" : ", ") + line;
    return out;
  }
  // True once the server holds `n` messages; a busy machine gets a generous minute.
  bool holds(std::size_t n) const {
    for (int i = 0; i < 600 && static_cast<std::size_t>(server.messages()) < n; ++i) std::this_thread::sleep_for(100ms);
    return static_cast<std::size_t>(server.messages()) == n;
  }

  TestDatabase target{GetParam()};
  CliRunner cli;
  SmtpTestServer server{{"aiosmtpd"}};
};

TEST_P(ServeReminders, DeliversWhatTheDryRunListsAndNothingTwiceAcrossWakeUpsAndARestart) {
  const auto first = due();
  ASSERT_GT(first.size(), 5u);
  ServeProcess serve;
  ASSERT_TRUE(start_serve(serve)) << serve.log();
  ASSERT_TRUE(holds(first.size())) << serve.log();
  EXPECT_EQ(received(), first);
  EXPECT_TRUE(due().empty());

  // A unit added while it runs: a later wake-up decides its messages, and only those.
  const auto second = due_beyond({"units.csv", "more.csv"}, first);
  ASSERT_EQ(run({"units", "import", "more.csv"}).code, 0);
  ASSERT_FALSE(second.empty());
  for (const auto& entry : second) EXPECT_NE(entry.find(":town-c:"), std::string::npos) << entry;
  auto all = first;
  all.insert(second.begin(), second.end());
  ASSERT_TRUE(holds(all.size())) << serve.log();
  EXPECT_EQ(received(), all);

  // Restarted at the same moment, it finds everything in the outbox and sends nothing again;
  // a unit added after the restart shows that its passes ran, and only that unit's go out.
  EXPECT_EQ(serve.stop(20s), 0) << serve.log();
  ASSERT_TRUE(start_serve(serve)) << serve.log();
  cli.dir().write("town-d.csv",
                  "id,parent,name,type,secretary_email,admin_emails,timezone\n"
                  "town-d,county,河西镇党委,committee,d-sec@example.org,,\n");
  const auto third = due_beyond({"units.csv", "more.csv", "town-d.csv"}, all);
  ASSERT_EQ(run({"units", "import", "town-d.csv"}).code, 0);
  ASSERT_FALSE(third.empty());
  for (const auto& entry : third) EXPECT_NE(entry.find(":town-d:"), std::string::npos) << entry;
  all.insert(third.begin(), third.end());
  ASSERT_TRUE(holds(all.size())) << serve.log();
  EXPECT_EQ(received(), all);
  EXPECT_EQ(serve.stop(20s), 0) << serve.log();
}

TEST_P(ServeReminders, APassCutShortByTheStopDeadlineLosesNothing) {
  // The server stores the first message and holds its reply back far beyond serve's 2 s stop
  // timeout: serve exits with that pass still waiting, its claims still leased.
  SmtpTestServer slow({"aiosmtpd", "--stored-reply-delay", "120", "--delayed-messages", "1"});
  cli.dir().write("cadence.toml", "[mail]\nsmtp = \"" + slow.url() +
                                      "\"\nfrom = \"cadence@example.org\"\nmax_per_minute = 0\nlease_seconds = 10\n"
                                      "[serve]\nstop_timeout_seconds = 2\n[remind]\ninterval_seconds = 1\n");
  const auto expected = due();
  ServeProcess serve;
  ASSERT_TRUE(start_serve(serve)) << serve.log();
  for (int i = 0; i < 600 && slow.messages() < 1; ++i) std::this_thread::sleep_for(100ms);
  ASSERT_EQ(slow.messages(), 1);
  EXPECT_NE(serve.stop(30s), -2) << serve.log();  // bounded: it did exit
  // A pass after the lease takes the claims over: every message arrives, the one whose reply
  // never came once more with the same Message-ID, no other twice.
  ASSERT_LE(run({"remind", "--now", "2026-06-01T10:05+08:00"}).code, 1);
  std::map<std::string, std::set<std::string>> ids;
  std::multiset<std::string> got;
  for (int n = 1; n <= slow.messages(); ++n) {
    const auto m = slow.message(n);
    const auto at = m.find("\r\nMessage-ID: ") + 14;
    ids[key_of(m)].insert(m.substr(at, m.find("\r\n", at) - at));
    got.insert(key_of(m));
  }
  const auto first = key_of(slow.message(1));
  EXPECT_EQ(got.count(first), 2u);
  EXPECT_EQ(ids[first].size(), 1u);
  std::set<std::string> keys;
  for (const auto& e : expected) keys.insert(e.substr(0, e.find('\t')));
  for (const auto& k : keys) EXPECT_EQ(got.count(k), k == first ? 2u : 1u) << k;
  EXPECT_EQ(run({"outbox", "list", "--status", "sending"}).out.find(":"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServeReminders, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::testing
