#include "mail/smtp_sender.h"

#include "mail_fixtures.h"
#include "smtp_test_server.h"

#include <gtest/gtest.h>

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
    EXPECT_NE(d.reply.find("queued as " + std::to_string(i)), std::string::npos) << d.reply;
  }
  sender.close();
  EXPECT_EQ(server.connections(), 1);
  for (int i = 1; i <= 5; ++i) {
    // What arrived, after the server undid dot-stuffing, is exactly what was composed: the line
    // that starts with "." survived, so it was stuffed on the wire.
    EXPECT_EQ(server.message(i), compose(numbered(i), "example.org"));
    EXPECT_EQ(server.envelope(i), "cadence@example.org\nwang@example.org\nli@example.org\n");
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

}  // namespace
}  // namespace cadence::mail
