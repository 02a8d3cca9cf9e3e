// `cadence user`: accounts, grants, passwords and API tokens, on both backends, with bad input.
#include "cli_runner.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

namespace cadence {
namespace {

using testing::Backend;
using testing::CliResult;
using testing::CliRunner;
using testing::TestDatabase;

class UserCommandTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    cli.dir().write("units.csv",
                    "id,parent,name,type,secretary_email,admin_emails,timezone\n"
                    "county,,County,committee,,,Asia/Shanghai\n"
                    "town,county,Town,branch,,,Asia/Shanghai\n");
    ASSERT_EQ(cli.run({"units", "import", "units.csv"}).code, 0);
  }
  CliResult run(const std::vector<std::string>& args) const { return cli.run(args); }
  // What sqlite3 or psql answers for `sql` against the test's database.
  std::string query(const std::string& sql) const {
    const auto out = cli.dir().file("query.out");
    const std::string command =
        (GetParam() == Backend::sqlite ? "sqlite3 " + testing::shell_quote(db.uri())
                                       : "psql -qtA " + testing::shell_quote(db.uri())) +
        (GetParam() == Backend::sqlite ? " " : " -c ") + testing::shell_quote(sql) + " >" + testing::shell_quote(out) + " 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << CliRunner::slurp(out);
    return CliRunner::slurp(out);
  }

  TestDatabase db{GetParam()};
  CliRunner cli{db.uri()};
};

INSTANTIATE_TEST_SUITE_P(Backends, UserCommandTest, CADENCE_BOTH_BACKENDS);

