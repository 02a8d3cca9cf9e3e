// TLS and AUTH, through SmtpSender, against aiosmtpd with certificates made at test time.
#include "mail/smtp_session.h"

#include "mail/smtp_sender.h"
#include "mail_fixtures.h"
#include "smtp_test_server.h"
#include "test_certificates.h"

#include <gtest/gtest.h>

namespace cadence::mail {
namespace {

using cadence::testing::reminder;
using cadence::testing::SmtpTestServer;
using cadence::testing::test_certificates;

SmtpSettings settings_for(const std::string& url) {
  SmtpSettings s;
  s.url = parse_smtp_url(url);
  s.helo_name = "cadence.test";
  s.from = {"Cadence", "cadence@example.org"};
  s.ca_file = test_certificates().ca;
  s.connect_timeout = std::chrono::seconds(5);
  s.command_timeout = std::chrono::seconds(5);
  return s;
}

enum class Certificate { good, other_ca, misnamed };

std::vector<std::string> tls_server(const std::string& mode, Certificate which = Certificate::good) {
  const auto& c = test_certificates();
  const std::string& cert = which == Certificate::good ? c.server_cert : which == Certificate::other_ca ? c.other_cert : c.misnamed_cert;
  const std::string& key = which == Certificate::good ? c.server_key : which == Certificate::other_ca ? c.other_key : c.misnamed_key;
  return {"aiosmtpd", "--cert", cert, "--key", key, "--" + mode};
}

TEST(SmtpSessionTest, StartTlsDeliversOverTheSecuredConnection) {
  SmtpTestServer server(tls_server("starttls"));
  SmtpSender sender(settings_for(server.url("smtp+starttls")));
  for (int i = 0; i < 2; ++i) {
    const Delivery d = sender.send(reminder());
    ASSERT_EQ(d.result, DeliveryResult::sent) << d.reply;
  }
  sender.close();
  // aiosmtpd runs with require_starttls: it would have refused MAIL before STARTTLS.
  EXPECT_EQ(server.messages(), 2);
  EXPECT_EQ(server.connections(), 1);
  EXPECT_EQ(server.message(1), compose(reminder(), "example.org"));
}

TEST(SmtpSessionTest, ImplicitTlsDelivers) {
  SmtpTestServer server(tls_server("implicit-tls"));
  const Delivery d = SmtpSender(settings_for(server.url("smtps"))).send(reminder());
  ASSERT_EQ(d.result, DeliveryResult::sent) << d.reply;
  EXPECT_EQ(server.message(1), compose(reminder(), "example.org"));
}

TEST(SmtpSessionTest, ANameTheCertificateDoesNotCarryIsRefused) {
  // Signed by the configured CA, but for mail.invalid, not 127.0.0.1.
  SmtpTestServer server(tls_server("implicit-tls", Certificate::misnamed));
  const Delivery d = SmtpSender(settings_for(server.url("smtps"))).send(reminder());
  EXPECT_EQ(d.result, DeliveryResult::temporary_failure);
  EXPECT_NE(d.reply.find("Unacceptable certificate from 127.0.0.1"), std::string::npos) << d.reply;
  EXPECT_EQ(server.messages(), 0);
}

TEST(SmtpSessionTest, AServerWithoutStartTlsIsAnErrorNeverPlainText) {
  SmtpTestServer server({"aiosmtpd"});
  const Delivery d = SmtpSender(settings_for(server.url("smtp+starttls"))).send(reminder());
  EXPECT_EQ(d.result, DeliveryResult::temporary_failure);
  EXPECT_NE(d.reply.find("refused STARTTLS: 454"), std::string::npos) << d.reply;
  EXPECT_EQ(server.messages(), 0);
}

TEST(SmtpSessionTest, ACertificateFromAnotherCaIsRefused) {
  for (const std::string mode : {"starttls", "implicit-tls"}) {
    SmtpTestServer server(tls_server(mode, Certificate::other_ca));
    const Delivery d = SmtpSender(settings_for(server.url(mode == "starttls" ? "smtp+starttls" : "smtps"))).send(reminder());
    EXPECT_EQ(d.result, DeliveryResult::temporary_failure) << mode;
    EXPECT_NE(d.reply.find("certificate verify failed"), std::string::npos) << d.reply;
    EXPECT_EQ(server.messages(), 0) << mode;
  }
}

TEST(SmtpSessionTest, TheSystemStoreDoesNotTrustTheTestCa) {
  SmtpTestServer server(tls_server("implicit-tls"));
  auto settings = settings_for(server.url("smtps"));
  settings.ca_file.clear();
  const Delivery d = SmtpSender(settings).send(reminder());
  EXPECT_EQ(d.result, DeliveryResult::temporary_failure);
  EXPECT_NE(d.reply.find("certificate verify failed"), std::string::npos) << d.reply;
  EXPECT_EQ(server.messages(), 0);
}

TEST(SmtpSessionTest, AuthPlainAndLogin) {
  for (const SmtpAuth method : {SmtpAuth::plain, SmtpAuth::login}) {
    auto args = tls_server("starttls");
    args.insert(args.end(), {"--auth", "cadence:s3cret pass"});
    SmtpTestServer server(args);
    auto settings = settings_for(server.url("smtp+starttls"));
    settings.user = "cadence";
    settings.password = "s3cret pass";
    settings.auth = method;
    const Delivery d = SmtpSender(settings).send(reminder());
    ASSERT_EQ(d.result, DeliveryResult::sent) << d.reply;
    EXPECT_EQ(server.file("auth"), method == SmtpAuth::plain ? "PLAIN\n" : "LOGIN\n");
  }
}

TEST(SmtpSessionTest, AWrongPasswordIsATemporaryFailureWithTheServersText) {
  auto args = tls_server("starttls");
  args.insert(args.end(), {"--auth", "cadence:right"});
  SmtpTestServer server(args);
  auto settings = settings_for(server.url("smtp+starttls"));
  settings.user = "cadence";
  settings.password = "wrong";
  const Delivery d = SmtpSender(settings).send(reminder());
  EXPECT_EQ(d.result, DeliveryResult::temporary_failure);
  EXPECT_NE(d.reply.find("AUTH PLAIN refused: 535 5.7.8"), std::string::npos) << d.reply;
  EXPECT_EQ(d.reply.find("wrong"), std::string::npos) << "the password is in the error: " << d.reply;
  EXPECT_EQ(server.messages(), 0);
}

TEST(SmtpSessionTest, NoPasswordOverPlainTextToAnotherHost) {
  // Refused before connecting: mail.invalid would not even resolve.
  auto settings = settings_for("smtp://mail.invalid:25");
  settings.user = "cadence";
  settings.password = "secret";
  const Delivery d = SmtpSender(settings).send(reminder());
  EXPECT_EQ(d.result, DeliveryResult::temporary_failure);
  EXPECT_NE(d.reply.find("refusing to send the SMTP password without TLS to smtp://mail.invalid:25"), std::string::npos)
      << d.reply;
}

}  // namespace
}  // namespace cadence::mail
