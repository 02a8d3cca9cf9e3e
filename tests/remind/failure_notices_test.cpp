// The daily notice to a unit's administrators when its messages keep failing, against aiosmtpd
// refusing one secretary's address (for good, or for now), on both backends.
#include "remind/failure_notices.h"

#include "county.h"

#include <gtest/gtest.h>

#include <map>

namespace cadence::remind {
namespace {

using namespace std::chrono_literals;
using namespace test;

class FailureNotices : public County, public ::testing::TestWithParam<Backend> {
 protected:
  FailureNotices() : County(GetParam()) {}

  std::map<std::string, Mail> notices(const testing::SmtpTestServer& server) const {
    std::map<std::string, Mail> out;
    for (auto& m : read_mails(server.folder()))
      if (m.key.starts_with("failures:")) out.emplace(m.key, std::move(m));
    return out;
  }
  // The notice's line about `key`.
  static std::string line_about(const std::string& text, const std::string& key) {
    const auto at = text.find(" " + key + " ");
    if (at == std::string::npos) return "";
    const auto start = text.rfind('\n', at) + 1;
    return text.substr(start, text.find('\n', at) - start);
  }
  std::vector<store::OutboxMessage> failed_about(const std::string& unit) {
    std::vector<store::OutboxMessage> out;
    for (auto& m : store::Outbox(db).list(std::string("failed")))
      if (m.unit == unit) out.push_back(std::move(m));
    return out;
  }
};

TEST_P(FailureNotices, RefusedMessagesAreToldToTheAdministratorsOnceADay) {
  testing::SmtpTestServer server(
      {"aiosmtpd", "--refuse", "a-sec@example.org=550 5.1.1 <a-sec@example.org>: mailbox unavailable"});
  const auto first = pass(server, d(2026, 6, 1));
  EXPECT_GT(first.delivery.failed, 0);
  EXPECT_EQ(first.failure_notices, 1);
  auto got = notices(server);
  ASSERT_EQ(got.size(), 1u);
  const auto& notice = got.at("failures:town-a:-:2026-06-01:-:-");
  EXPECT_EQ(notice.to, std::vector<std::string>{"a-admin@example.org"});
  EXPECT_NE(notice.subject.find("【发送失败】杨柳镇党委："), std::string::npos) << notice.subject;
  const auto failed = failed_about("town-a");
  ASSERT_FALSE(failed.empty());
  for (const auto& f : failed) {
    const auto line = line_about(notice.text, f.key);
    EXPECT_TRUE(line.starts_with("· #" + std::to_string(f.id) + " " + f.key + " → a-sec@example.org：")) << notice.text;
    EXPECT_NE(line.find("550 5.1.1 <a-sec@example.org>: mailbox unavailable"), std::string::npos) << line;
    EXPECT_EQ(f.reported_in, "failures:town-a:-:2026-06-01:-:-");
  }
  // Nothing else failed: no other unit hears of it.
  EXPECT_EQ(store::Outbox(db).unreported_failures().size(), 0u);

  // A message retried by hand that fails again the same day waits for the next day's notice.
  EXPECT_EQ(pass(server, d(2026, 6, 1), 9h + 30min).failure_notices, 0);
  ASSERT_TRUE(store::Outbox(db).retry(failed[0].id, at(d(2026, 6, 1), 10h)));
  const auto again = pass(server, d(2026, 6, 1), 10h);
  EXPECT_EQ(again.delivery.failed, 1);
  EXPECT_EQ(again.failure_notices, 0);
  EXPECT_EQ(notices(server).size(), 1u);
  pass(server, d(2026, 6, 2));
  got = notices(server);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_NE(got.at("failures:town-a:-:2026-06-02:-:-").text.find(failed[0].key), std::string::npos);
  EXPECT_EQ(store::Outbox(db).find(failed[0].id)->reported_in, "failures:town-a:-:2026-06-02:-:-");
}

TEST_P(FailureNotices, TemporaryRefusalsAreGivenUpOnAfterTheConfiguredTriesAndTold) {
  testing::SmtpTestServer server({"aiosmtpd", "--refuse", "a-sec@example.org=451 4.3.0 try again later"});
  settings.max_tries = 2;
  settings.language = Language::en;
  const auto first = pass(server, d(2026, 6, 1));
  EXPECT_GT(first.delivery.retried, 0);
  EXPECT_EQ(first.delivery.failed, 0);
  EXPECT_TRUE(notices(server).empty());
  // The first backoff is a minute: the second try is the last.
  const auto second = pass(server, d(2026, 6, 1), 9h + 2min);
  EXPECT_EQ(second.delivery.failed, first.delivery.retried);
  const auto got = notices(server);
  ASSERT_EQ(got.size(), 1u);
  const auto& notice = got.at("failures:town-a:-:2026-06-01:-:-");
  EXPECT_NE(notice.subject.find("[Delivery failures] 杨柳镇党委: "), std::string::npos) << notice.subject;
  for (const auto& f : failed_about("town-a")) {
    EXPECT_EQ(f.tries, 2);
    const auto line = line_about(notice.text, f.key);
    EXPECT_NE(line.find(f.key + " to a-sec@example.org: after 2 tries: "), std::string::npos) << notice.text;
    EXPECT_NE(line.find("451 4.3.0 try again later"), std::string::npos) << line;
  }
}

TEST_P(FailureNotices, AServerThatHangsUpAfterEveryMessageGetsEachOneTwiceThenTheyAreUnconfirmed) {
  // smtp-sink -q .: the connection drops after the final ".", the outcome is never known.
  testing::SmtpTestServer server({"sink", "-q", "."});
  for (const std::chrono::minutes time : {9h + 0min, 9h + 1min, 9h + 2min}) pass(server, d(2026, 6, 1), time);
  int reminders = 0;
  for (const auto& m : store::Outbox(db).list(std::nullopt)) {
    if (m.to.empty()) continue;
    if (m.kind == "failures") {
      EXPECT_TRUE(m.key.ends_with(":-:2026-06-01:-:-")) << m.key;
      continue;
    }
    ++reminders;
    // Handed over twice (the try and its one resend), never a third time.
    EXPECT_EQ(m.status, "unconfirmed") << m.key;
    EXPECT_EQ(m.unconfirmed_sends, 2) << m.key;
    EXPECT_EQ(m.tries, 2) << m.key;
    EXPECT_FALSE(m.reported_in.empty()) << m.key;
  }
  EXPECT_GT(reminders, 5);
}

INSTANTIATE_TEST_SUITE_P(Backends, FailureNotices, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::remind