TEST_P(UserCommandTest, AddingARoleToAnExistingUserAddsAGrant) {
  auto r = run({"user", "add", "Wang@Example.org", "--unit", "town", "--role", "secretary"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "user wang@example.org added: secretary of town (no password yet)\n");
  r = run({"user", "add", "wang@example.org", "--unit", "county", "--role", "viewer"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "user wang@example.org: now also viewer of county\n");
  r = run({"user", "add", "wang@example.org", "--unit", "county", "--role", "viewer"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "user wang@example.org already is viewer of county: nothing changed\n");
  r = run({"user", "list"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("viewer of county, secretary of town"), std::string::npos) << r.out;
  r = run({"user", "list", "--format", "json"});
  EXPECT_NE(r.out.find(R"("grants":[{"unit":"county","role":"viewer"},{"unit":"town","role":"secretary"}])"),
            std::string::npos)
      << r.out;
}

TEST_P(UserCommandTest, BadInputIsNamedAndChangesNothing) {
  auto r = run({"user", "add", "not-an-email", "--unit", "town", "--role", "viewer"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("EMAIL: 'not-an-email' is not an email address"), std::string::npos) << r.err;
  r = run({"user", "add", "a@example.org", "--unit", "town", "--role", "boss"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--role 'boss' is no role (administrator, secretary or viewer)"), std::string::npos) << r.err;
  r = run({"user", "add", "a@example.org", "--unit", "nowhere", "--role", "viewer"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("nowhere"), std::string::npos) << r.err;
  r = run({"user", "add", "a@example.org", "--role", "viewer"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--unit is required"), std::string::npos) << r.err;
  cli.dir().write("short.txt", "abc\n");
  r = run({"user", "add", "a@example.org", "--unit", "town", "--role", "viewer", "--password-file", cli.dir().file("short.txt")});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("is 3 characters long; at least 8"), std::string::npos) << r.err;
  r = run({"user", "add", "a@example.org", "--unit", "town", "--role", "viewer", "--password-file", cli.dir().file("missing")});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("cannot read the password file"), std::string::npos) << r.err;
  r = run({"user", "frobnicate"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unknown action 'frobnicate'"), std::string::npos) << r.err;
  r = run({"user", "token", "nobody@example.org"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("no user 'nobody@example.org'"), std::string::npos) << r.err;
  r = run({"user", "token", "revoke", "x1"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("ID 'x1' is not a token's number"), std::string::npos) << r.err;
  EXPECT_EQ(query("SELECT COUNT(*) FROM users"), "0\n");
}

TEST_P(UserCommandTest, APasswordIsStoredAsAPbkdf2HashOnly) {
  cli.dir().write("pw.txt", "correct horse battery\n");
  auto r = run({"user", "add", "a@example.org", "--unit", "town", "--role", "secretary", "--password-file",
                cli.dir().file("pw.txt")});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "user a@example.org added: secretary of town\n");
  const auto hash = query("SELECT password_hash FROM users");
  EXPECT_EQ(hash.rfind("pbkdf2-sha256$600000$", 0), 0u) << hash;
  EXPECT_EQ(query("SELECT COUNT(*) FROM users WHERE password_hash LIKE '%horse%'"), "0\n");
  EXPECT_EQ(query("SELECT COUNT(*) FROM audit WHERE after LIKE '%pbkdf2%' OR before LIKE '%pbkdf2%'"), "0\n");
  // An existing user's password changes with passwd, never by add.
  r = run({"user", "add", "a@example.org", "--unit", "county", "--role", "viewer", "--password-file",
           cli.dir().file("pw.txt")});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("cadence user passwd"), std::string::npos) << r.err;
  cli.dir().write("pw2.txt", "another long password\n");
  r = run({"user", "passwd", "a@example.org", "--password-file", cli.dir().file("pw2.txt")});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(query("SELECT password_hash FROM users"), hash);
  // With no file the password comes from stdin, which is empty here.
  r = run({"user", "passwd", "a@example.org"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("stdin holds no password"), std::string::npos) << r.err;
}

TEST_P(UserCommandTest, ATokenIsShownOnceStoredHashedAndRevocable) {
  ASSERT_EQ(run({"user", "add", "a@example.org", "--unit", "town", "--role", "viewer"}).code, 0);
  auto r = run({"user", "token", "a@example.org", "--label", "platform"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto newline = r.out.find('\n');
  EXPECT_EQ(r.out.substr(0, newline).rfind("API token 1 for a@example.org (shown once", 0), 0u) << r.out;
  const auto token = r.out.substr(newline + 1, r.out.size() - newline - 2);
  EXPECT_GE(token.size(), 43u) << token;  // 256 bits, base64url
  EXPECT_EQ(query("SELECT COUNT(*) FROM api_tokens WHERE hash LIKE '%" + token + "%' OR label LIKE '%" + token + "%'"),
            "0\n");
  EXPECT_EQ(query("SELECT COUNT(*) FROM audit WHERE after LIKE '%" + token + "%'"), "0\n");
  EXPECT_EQ(query("SELECT label FROM api_tokens"), "platform\n");
  EXPECT_NE(run({"user", "list"}).out.find(" 1 (platform) "), std::string::npos) << run({"user", "list"}).out;
  EXPECT_NE(run({"user", "list", "--format", "json"}).out.find(R"("tokens":[{"id":1,"label":"platform",)"),
            std::string::npos);
  r = run({"user", "token", "revoke", "1"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "API token 1 revoked: it is refused from now on\n");
  r = run({"user", "token", "revoke", "1"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "cadence: there is no live API token 1\n");
  EXPECT_EQ(run({"user", "list"}).out.find("(platform)"), std::string::npos);
}

TEST_P(UserCommandTest, DisableAndEnable) {
  ASSERT_EQ(run({"user", "add", "a@example.org", "--unit", "town", "--role", "viewer"}).code, 0);
  auto r = run({"user", "disable", "a@example.org"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "user a@example.org disabled: its sessions ended, its API tokens refused\n");
  EXPECT_EQ(run({"user", "disable", "a@example.org"}).out, "user a@example.org already is disabled\n");
  r = run({"user", "token", "a@example.org"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("is disabled"), std::string::npos) << r.err;
  EXPECT_NE(run({"user", "list"}).out.find(" disabled"), std::string::npos);
  EXPECT_EQ(run({"user", "enable", "a@example.org"}).out, "user a@example.org enabled\n");
  EXPECT_EQ(run({"user", "enable", "nobody@example.org"}).code, 2);
}

TEST_P(UserCommandTest, ListOnlyReads) {
  const auto r = CliRunner(GetParam() == Backend::sqlite ? cli.dir().file("missing.db") : db.uri()).run({"user", "list"});
  if (GetParam() == Backend::sqlite) {
    EXPECT_EQ(r.code, 1);
    EXPECT_FALSE(std::filesystem::exists(cli.dir().file("missing.db")));
  } else {
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "No users.\n");
  }
}

}  // namespace
}  // namespace cadence
