#include "mail/smtp_sender.h"

#include "mail_fixtures.h"
#include "smtp_test_server.h"

#include <Poco/Net/ServerSocket.h>
#include <gtest/gtest.h>

#include <thread>

namespace cadence::mail {
namespace {

using cadence::testing::reminder;
using cadence::testing::SmtpTestServer;

SmtpSettings settings_for(const std::string& url) {
  SmtpSettings s;
  s.url = parse_smtp_url(url);
  s.helo_name = "cadence.test";
  s.from = {"Cadence", "cadence@example.org"};
  s.connect_timeout = std::chrono::seconds(5);
  s.command_timeout = std::chrono::seconds(5);
  return s;
}

Message numbered(int i) {
  Message m = reminder();
  m.key += ":" + std::to_string(i);
  return m;
}

TEST(SmtpSenderTest, ManyMessagesOnOneConnectionArriveByteForByte) {
  SmtpTestServer server({"aiosmtpd"});
  SmtpSender sender(settings_for(server.url()));
  for (int i = 1; i <= 5; ++i) {
    const Delivery d = sender.send(numbered(i));
    ASSERT_EQ(d.result, DeliveryResult::sent) << d.reply;
    EXPECT_EQ(d.reply, "250 2.0.0 Ok: queued as " + std::to_string(i));
  }
  sender.close();
  EXPECT_EQ(server.connections(), 1);
  for (int i = 1; i <= 5; ++i) {
    // What arrived, after the server undid dot-stuffing, is exactly what was composed: the line
    // that starts with "." survived, so it was stuffed on the wire.
    EXPECT_EQ(server.message(i), compose(numbered(i), "example.org"));
    EXPECT_EQ(server.envelope(i), "cadence@example.org\nwang@example.org\nli@example.org\n");
    EXPECT_EQ(server.file(std::to_string(i) + ".helo"), "cadence.test\n");
  }
  EXPECT_NE(server.message(1).find("\r\n.=E8=BF=99"), std::string::npos);
}

TEST(SmtpSenderTest, MaxPerConnectionOpensANewConnection) {
  SmtpTestServer server({"aiosmtpd"});
  auto settings = settings_for(server.url());
  settings.max_per_connection = 2;
  SmtpSender sender(settings);
  for (int i = 1; i <= 5; ++i) ASSERT_EQ(sender.send(numbered(i)).result, DeliveryResult::sent);
  sender.close();
  EXPECT_EQ(server.messages(), 5);
  EXPECT_EQ(server.connections(), 3);
}

TEST(SmtpSenderTest, ATemporaryRefusalIsTemporaryAndTheConnectionCarriesOn) {
  SmtpTestServer server({"aiosmtpd", "--data-reply", "451 4.3.0 Mailbox busy, try later"});
  SmtpSender sender(settings_for(server.url()));
  for (int i = 1; i <= 2; ++i) {
    const Delivery d = sender.send(numbered(i));
    EXPECT_EQ(d.result, DeliveryResult::temporary_failure);
    EXPECT_NE(d.reply.find("Mailbox busy, try later"), std::string::npos) << d.reply;
  }
  sender.close();
  EXPECT_EQ(server.connections(), 1);
}

TEST(SmtpSenderTest, APermanentRefusalCarriesTheServersText) {
  SmtpTestServer server({"aiosmtpd", "--data-reply", "554 5.7.1 Rejected by local policy"});
  SmtpSender sender(settings_for(server.url()));
  const Delivery d = sender.send(numbered(1));
  EXPECT_EQ(d.result, DeliveryResult::permanent_failure);
  EXPECT_NE(d.reply.find("Rejected by local policy"), std::string::npos) << d.reply;
}

TEST(SmtpSenderTest, RefusedRecipientsAreSortedByCode) {
  SmtpTestServer soft({"sink", "-r", "RCPT"});
  EXPECT_EQ(SmtpSender(settings_for(soft.url())).send(numbered(1)).result, DeliveryResult::temporary_failure);
  SmtpTestServer hard({"sink", "-f", "RCPT"});
  const Delivery d = SmtpSender(settings_for(hard.url())).send(numbered(1));
  EXPECT_EQ(d.result, DeliveryResult::permanent_failure);
  EXPECT_NE(d.reply.find("5.3.0"), std::string::npos) << d.reply;
}

TEST(SmtpSenderTest, NoServerIsATemporaryFailure) {
  // A socket bound to a port the system chose and never listening: connecting is refused, and
  // no other process can take the port while this test holds it.
  Poco::Net::ServerSocket bound;
  bound.bind(Poco::Net::SocketAddress("127.0.0.1", 0));
  SmtpSender sender(settings_for("smtp://127.0.0.1:" + std::to_string(bound.address().port())));
  const Delivery d = sender.send(numbered(1));
  EXPECT_EQ(d.result, DeliveryResult::temporary_failure);
  EXPECT_NE(d.reply.find("refused"), std::string::npos) << d.reply;
}

TEST(SmtpSenderTest, AHangUpAfterTheFinalDotIsUnknownAndTheResendKeepsTheMessageId) {
  SmtpTestServer server({"sink", "-q", "."});
  SmtpSender sender(settings_for(server.url()));
  const Message m = numbered(1);
  const Delivery first = sender.send(m);
  EXPECT_EQ(first.result, DeliveryResult::unknown) << first.reply;
  // The caller resends once: a new connection, the same Message-ID in the same bytes.
  EXPECT_EQ(sender.send(m).result, DeliveryResult::unknown);
  EXPECT_EQ(sender.message_id_of(m), message_id(m.key, "example.org"));
}

TEST(SmtpSenderTest, ATimeoutAfterTheFinalDotIsUnknown) {
  SmtpTestServer server({"sink", "-W", ".:10"});
  auto settings = settings_for(server.url());
  settings.command_timeout = std::chrono::milliseconds(700);
  SmtpSender sender(settings);
  const auto start = std::chrono::steady_clock::now();
  const Delivery d = sender.send(numbered(1));
  EXPECT_EQ(d.result, DeliveryResult::unknown) << d.reply;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(SmtpSenderTest, AServerThatNeverGreetsTimesOutAsTemporary) {
  // smtp-sink holds its greeting back; over smtps:// the TLS handshake waits in the same way.
  for (const std::string scheme : {"smtp", "smtps"}) {
    SmtpTestServer server({"sink", "-W", "CONNECT:10"});
    auto settings = settings_for(server.url(scheme));
    settings.command_timeout = std::chrono::milliseconds(700);
    const auto start = std::chrono::steady_clock::now();
    const Delivery d = SmtpSender(settings).send(numbered(1));
    EXPECT_EQ(d.result, DeliveryResult::temporary_failure) << scheme;
    EXPECT_NE(d.reply.find("Timeout"), std::string::npos) << d.reply;
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5)) << scheme;
  }
}

TEST(SmtpSenderTest, A421IsTemporary) {
  SmtpTestServer server({"sink", "-Q", "MAIL"});
  const Delivery d = SmtpSender(settings_for(server.url())).send(numbered(1));
  EXPECT_EQ(d.result, DeliveryResult::temporary_failure);
  EXPECT_NE(d.reply.find("421"), std::string::npos) << d.reply;
}

TEST(SmtpSenderTest, AConnectionTheServerClosedWhileIdleIsReplaced) {
  SmtpTestServer server({"aiosmtpd", "--idle-timeout", "0.5"});
  SmtpSender sender(settings_for(server.url()));
  ASSERT_EQ(sender.send(numbered(1)).result, DeliveryResult::sent);
  std::this_thread::sleep_for(std::chrono::milliseconds(900));
  const Delivery d = sender.send(numbered(2));
  EXPECT_EQ(d.result, DeliveryResult::sent) << d.reply;
  EXPECT_EQ(server.messages(), 2);
  EXPECT_EQ(server.connections(), 2);
}

TEST(SmtpSenderTest, PerMinuteLimitWaitsOnTheInjectedClock) {
  SmtpTestServer server({"aiosmtpd"});
  auto settings = settings_for(server.url());
  settings.max_per_minute = 3;
  auto now = std::chrono::steady_clock::time_point{} + std::chrono::hours(1);
  std::vector<std::chrono::milliseconds> waits;
  std::vector<std::chrono::steady_clock::time_point> sent_at;
  SmtpSender sender(
      settings, [&] { return now; },
      [&](std::chrono::milliseconds d) {
        waits.push_back(d);
        now += d;
      });
  for (int i = 1; i <= 7; ++i) {
    ASSERT_EQ(sender.send(numbered(i)).result, DeliveryResult::sent);
    sent_at.push_back(now);
    now += std::chrono::seconds(1);
  }
  EXPECT_EQ(server.messages(), 7);
  // 3 at 0, 1, 2 s; the 4th waits until 60 s, then 61, 62; the 7th until 120 s.
  EXPECT_EQ(waits, (std::vector<std::chrono::milliseconds>{std::chrono::seconds(57), std::chrono::seconds(57)}));
  for (std::size_t i = 3; i < sent_at.size(); ++i) EXPECT_GE(sent_at[i] - sent_at[i - 3], std::chrono::minutes(1));
}

}  // namespace
}  // namespace cadence::mail
