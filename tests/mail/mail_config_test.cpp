#include "mail/mail_config.h"

#include "support/temp_dir.h"

#include <gtest/gtest.h>

namespace cadence::mail {
namespace {

using cadence::testing::TempDir;

struct Read {
  MailConfig config;
  Diagnostics diagnostics;
};

Read read(const std::string& toml_text) {
  TempDir dir;
  const std::string path = dir.write("cadence.toml", toml_text);
  Read r;
  auto doc = parse_toml_file(path, r.diagnostics);
  if (!doc) return r;
  TomlFields t(*doc->get("mail")->as_table(), "cadence.toml", "[mail] ", r.diagnostics);
  r.config = read_mail_config(t);
  return r;
}

TEST(MailConfigTest, ReadsEveryKey) {
  const Read r = read(R"([mail]
url = "smtp+starttls://mail.example.org:2587"
from = "cadence@example.org"
from_name = "Cadence 提醒"
reply_to = "office@example.org"
helo_name = "cadence.example.org"
user = "cadence"
password_file = "/etc/cadence/smtp-password"
auth = "login"
ca_file = "/etc/cadence/ca.pem"
connect_timeout_seconds = 3
command_timeout_seconds = 20
max_per_connection = 10
max_per_minute = 0
)");
  ASSERT_TRUE(r.diagnostics.empty()) << r.diagnostics[0].to_string();
  const SmtpSettings& s = r.config.smtp;
  EXPECT_EQ(s.url.security, SmtpSecurity::starttls);
  EXPECT_EQ(s.url.host, "mail.example.org");
  EXPECT_EQ(s.url.port, 2587);
  EXPECT_EQ(s.from.address, "cadence@example.org");
  EXPECT_EQ(s.from.display_name, "Cadence 提醒");
  ASSERT_TRUE(s.reply_to);
  EXPECT_EQ(s.reply_to->address, "office@example.org");
  EXPECT_EQ(s.helo_name, "cadence.example.org");
  EXPECT_EQ(s.user, "cadence");
  EXPECT_TRUE(s.password.empty());
  EXPECT_EQ(r.config.password_file, "/etc/cadence/smtp-password");
  EXPECT_EQ(s.auth, SmtpAuth::login);
  EXPECT_EQ(s.ca_file, "/etc/cadence/ca.pem");
  EXPECT_EQ(s.connect_timeout, std::chrono::seconds(3));
  EXPECT_EQ(s.command_timeout, std::chrono::seconds(20));
  EXPECT_EQ(s.max_per_connection, 10);
  EXPECT_EQ(s.max_per_minute, 0);
}

TEST(MailConfigTest, DefaultsWhenTheTableIsEmpty) {
  const Read r = read("[mail]\n");
  ASSERT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(to_string(r.config.smtp.url), "smtp://localhost:25");
  EXPECT_FALSE(r.config.smtp.reply_to);
  EXPECT_EQ(r.config.smtp.max_per_minute, 60);
}

TEST(MailConfigTest, ProblemsNameTheLineAndTheKey) {
  const Read r = read(R"([mail]
url = "http://mail.example.org"
from = "not an address"
auth = "cram-md5"
max_per_minute = -1
password = "secret"
)");
  ASSERT_EQ(r.diagnostics.size(), 5u);
  std::string all;
  for (const auto& d : r.diagnostics) all += d.to_string() + "\n";
  EXPECT_NE(all.find("cadence.toml:2:7: error: [mail] bad SMTP URL \"http://mail.example.org\""), std::string::npos) << all;
  EXPECT_NE(all.find("cadence.toml:3:8: error: [mail] from: not an email address"), std::string::npos) << all;
  EXPECT_NE(all.find("cadence.toml:4:8: error: [mail] auth must be \"plain\" or \"login\""), std::string::npos) << all;
  EXPECT_NE(all.find("cadence.toml:5:18: error: [mail] max_per_minute must be between 0 and 100000"), std::string::npos)
      << all;
  EXPECT_NE(all.find("cadence.toml:6:1: error: [mail] unknown key 'password'"), std::string::npos) << all;
  EXPECT_EQ(all.find("secret"), std::string::npos) << all;
}

TEST(MailConfigTest, PasswordFile) {
  TempDir dir;
  EXPECT_EQ(read_password_file(dir.write("pw", "s3cret pass\r\n")), "s3cret pass");
  EXPECT_EQ(read_password_file(dir.write("pw2", "only")), "only");
  EXPECT_THROW(read_password_file(dir.write("empty", "\n")), InputError);
  try {
    read_password_file(dir.file("missing"));
    ADD_FAILURE();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos);
  }
}

}  // namespace
}  // namespace cadence::mail
