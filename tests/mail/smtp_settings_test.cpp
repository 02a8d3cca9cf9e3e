#include "mail/smtp_settings.h"

#include <gtest/gtest.h>

namespace cadence::mail {
namespace {

TEST(SmtpSettingsTest, SchemesAndDefaultPorts) {
  const auto plain = parse_smtp_url("smtp://localhost");
  EXPECT_EQ(plain.security, SmtpSecurity::plain);
  EXPECT_EQ(plain.host, "localhost");
  EXPECT_EQ(plain.port, 25);
  const auto starttls = parse_smtp_url("smtp+starttls://mail.example.org");
  EXPECT_EQ(starttls.security, SmtpSecurity::starttls);
  EXPECT_EQ(starttls.port, 587);
  const auto tls = parse_smtp_url("smtps://mail.example.org:2465/");
  EXPECT_EQ(tls.security, SmtpSecurity::tls);
  EXPECT_EQ(tls.port, 2465);
  const auto v6 = parse_smtp_url("smtp://[::1]:2525");
  EXPECT_EQ(v6.host, "::1");
  EXPECT_EQ(v6.port, 2525);
  EXPECT_EQ(to_string(v6), "smtp://[::1]:2525");
}

void expect_error(const std::string& url, const std::string& part) {
  try {
    parse_smtp_url(url);
    ADD_FAILURE() << url << " was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(url), std::string::npos) << e.what();
  }
}

TEST(SmtpSettingsTest, BadUrlsSayWhatIsWrong) {
  expect_error("http://mail.example.org", "scheme must be smtp://, smtp+starttls:// or smtps://");
  expect_error("smtp://", "no host");
  expect_error("smtp://host:0", "port must be a number from 1 to 65535");
  expect_error("smtp://host:65536", "port must be");
  expect_error("smtp://host:25x", "port must be");
  expect_error("smtp://user:secret@host", "user and password are separate settings");
  expect_error("smtp://[::1", "closing");
  expect_error("smtp://[::1]x", "unexpected text");
}

}  // namespace
}  // namespace cadence::mail
