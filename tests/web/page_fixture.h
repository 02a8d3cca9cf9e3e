#pragma once
// The fixture the dashboard's page tests share: the two-township county on a real
// `cadence serve`, on either backend, with users and API tokens made by the real `cadence user`
// commands (a page takes a session cookie or a token alike), and v1's branch committee
// meeting of May 2026 recorded.
#include "api_client.h"
#include "cli/cli_runner.h"
#include "serve_process.h"
#include "support/test_database.h"
#include "two_townships.h"

#include <gtest/gtest.h>

namespace cadence::testing {

// May 2026 is over on 5 June: v1 held its branch committee meeting (met), v2 did not (missed).
constexpr const char* kMay = "as_of=2026-06-05&period=2026-05&rule=branch-committee-meeting";

class PageFixture : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    // v2's name holds what CSV and HTML must escape.
    std::string units = kTwoTownshipsCsv;
    const std::string plain = "v2,town-a,二村党支部,";
    units.replace(units.find(plain), plain.size(), "v2,town-a,\"二村党支部,=X\",");
    cli.dir().write("units.csv", units);
    cli.dir().write("records.csv", "unit,rule,date,tags,period,note\nv1,branch-committee-meeting,2026-05-12,,,\n");
    for (const char* what : {"units", "records"}) {
      const auto imported = run({what, "import", std::string(what) + ".csv"});
      ASSERT_EQ(imported.code, 0) << imported.err;
    }
    county_admin = user("county@example.org", "county", "administrator");
    town_admin = user("town-a@example.org", "town-a", "administrator");
    other_admin = user("town-b@example.org", "town-b", "administrator");
    secretary = user("v1@example.org", "v1", "secretary");
    ASSERT_TRUE(server.start({"--db", database.uri(), "--rules", CADENCE_SOURCE_DIR "/rules", "--calendars",
                              CADENCE_SOURCE_DIR "/calendars"},
                             cli.dir().file("serve.log")))
        << server.log();
  }

  CliResult run(const std::vector<std::string>& args) const { return cli.run(with_repo_data(args)); }

  std::string user(const std::string& email, const std::string& unit, const std::string& role) {
    EXPECT_EQ(run({"user", "add", email, "--unit", unit, "--role", role}).code, 0);
    const auto issued = run({"user", "token", email, "--label", "dashboard test"});
    EXPECT_EQ(issued.code, 0) << issued.err;
    auto token = issued.out.substr(issued.out.find('\n') + 1);
    return token.substr(0, token.find('\n'));
  }

  ApiReply get(const std::string& path, const std::string& token) {
    return api_request(server.port(), "GET", path, token);
  }
  // A form's POST, as a browser sends it (application/x-www-form-urlencoded).
  ApiReply post_form(const std::string& path, const std::string& token, const std::string& form) {
    return api_request(server.port(), "POST", path, token, form,
                       {{"Content-Type", "application/x-www-form-urlencoded"}});
  }

  // The data-unit of each row of the overview's table body, in order.
  static std::vector<std::string> rows(const std::string& html) {
    std::vector<std::string> units;
    const auto body = html.find("<tbody>");
    const auto end = html.find("</tbody>");
    for (auto at = html.find("<tr data-unit=\"", body); at < end; at = html.find("<tr data-unit=\"", at + 1)) {
      const auto from = at + 15;
      units.push_back(html.substr(from, html.find('"', from) - from));
    }
    return units;
  }

  TestDatabase database{GetParam()};
  CliRunner cli{database.uri()};
  ServeProcess server;
  std::string county_admin, town_admin, other_admin, secretary;
};

}  // namespace cadence::testing
